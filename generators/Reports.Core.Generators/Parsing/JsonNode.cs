using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace Reports.Core.Generators.Parsing;

/// <summary>The kinds of JSON value.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A parsed JSON value that remembers where it stands, so schema diagnostics point at the right text.</summary>
internal sealed class JsonNode
{
    public JsonNode(JsonKind kind, TextSpan span, string? text = null)
    {
        Kind = kind;
        Span = span;
        Text = text;
    }

    public JsonKind Kind { get; }

    public TextSpan Span { get; }

    /// <summary>String value, or the raw text of a number.</summary>
    public string? Text { get; }

    /// <summary>Properties of an object, in document order (duplicates kept so they can be reported).</summary>
    public List<JsonProperty> Properties { get; } = new();

    /// <summary>Items of an array.</summary>
    public List<JsonNode> Items { get; } = new();

    public JsonNode? this[string name]
    {
        get
        {
            foreach (JsonProperty property in Properties)
            {
                if (property.Name == name)
                {
                    return property.Value;
                }
            }

            return null;
        }
    }

    public string Describe() => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Null => "null",
        _ => "a boolean",
    };
}

/// <summary>A property of a JSON object with the span of its name.</summary>
internal sealed class JsonProperty
{
    public JsonProperty(string name, TextSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    public JsonNode Value { get; }
}
