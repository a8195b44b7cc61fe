using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Reports.Core.Generators.Diagnostics;
using Reports.Core.Generators.Model;

namespace Reports.Core.Generators.Parsing;

/// <summary>Reads tables, rows and columns, and numbers the cells row by row.</summary>
internal sealed class CellTreeBuilder
{
    private readonly SchemaContext _ctx;
    private readonly NodeReader _reader;

    public CellTreeBuilder(SchemaContext ctx, NodeReader reader)
    {
        _ctx = ctx;
        _reader = reader;
    }

    public List<CellModel> Cells { get; } = new();

    // JSON path → cell key: two keys that differ only in underscores (a_1, a1) would be one JSON property.
    private readonly Dictionary<string, string> _jsonPaths = new();
    private readonly HashSet<Microsoft.CodeAnalysis.Text.TextSpan> _jsonCollisions = new();
    private readonly HashSet<Microsoft.CodeAnalysis.Text.TextSpan> _strayDecimals = new();

    public List<TableDef> Tables { get; } = new();

    public HashSet<string> TableNames { get; } = new();

    public TableModel? ReadTable(JsonNode node, string[] tableProps, string[] rowProps, string[] columnProps)
    {
        if (!_reader.ExpectObject(node, "tables[]"))
        {
            return null;
        }

        _reader.CheckProperties(node, tableProps, "a table");
        string? key = Key(node, required: true, "a table");
        if (key is null)
        {
            return null;
        }

        string name = _reader.Identifier(node, "name", Names.Pascal(key), "table '" + key + "'") ?? Names.Pascal(key);
        if (!TableNames.Add(name))
        {
            _ctx.Report(GeneratorDiagnostics.DuplicateKey, (node["name"] ?? node["key"])!.Span, "table name", name, string.Empty);
        }

        string label = _reader.RequiredString(node, "label", "table '" + key + "'") ?? key;
        var table = new TableDef(key, name, label, _reader.OptionalString(node, "note"), node);
        List<ColumnDef>? columns = node["columns"] is JsonNode cols ? ReadColumns(cols, string.Empty, columnProps, key) : null;
        JsonNode? rows = _reader.Required(node, "rows", "table '" + key + "'");
        if (rows is not null && _reader.ExpectArray(rows, "rows"))
        {
            var scope = new Scope(table, columns, name, new List<JsonNode> { node }, new List<string> { label });
            table.Rows.AddRange(ReadRows(rows, string.Empty, scope, rowProps, columnProps));
        }

        Tables.Add(table);
        return new TableModel(key, name, label, table.Note, table.Rows.Select(ToModel).ToEquatableArray());
    }

