using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Reports.Core.Schema;

namespace Reports.Core.Json;

/// <summary>
/// The JSON shape of a schema: each cell key <c>t3.carried_in.np</c> becomes nested properties
/// <c>t3 › carriedIn › np</c>. Built once per schema.
/// </summary>
internal sealed class JsonLayout
{
    private static readonly ConditionalWeakTable<ReportSchema, JsonLayout> Cache = new();

    private JsonLayout(ReportSchema schema)
    {
        Segments = new string[schema.CellCount][];
        Root = new Node(null);
        foreach (CellInfo cell in schema.Cells)
        {
            string[] parts = cell.Key.Split('.');
            var names = new string[parts.Length];
            Node node = Root;
            for (int i = 0; i < parts.Length; i++)
            {
                names[i] = CamelCase(parts[i]);
                if (!node.Children.TryGetValue(names[i], out Node? child))
                {
                    child = new Node(Join(node.Path, names[i]));
                    node.Children.Add(names[i], child);
                }

                node = child;
            }

            node.Ordinal = cell.Ordinal;
            Segments[cell.Ordinal] = names;
        }
    }

    public string[][] Segments { get; }

    public Node Root { get; }

    public static JsonLayout For(ReportSchema schema) => Cache.GetValue(schema, static s => new JsonLayout(s));

    public static string CamelCase(string key)
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

    private static string Join(string? path, string name) => path is null ? name : path + "." + name;

    internal sealed class Node
    {
        public Node(string? path) => Path = path;

        public string? Path { get; }

        public Dictionary<string, Node> Children { get; } = new(System.StringComparer.Ordinal);

        public int Ordinal { get; set; } = -1;
    }
}
