using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Reports.Core.Generators.Parsing;

/// <summary>Naming rules: schema keys are snake_case, C# names PascalCase identifiers.</summary>
internal static class Names
{
    private static readonly Regex KeyPattern = new("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex IdentifierPattern = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    public static bool IsKey(string key) => KeyPattern.IsMatch(key);

    public static bool IsIdentifier(string name) => IdentifierPattern.IsMatch(name) && !Keywords.Contains(name);

    /// <summary>True when <paramref name="name"/> is a member the generated types already have (<see cref="Emit.GeneratedMembers"/>).</summary>
    public static bool IsReserved(string name) => Emit.GeneratedMembers.Names.Contains(name);

    public static bool IsNamespace(string ns)
    {
        foreach (string part in ns.Split('.'))
        {
            if (!IdentifierPattern.IsMatch(part) || Keywords.Contains(part))
            {
                return false;
            }
        }

        return ns.Length > 0;
    }

    public static string Pascal(string key)
    {
        var sb = new StringBuilder(key.Length);
        bool upper = true;
        foreach (char c in key)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.ToString();
    }

    /// <summary>
    /// A key segment as a JSON property name (the wire format): camelCase, underscores dropped (<c>carried_in</c> →
    /// <c>carriedIn</c>). The one place this rule lives: the generator emits every cell's JSON path, the runtime reads it.
    /// </summary>
    public static string Camel(string key)
    {
        var sb = new StringBuilder(key.Length);
        bool upper = false;
        foreach (char c in key)
        {
            if (c == '_')
            {
                upper = sb.Length > 0;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.ToString();
    }

    /// <summary>A cell key as its JSON path: each dotted segment in camelCase (<c>t3.carried_in.np</c> → <c>t3.carriedIn.np</c>).</summary>
    public static string JsonPath(string cellKey)
    {
        string[] parts = cellKey.Split('.');
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = Camel(parts[i]);
        }

        return string.Join(".", parts);
    }

    public static string Join(string prefix, string key) => prefix.Length == 0 ? key : key.Length == 0 ? prefix : prefix + "." + key;
}