    private List<RowDef> ReadRows(JsonNode array, string prefix, Scope scope, string[] rowProps, string[] columnProps)
    {
        var rows = new List<RowDef>();
        var keys = new HashSet<string>();
        var names = new HashSet<string>();
        foreach (JsonNode node in array.Items)
        {
            if (!_reader.ExpectObject(node, "rows[]"))
            {
                continue;
            }

            _reader.CheckProperties(node, rowProps, "a row");
            bool isGroup = node["rows"] is not null;
            string? key = Key(node, required: false, "a row");
            string label = _reader.RequiredString(node, "label", "a row") ?? string.Empty;
            string fullKey = Names.Join(prefix, key ?? string.Empty);
            string name = _reader.Identifier(node, "name", key is null ? null : Names.Pascal(key), "row '" + (key ?? label) + "'")
                ?? (key is null ? "Row" + rows.Count.ToString(CultureInfo.InvariantCulture) : Names.Pascal(key));
            if (key is not null && !keys.Add(key))
            {
                _ctx.Report(GeneratorDiagnostics.DuplicateKey, node["key"]!.Span, "row key", key, " in '" + scope.Table.Key + "'");
            }

            if (!names.Add(name) || name == scope.OwnerName)
            {
                _ctx.Report(GeneratorDiagnostics.DuplicateKey, (node["name"] ?? node["key"] ?? node["label"])!.Span, "row name", name, " (a name must differ from its siblings and its parent)");
            }

            var row = new RowDef(fullKey, name, label, _reader.OptionalString(node, "description"), _reader.StringList(node, "aliases"), node);
            var labels = new List<string>(scope.Labels);
            // The single keyless row of a one-row table has no printed label of its own.
            if (label.Length > 0 && label != scope.Table.Label && !(key is null && !isGroup))
            {
                labels.Add(label);
            }

            var chain = new List<JsonNode>(scope.KindChain);
            chain.Insert(0, node);
            if (isGroup)
            {
                List<ColumnDef>? columns = scope.Columns;
                string owner = scope.ColumnsOwner;
                if (node["columns"] is JsonNode cols)
                {
                    columns = ReadColumns(cols, string.Empty, columnProps, scope.Table.Key);
                    owner = name;
                }

                JsonNode children = node["rows"]!;
                if (_reader.ExpectArray(children, "rows"))
                {
                    row.Children.AddRange(ReadRows(children, fullKey, new Scope(scope.Table, columns, owner, chain, labels) { OwnerName = name }, rowProps, columnProps));
                }
            }
            else
            {
                if (key is null && (scope.Table.Rows.Count > 0 || array.Items.Count > 1 || prefix.Length > 0))
                {
                    _ctx.Report(GeneratorDiagnostics.MissingProperty, node.Span, "key", "a data row (only the single row of a one-row table may omit it)");
                }

                if (node["columns"] is JsonNode stray)
                {
                    _ctx.Report(GeneratorDiagnostics.InvalidValue, stray.Span, "columns", "belongs on a table or a group row, not on a data row");
                }

                if (scope.Columns is null)
                {
                    _ctx.Report(GeneratorDiagnostics.MissingProperty, node.Span, "columns", "the table or a group above row '" + fullKey + "'");
                }
                else
                {
                    AddCells(row, scope, chain, labels, _reader.StringList(node, "absent"), node);
                }
            }

            rows.Add(row);
        }

        return rows;
    }

    private void AddCells(RowDef row, Scope scope, List<JsonNode> chain, List<string> rowLabels, List<string> absent, JsonNode node)
    {
        row.Columns = scope.Columns!;
        row.ColumnsOwner = scope.ColumnsOwner;
        List<(ColumnDef Leaf, List<ColumnDef> Path)> leaves = Leaves(scope.Columns!);
        foreach (string missing in absent.Where(a => leaves.All(l => l.Leaf.Key != a)))
        {
            _ctx.Report(GeneratorDiagnostics.InvalidValue, node["absent"]!.Span, "absent", "names '" + missing + "', which is not a column of row '" + row.Key + "'");
        }

        foreach ((ColumnDef leaf, List<ColumnDef> path) in leaves)
        {
            if (absent.Contains(leaf.Key))
            {
                row.CellOrdinals.Add(-1);
                continue;
            }

            int ordinal = Cells.Count;
            row.CellOrdinals.Add(ordinal);
            var lookup = new List<JsonNode> { leaf.Node };
            lookup.AddRange(chain);
            CellKind kind = ResolveKind(lookup);
            string unit = ResolveString(lookup, "unit") ?? string.Empty;
            int scale = 0;
            if (kind != CellKind.Money && lookup.Select(n => n["decimals"]).FirstOrDefault(d => d is not null) is JsonNode stray && _strayDecimals.Add(stray.Span))
            {
                // decimals scale money only: on a count or delta cell it would be silently ignored.
                _ctx.Report(GeneratorDiagnostics.InvalidValue, stray.Span, "decimals", "applies to money cells only, but it reaches the " + kind.ToString().ToLowerInvariant() + " cell '" + Names.Join(Names.Join(scope.Table.Key, row.Key), leaf.Key) + "'");
            }

            if (kind == CellKind.Money)
            {
                JsonNode? decimals = lookup.Select(n => n["decimals"]).FirstOrDefault(d => d is not null);
                if (decimals is null || decimals.Kind != JsonKind.Number || !int.TryParse(decimals.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out scale) || scale < 0 || scale > 6)
                {
                    _ctx.Report(decimals is null ? GeneratorDiagnostics.MissingProperty : GeneratorDiagnostics.InvalidValue, (decimals ?? leaf.Node).Span, "decimals", decimals is null ? "a money cell ('" + row.Key + "." + leaf.Key + "')" : "must be a whole number from 0 to 6");
                    scale = 0;
                }
            }

            var labels = new List<string>(rowLabels);
            labels.AddRange(path.Select(c => c.Label));
            string key = Names.Join(Names.Join(scope.Table.Key, row.Key), leaf.Key);
            string json = Names.JsonPath(key);
            if (!_jsonPaths.TryGetValue(json, out string? other))
            {
                _jsonPaths.Add(json, key);
            }
            else if (other != key)
            {
                // At the row's key when the keys first differ there (once per row), else at the column's.
                string[] a = other.Split('.'), b = key.Split('.');
                int differ = 0;
                while (a[differ] == b[differ])
                {
                    differ++;
                }

                bool inRow = differ <= (row.Key.Length == 0 ? 0 : row.Key.Split('.').Length);
                Microsoft.CodeAnalysis.Text.TextSpan at = ((inRow ? node["key"] : leaf.Node["key"]) ?? leaf.Node).Span;
                if (_jsonCollisions.Add(at))
                {
                    _ctx.Report(GeneratorDiagnostics.DuplicateKey, at, "JSON property", json, ": cells '" + other + "' and '" + key + "' have the same name in JSON (keys are written in camelCase)");
                }
            }

            Cells.Add(new CellModel(ordinal, key, scope.Table.Key, row.Key, leaf.Key, labels.ToEquatableArray(), kind, unit, scale, false, EquatableArray<int>.Empty));
        }
    }

