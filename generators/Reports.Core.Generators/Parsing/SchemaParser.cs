using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using Reports.Core.Generators.Diagnostics;
using Reports.Core.Generators.Model;

namespace Reports.Core.Generators.Parsing;

/// <summary>
/// Reads one schema file into an <see cref="EditionModel"/>: tables, rows and columns as trees, cells in
/// row-major order with resolved kinds, then the identities expanded into instances. Reports every problem
/// as a located diagnostic and keeps going, so one build shows all of them.
/// </summary>
internal static class SchemaParser
{
    private static readonly string[] TopLevel = { "$schema", "formatVersion", "edition", "typeName", "namespace", "title", "instrument", "years", "tables", "identities", "crossYear", "statements", "description" };
    private static readonly string[] TableProps = { "key", "name", "label", "note", "description", "kind", "unit", "decimals", "columns", "rows", "aliases" };
    private static readonly string[] RowProps = { "key", "name", "label", "description", "aliases", "kind", "unit", "decimals", "columns", "rows", "absent" };
    private static readonly string[] ColumnProps = { "key", "name", "label", "description", "aliases", "kind", "unit", "decimals", "columns" };

    public static SchemaParseResult Parse(string path, SourceText text, string? defaultNamespace, CancellationToken cancellationToken)
    {
        var ctx = new SchemaContext(path, text);
        JsonNode? root = JsonParser.Parse(text.ToString(), out string? error, out TextSpan errorSpan);
        if (root is null)
        {
            ctx.Report(GeneratorDiagnostics.InvalidJson, errorSpan, error ?? "unknown error");
            return new SchemaParseResult(null, ctx.Diagnostics);
        }

        if (root.Kind != JsonKind.Object)
        {
            ctx.Report(GeneratorDiagnostics.InvalidValue, root.Span, "(root)", "must be an object");
            return new SchemaParseResult(null, ctx.Diagnostics);
        }

        ReportDuplicateProperties(ctx, root);
        var reader = new NodeReader(ctx);
        reader.CheckProperties(root, TopLevel, "the schema");
        JsonNode? version = reader.Required(root, "formatVersion", "the schema");
        if (version is not null && (version.Kind != JsonKind.Number || version.Text != "1"))
        {
            ctx.Report(GeneratorDiagnostics.InvalidValue, version.Span, "formatVersion", "must be 1");
        }

        string edition = reader.RequiredString(root, "edition", "the schema") ?? "?";
        string typeName = reader.Identifier(root, "typeName", null, "the schema") ?? "Report";
        if (typeName == Emit.RegistryEmitter.ClassName)
        {
            ctx.Report(GeneratorDiagnostics.ReservedName, root["typeName"]!.Span, "the report type", typeName, "typeName");
        }

        string ns = defaultNamespace is { Length: > 0 } && Names.IsNamespace(defaultNamespace) ? defaultNamespace : "Reports.Generated";
        if (root["namespace"] is JsonNode nsNode)
        {
            if (nsNode.Kind == JsonKind.String && Names.IsNamespace(nsNode.Text!))
            {
                ns = nsNode.Text!;
            }
            else
            {
                ctx.Report(GeneratorDiagnostics.InvalidValue, nsNode.Span, "namespace", "must be a dotted C# namespace");
            }
        }

        string title = reader.RequiredString(root, "title", "the schema") ?? string.Empty;
        string? instrument = reader.OptionalString(root, "instrument");
        int? from = null;
        int? to = null;
        if (root["years"] is JsonNode years)
        {
            from = reader.OptionalInt(years, "from");
            to = reader.OptionalInt(years, "to");
            reader.CheckProperties(years, new[] { "from", "to" }, "years");
        }

        var builder = new CellTreeBuilder(ctx, reader);
        var tables = new List<TableModel>();
        var tableKeys = new HashSet<string>();
        JsonNode? tablesNode = reader.Required(root, "tables", "the schema");
        if (tablesNode is not null && reader.ExpectArray(tablesNode, "tables"))
        {
            foreach (JsonNode tableNode in tablesNode.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                TableModel? table = builder.ReadTable(tableNode, TableProps, RowProps, ColumnProps);
                if (table is null)
                {
                    continue;
                }

                if (!tableKeys.Add(table.Key))
                {
                    ctx.Report(GeneratorDiagnostics.DuplicateKey, tableNode["key"]!.Span, "table key", table.Key, string.Empty);
                }

                tables.Add(table);
            }
        }

        if (!builder.TableNames.Add(typeName))
        {
            ctx.Report(GeneratorDiagnostics.DuplicateKey, root["typeName"]!.Span, "name", typeName, ": a table has the same name as the report type");
        }

        var expander = new IdentityExpander(ctx, reader, builder);
        if (root["identities"] is JsonNode identitiesNode && reader.ExpectArray(identitiesNode, "identities"))
        {
            foreach (JsonNode identityNode in identitiesNode.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                expander.Expand(identityNode);
            }
        }

        EquatableArray<int> order = expander.DerivationOrder();
        var crossYear = new CrossYearReader(ctx, reader, builder.Cells);
        if (root["crossYear"] is JsonNode crossYearNode && reader.ExpectArray(crossYearNode, "crossYear"))
        {
            foreach (JsonNode linkNode in crossYearNode.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                crossYear.Read(linkNode);
            }
        }

        var statements = new StatementReader(ctx, reader, builder.Cells);
        if (root["statements"] is JsonNode statementsNode && reader.ExpectArray(statementsNode, "statements"))
        {
            foreach (JsonNode statementNode in statementsNode.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                statements.Read(statementNode);
            }
        }

        if (ctx.HasErrors)
        {
            return new SchemaParseResult(null, ctx.Diagnostics);
        }

        List<CellModel> cells = builder.Cells
            .Select(c => c with
            {
                IsDerived = expander.DerivedCells.Contains(c.Ordinal),
                Identities = expander.Instances.Where(i => i.Left.Contains(c.Ordinal) || i.Right.Contains(c.Ordinal)).Select(i => i.Index).ToEquatableArray(),
            })
            .ToList();

        var model = new EditionModel(
            ns, typeName, edition, title, instrument, from, to, System.IO.Path.GetFileName(path),
            tables.ToEquatableArray(), cells.ToEquatableArray(), expander.Instances.ToEquatableArray(), order, crossYear.Links.ToEquatableArray(), statements.Statements.ToEquatableArray());
        TextSpan editionSpan = root["edition"]!.Span;
        var entry = new EditionEntry(ns, typeName, edition, path, editionSpan, ctx.LineSpan(editionSpan));
        return new SchemaParseResult(model, ctx.Diagnostics, entry);
    }

