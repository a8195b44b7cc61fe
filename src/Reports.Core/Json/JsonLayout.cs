using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Reports.Core.Schema;

namespace Reports.Core.Json;

/// <summary>
/// The JSON shape of a schema: each cell's generated JSON path (<c>t3.carriedIn.np</c> for the key
/// <c>t3.carried_in.np</c>, <see cref="ReportSchema.JsonPaths"/>) as nested properties <c>t3 › carriedIn › np</c>, with
/// every name as text, UTF-8 and pre-encoded for the writer. Built once per schema; the full reader, the writer and the
/// bulk fast path all walk this one tree. No naming rule lives here: the names come from the generator.
/// </summary>
internal sealed class JsonLayout
{
    private static readonly ConditionalWeakTable<ReportSchema, JsonLayout> Cache = new();

    private JsonLayout(ReportSchema schema)
    {
        Path = new Node[schema.CellCount][];
        Root = new Node(null, string.Empty);
        foreach (CellInfo cell in schema.Cells)
        {
            string[] names = schema.JsonPaths[cell.Ordinal].Split('.');
            var path = new Node[names.Length];
            Node node = Root;
            for (int i = 0; i < names.Length; i++)
            {
                if (!node.Children.TryGetValue(names[i], out Node? child))
                {
                    child = new Node(node.Path is null ? names[i] : node.Path + "." + names[i], names[i]);
                    node.Children.Add(names[i], child);
                }

                node = path[i] = child;
            }

            node.Ordinal = cell.Ordinal;
            Path[cell.Ordinal] = path;
        }
    }

    /// <summary>Per cell ordinal, the properties from the top-level one down to the cell's own.</summary>
    public Node[][] Path { get; }

    public Node Root { get; }

    public static JsonLayout For(ReportSchema schema) => Cache.GetValue(schema, static s => new JsonLayout(s));

    internal sealed class Node
    {
        public Node(string? path, string name)
        {
            Path = path;
            Name = name;
            Utf8 = Encoding.UTF8.GetBytes(name);
            Encoded = JsonEncodedText.Encode(name);
        }

        /// <summary>The dotted JSON path (<c>t3.carriedIn</c>); null for the root.</summary>
        public string? Path { get; }

        /// <summary>The property name.</summary>
        public string Name { get; }

        /// <summary>The property name as UTF-8, for byte-wise matching.</summary>
        public byte[] Utf8 { get; }

        /// <summary>The property name pre-encoded for <see cref="Utf8JsonWriter"/>.</summary>
        public JsonEncodedText Encoded { get; }

        /// <summary>Child properties by name, in schema order.</summary>
        public Dictionary<string, Node> Children { get; } = new(System.StringComparer.Ordinal);

        public int Ordinal { get; set; } = -1;
    }
}