    private CellKind ResolveKind(List<JsonNode> lookup)
    {
        JsonNode? node = lookup.Select(n => n["kind"]).FirstOrDefault(k => k is not null);
        switch (node?.Text)
        {
            case null:
                return CellKind.Count;
            case "count":
                return CellKind.Count;
            case "delta":
                return CellKind.Delta;
            case "money":
                return CellKind.Money;
            default:
                _ctx.Report(GeneratorDiagnostics.InvalidValue, node.Span, "kind", "must be 'count', 'delta' or 'money'");
                return CellKind.Count;
        }
    }

    private static string? ResolveString(List<JsonNode> lookup, string name) =>
        lookup.Select(n => n[name]).FirstOrDefault(k => k is not null)?.Text;

    private List<ColumnDef> ReadColumns(JsonNode array, string prefix, string[] columnProps, string tableKey)
    {
        var columns = new List<ColumnDef>();
        if (!_reader.ExpectArray(array, "columns"))
        {
            return columns;
        }

        var keys = new HashSet<string>();
        foreach (JsonNode node in array.Items)
        {
            if (!_reader.ExpectObject(node, "columns[]"))
            {
                continue;
            }

            _reader.CheckProperties(node, columnProps, "a column");
            bool isGroup = node["columns"] is not null;
            string? key = Key(node, required: !isGroup, "a leaf column");
            string label = _reader.RequiredString(node, "label", "a column") ?? string.Empty;
            string name = _reader.Identifier(node, "name", key is null ? null : Names.Pascal(key), "column '" + (key ?? label) + "'")
                ?? Names.Pascal(key ?? "group" + columns.Count.ToString(CultureInfo.InvariantCulture));
            if (key is not null && !keys.Add(key))
            {
                _ctx.Report(GeneratorDiagnostics.DuplicateKey, node["key"]!.Span, "column key", key, " in '" + tableKey + "'");
            }

            var column = new ColumnDef(Names.Join(prefix, key ?? string.Empty), key is not null, name, label, _reader.StringList(node, "aliases"), node);
            if (isGroup)
            {
                column.Children.AddRange(ReadColumns(node["columns"]!, column.Key, columnProps, tableKey));
            }

            columns.Add(column);
        }

        return columns;
    }

    public static List<(ColumnDef Leaf, List<ColumnDef> Path)> Leaves(List<ColumnDef> columns)
    {
        var result = new List<(ColumnDef, List<ColumnDef>)>();
        void Walk(List<ColumnDef> level, List<ColumnDef> path)
        {
            foreach (ColumnDef column in level)
            {
                var next = new List<ColumnDef>(path) { column };
                if (column.Children.Count == 0)
                {
                    result.Add((column, next));
                }
                else
                {
                    Walk(column.Children, next);
                }
            }
        }

        Walk(columns, new List<ColumnDef>());
        return result;
    }