    private static void ReportDuplicateProperties(SchemaContext ctx, JsonNode node)
    {
        if (node.Kind == JsonKind.Object)
        {
            var seen = new HashSet<string>();
            foreach (JsonProperty property in node.Properties)
            {
                if (!seen.Add(property.Name))
                {
                    ctx.Report(GeneratorDiagnostics.DuplicateKey, property.NameSpan, "JSON property", property.Name, string.Empty);
                }

                ReportDuplicateProperties(ctx, property.Value);
            }
        }
        else if (node.Kind == JsonKind.Array)
        {
            foreach (JsonNode item in node.Items)
            {
                ReportDuplicateProperties(ctx, item);
            }
        }
    }
}

/// <summary>Typed access to JSON properties, reporting a located diagnostic for every wrong or missing value.</summary>
internal sealed class NodeReader
{
    private readonly SchemaContext _ctx;

    public NodeReader(SchemaContext ctx) => _ctx = ctx;

    public void CheckProperties(JsonNode node, string[] known, string where)
    {
        foreach (JsonProperty property in node.Properties)
        {
            if (System.Array.IndexOf(known, property.Name) < 0)
            {
                _ctx.Report(GeneratorDiagnostics.UnknownProperty, property.NameSpan, property.Name, where);
            }
        }
    }

    public JsonNode? Required(JsonNode node, string name, string where)
    {
        JsonNode? value = node[name];
        if (value is null)
        {
            _ctx.Report(GeneratorDiagnostics.MissingProperty, new TextSpan(node.Span.Start, 1), name, where);
        }

        return value;
    }

    public string? RequiredString(JsonNode node, string name, string where)
    {
        JsonNode? value = Required(node, name, where);
        return value is null ? null : AsString(value, name);
    }

    public string? OptionalString(JsonNode node, string name)
    {
        JsonNode? value = node[name];
        return value is null || value.Kind == JsonKind.Null ? null : AsString(value, name);
    }

    public int? OptionalInt(JsonNode node, string name)
    {
        JsonNode? value = node[name];
        if (value is null || value.Kind == JsonKind.Null)
        {
            return null;
        }

        if (value.Kind == JsonKind.Number && int.TryParse(value.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int result))
        {
            return result;
        }

        _ctx.Report(GeneratorDiagnostics.InvalidValue, value.Span, name, "must be a whole number");
        return null;
    }

    public string? Identifier(JsonNode node, string name, string? fallback, string where)
    {
        JsonNode? value = node[name];
        if (value is null)
        {
            if (fallback is null)
            {
                Required(node, name, where);
            }
            else if (Names.IsReserved(fallback))
            {
                // The name comes from the key: point at the key, the text the author wrote.
                JsonNode? key = node["key"];
                _ctx.Report(GeneratorDiagnostics.ReservedName, key?.Span ?? node.Span, where, fallback, key is null ? "its name" : "key '" + key.Text + "'");
            }

            return fallback;
        }

        string? text = AsString(value, name);
        if (text is not null && !Names.IsIdentifier(text))
        {
            _ctx.Report(GeneratorDiagnostics.InvalidValue, value.Span, name, "must be a C# identifier that is not a keyword, found '" + text + "'");
            return fallback;
        }

        if (text is not null && Names.IsReserved(text))
        {
            _ctx.Report(GeneratorDiagnostics.ReservedName, value.Span, where, text, "its name");
            return fallback;
        }

        return text;
    }

    public List<string> StringList(JsonNode node, string name)
    {
        var list = new List<string>();
        JsonNode? value = node[name];
        if (value is null || !ExpectArray(value, name))
        {
            return list;
        }

        foreach (JsonNode item in value.Items)
        {
            if (AsString(item, name) is string s)
            {
                list.Add(s);
            }
        }

        return list;
    }

    public bool ExpectArray(JsonNode node, string name)
    {
        if (node.Kind == JsonKind.Array)
        {
            return true;
        }

        _ctx.Report(GeneratorDiagnostics.InvalidValue, node.Span, name, "must be an array, found " + node.Describe());
        return false;
    }

    public bool ExpectObject(JsonNode node, string name)
    {
        if (node.Kind == JsonKind.Object)
        {
            return true;
        }

        _ctx.Report(GeneratorDiagnostics.InvalidValue, node.Span, name, "must be an object, found " + node.Describe());
        return false;
    }

    private string? AsString(JsonNode value, string name)
    {
        if (value.Kind == JsonKind.String)
        {
            return value.Text;
        }

        _ctx.Report(GeneratorDiagnostics.InvalidValue, value.Span, name, "must be a string, found " + value.Describe());
        return null;
    }
}