    private string? Key(JsonNode node, bool required, string where)
    {
        JsonNode? key = node["key"];
        if (key is null)
        {
            if (required)
            {
                _reader.Required(node, "key", where);
            }

            return null;
        }

        if (key.Kind != JsonKind.String || !Names.IsKey(key.Text!))
        {
            _ctx.Report(GeneratorDiagnostics.InvalidValue, key.Span, "key", "must be snake_case (^[a-z][a-z0-9_]*$)");
            return null;
        }

        return key.Text;
    }

    private static RowModel ToModel(RowDef row) => new(
        row.Key,
        row.Name,
        row.Label,
        row.Description,
        row.Aliases.ToEquatableArray(),
        row.Children.Select(ToModel).ToEquatableArray(),
        (row.Columns ?? new List<ColumnDef>()).Select(ToModel).ToEquatableArray(),
        row.CellOrdinals.ToEquatableArray(),
        row.ColumnsOwner);

    private static ColumnModel ToModel(ColumnDef column) => new(
        column.HasKey ? column.Key : string.Empty,
        column.Name,
        column.Label,
        column.Aliases.ToEquatableArray(),
        column.Children.Select(ToModel).ToEquatableArray());

    private sealed class Scope
    {
        public Scope(TableDef table, List<ColumnDef>? columns, string columnsOwner, List<JsonNode> kindChain, List<string> labels)
        {
            Table = table;
            Columns = columns;
            ColumnsOwner = columnsOwner;
            KindChain = kindChain;
            Labels = labels;
            OwnerName = table.Name;
        }

        public TableDef Table { get; }

        public List<ColumnDef>? Columns { get; }

        public string ColumnsOwner { get; }

        public List<JsonNode> KindChain { get; }

        public List<string> Labels { get; }

        public string OwnerName { get; set; }
    }
}

internal sealed class TableDef
{
    public TableDef(string key, string name, string label, string? note, JsonNode node)
    {
        Key = key;
        Name = name;
        Label = label;
        Note = note;
        Node = node;
    }

    public string Key { get; }

    public string Name { get; }

    public string Label { get; }

    public string? Note { get; }

    public JsonNode Node { get; }

    public List<RowDef> Rows { get; } = new();

    public IEnumerable<RowDef> DataRows() => Flatten(Rows);

    private static IEnumerable<RowDef> Flatten(List<RowDef> rows)
    {
        foreach (RowDef row in rows)
        {
            if (row.IsData)
            {
                yield return row;
            }
            else
            {
                foreach (RowDef child in Flatten(row.Children))
                {
                    yield return child;
                }
            }
        }
    }
}

internal sealed class RowDef
{
    public RowDef(string key, string name, string label, string? description, List<string> aliases, JsonNode node)
    {
        Key = key;
        Name = name;
        Label = label;
        Description = description;
        Aliases = aliases;
        Node = node;
    }

    public string Key { get; }

    public string Name { get; }

    public string Label { get; }

    public string? Description { get; }

    public List<string> Aliases { get; }

    public JsonNode Node { get; }

    public List<RowDef> Children { get; } = new();

    public List<ColumnDef>? Columns { get; set; }

    public string ColumnsOwner { get; set; } = string.Empty;

    public List<int> CellOrdinals { get; } = new();

    public bool IsData => Node["rows"] is null;
}

internal sealed class ColumnDef
{
    public ColumnDef(string key, bool hasKey, string name, string label, List<string> aliases, JsonNode node)
    {
        Key = key;
        HasKey = hasKey;
        Name = name;
        Label = label;
        Aliases = aliases;
        Node = node;
    }

    /// <summary>Full key path (keyless groups add nothing).</summary>
    public string Key { get; }

    public bool HasKey { get; }

    public string Name { get; }

    public string Label { get; }

    public List<string> Aliases { get; }

    public JsonNode Node { get; }

    public List<ColumnDef> Children { get; } = new();
}
