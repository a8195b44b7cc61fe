using System.Collections.Generic;
using System.Linq;
using Reports.Core.Generators.Diagnostics;
using Reports.Core.Generators.Model;

namespace Reports.Core.Generators.Parsing;

/// <summary>
/// Turns each declared identity into instances over cell ordinals: along columns, once per data row
/// (and per <c>each</c> prefix); along rows, once per leaf column. Group references expand to their members.
/// </summary>
internal sealed class IdentityExpander
{
    private static readonly string[] Props = { "id", "title", "table", "along", "total", "parts", "left", "right", "relation", "severity", "each", "rows", "columns", "description" };
    private readonly SchemaContext _ctx;
    private readonly NodeReader _reader;
    private readonly CellTreeBuilder _tree;

    public IdentityExpander(SchemaContext ctx, NodeReader reader, CellTreeBuilder tree)
    {
        _ctx = ctx;
        _reader = reader;
        _tree = tree;
    }

    private readonly HashSet<JsonNode> _mixedReported = new();

    public List<IdentityModel> Instances { get; } = new();

    // The declaring JSON node of each instance (same index as Instances), so later checks can point at the identity.
    private readonly List<JsonNode> _instanceNodes = new();

    public HashSet<int> DerivedCells { get; } = new();

    private readonly HashSet<string> _ids = new();

    public void Expand(JsonNode node)
    {
        if (!_reader.ExpectObject(node, "identities[]"))
        {
            return;
        }

        _reader.CheckProperties(node, Props, "an identity");
        string id = _reader.RequiredString(node, "id", "an identity") ?? "?";
        if (node["id"] is JsonNode idNode && id != "?" && !_ids.Add(id))
        {
            // Findings name an identity by its id (H1[new]): two declarations with one id could not be told apart.
            _ctx.Report(GeneratorDiagnostics.DuplicateKey, idNode.Span, "identity id", id, string.Empty);
        }

        string title = _reader.OptionalString(node, "title") ?? id;
        string where = "identity '" + id + "'";
        string? tableKey = _reader.RequiredString(node, "table", where);
        string? along = _reader.RequiredString(node, "along", where);
        if (tableKey is null || along is null)
        {
            return;
        }

        TableDef? table = _tree.Tables.FirstOrDefault(t => t.Key == tableKey);
        if (table is null)
        {
            _ctx.Report(GeneratorDiagnostics.UnknownReference, node["table"]!.Span, id, tableKey, "a table", tableKey);
            return;
        }

        if (along != "rows" && along != "columns")
        {
            _ctx.Report(GeneratorDiagnostics.InvalidValue, node["along"]!.Span, "along", "must be 'rows' or 'columns'");
            return;
        }

        bool summation = node["total"] is not null || node["parts"] is not null;
        if (summation && (node["left"] is not null || node["right"] is not null))
        {
            _ctx.Report(GeneratorDiagnostics.InvalidValue, node.Span, id, "has both total/parts and left/right; use one form");
            return;
        }

        List<string> left;
        List<string> right;
        if (summation)
        {
            string? total = _reader.RequiredString(node, "total", where);
            right = _reader.StringList(node, "parts");
            _reader.Required(node, "parts", where);
            left = total is null ? new List<string>() : new List<string> { total };
            if (total is null)
            {
                return;
            }
        }
        else
        {
            _reader.Required(node, "left", where);
            _reader.Required(node, "right", where);
            left = _reader.StringList(node, "left");
            right = _reader.StringList(node, "right");
        }

        Relation relation = Relation.Equal;
        if (_reader.OptionalString(node, "relation") is string rel)
        {
            relation = rel switch { "=" => Relation.Equal, "<=" => Relation.LessOrEqual, ">=" => Relation.GreaterOrEqual, _ => (Relation)(-1) };
            if ((int)relation < 0 || (summation && relation != Relation.Equal))
            {
                _ctx.Report(GeneratorDiagnostics.InvalidValue, node["relation"]!.Span, "relation", summation ? "must be '=' for a summation" : "must be '=', '<=' or '>='");
                return;
            }
        }

        bool isError = true;
        if (_reader.OptionalString(node, "severity") is string severity)
        {
            if (severity != "error" && severity != "warning")
            {
                _ctx.Report(GeneratorDiagnostics.InvalidValue, node["severity"]!.Span, "severity", "must be 'error' or 'warning'");
                return;
            }

            isError = severity == "error";
        }

        List<string> prefixes = node["each"] is null ? new List<string> { string.Empty } : _reader.StringList(node, "each");
        int before = Instances.Count;
        var spec = new Spec(id, title, table, left, right, relation, isError, summation, node);
        if (along == "columns")
        {
            ExpandAlongColumns(spec, prefixes, node["rows"] is null ? null : _reader.StringList(node, "rows"));
        }
        else
        {
            ExpandAlongRows(spec, prefixes, node["columns"] is null ? null : _reader.StringList(node, "columns"));
        }

        if (Instances.Count == before && !_ctx.HasErrors)
        {
            _ctx.Report(GeneratorDiagnostics.IdentityNeverApplies, node.Span, id, table.Key);
        }
    }

    private void ExpandAlongColumns(Spec spec, List<string> prefixes, List<string>? restriction)
    {
        List<RowDef> dataRows = spec.Table.DataRows().ToList();
        IEnumerable<RowDef> rows = dataRows;
        if (restriction is not null)
        {
            var chosen = new List<RowDef>();
            foreach (string path in restriction)
            {
                List<RowDef>? found = ResolveRows(spec.Table, path);
                if (found is null)
                {
                    _ctx.Report(GeneratorDiagnostics.UnknownReference, spec.Node["rows"]!.Span, spec.Id, path, "a row", spec.Table.Key);
                    return;
                }

                chosen.AddRange(found);
            }

            rows = chosen;
        }

        foreach (string reference in spec.Left.Concat(spec.Right))
        {
            bool anywhere = rows.Any(row => prefixes.Any(prefix => ResolveColumns(row, prefix, new List<string> { reference }, out _) is not null));
            if (!anywhere)
            {
                _ctx.Report(GeneratorDiagnostics.UnknownReference, RefSpan(spec.Node, reference), spec.Id, reference, "a column of any row", spec.Table.Key);
                return;
            }
        }

        foreach (RowDef row in rows)
        {
            foreach (string prefix in prefixes)
            {
                List<int>? l = ResolveColumns(row, prefix, spec.Left, out string? badLeft);
                List<int>? r = ResolveColumns(row, prefix, spec.Right, out string? badRight);
                if (l is null || r is null)
                {
                    if (restriction is not null || prefixes.Count > 1 || dataRows.Count == 1)
                    {
                        _ctx.Report(GeneratorDiagnostics.UnknownReference, RefSpan(spec.Node, badLeft ?? badRight ?? string.Empty), spec.Id, Names.Join(prefix, badLeft ?? badRight ?? string.Empty), "a column of row '" + row.Key + "'", spec.Table.Key);
                    }

                    continue;
                }

                string scopeLabel = row.Label;
                if (prefix.Length > 0)
                {
                    ColumnDef? group = FindColumn(row.Columns!, prefix);
                    scopeLabel = (scopeLabel == spec.Table.Label || row.Key.Length == 0 ? string.Empty : scopeLabel + " › ") + (group?.Label ?? prefix);
                }

                Add(spec, Names.Join(row.Key, prefix), scopeLabel, l, r);
            }
        }
    }

    private void ExpandAlongRows(Spec spec, List<string> prefixes, List<string>? restriction)
    {
        foreach (string prefix in prefixes)
        {
            List<RowDef>? l = ResolveRowList(spec, prefix, spec.Left);
            List<RowDef>? r = ResolveRowList(spec, prefix, spec.Right);
            if (l is null || r is null)
            {
                return;
            }

            RowDef? first = l.Concat(r).FirstOrDefault();
            if (first?.Columns is null)
            {
                continue;
            }

            foreach ((ColumnDef leaf, _) in CellTreeBuilder.Leaves(first.Columns))
            {
                if (restriction is not null && !restriction.Contains(leaf.Key))
                {
                    continue;
                }

                List<int>? lc = CellsUnder(l, leaf.Key);
                List<int>? rc = CellsUnder(r, leaf.Key);
                if (lc is null || rc is null)
                {
                    if (restriction is not null)
                    {
                        _ctx.Report(GeneratorDiagnostics.UnknownReference, spec.Node["columns"]!.Span, spec.Id, leaf.Key, "a column of every referenced row", spec.Table.Key);
                    }

                    continue;
                }

                Add(spec, leaf.Key, leaf.Label, lc, rc);
            }
        }
    }

    private void Add(Spec spec, string scopeKey, string scopeLabel, List<int> left, List<int> right)
    {
        List<CellModel> cells = left.Concat(right).Select(o => _tree.Cells[o]).ToList();
        CellModel first = cells[0];
        foreach (CellModel other in cells.Skip(1))
        {
            bool moneyMix = (first.Kind == CellKind.Money) != (other.Kind == CellKind.Money);
            if (moneyMix || first.Unit != other.Unit || first.Scale != other.Scale)
            {
                if (_mixedReported.Add(spec.Node))
                {
                    _ctx.Report(GeneratorDiagnostics.MixedUnits, spec.Node.Span, spec.Id, Describe(first), Describe(other));
                }

                return;
            }
        }

        if (spec.IsSummation && spec.IsError)
        {
            DerivedCells.Add(left[0]);
        }

        _instanceNodes.Add(spec.Node);
        Instances.Add(new IdentityModel(
            Instances.Count, spec.Id, spec.Title, spec.Table.Key, scopeKey, scopeLabel,
            left.ToEquatableArray(), right.ToEquatableArray(), spec.Relation, spec.IsError, spec.IsSummation));
    }

    /// <summary>Orders the hard summations so that every total is derived after its parts; reports cycles.</summary>
    public EquatableArray<int> DerivationOrder()
    {
        List<IdentityModel> sums = Instances.Where(i => i.IsSummation && i.IsError).ToList();
        var order = new List<int>();
        var done = new HashSet<int>();
        var derivedBy = sums.GroupBy(s => s.Left[0]).ToDictionary(g => g.Key, g => g.ToList());
        var visiting = new HashSet<int>();
        bool cycle = false;

        void Visit(IdentityModel sum)
        {
            if (done.Contains(sum.Index) || cycle)
            {
                return;
            }

            if (!visiting.Add(sum.Index))
            {
                cycle = true;
                _ctx.Report(GeneratorDiagnostics.CyclicIdentities, _instanceNodes[sum.Index].Span, _tree.Cells[sum.Left[0]].Key);
                return;
            }

            foreach (int part in sum.Right)
            {
                if (derivedBy.TryGetValue(part, out List<IdentityModel>? producers))
                {
                    foreach (IdentityModel producer in producers)
                    {
                        Visit(producer);
                    }
                }
            }

            visiting.Remove(sum.Index);
            done.Add(sum.Index);
            order.Add(sum.Index);
        }

        foreach (IdentityModel sum in sums)
        {
            Visit(sum);
        }

        return order.ToEquatableArray();
    }

    private List<RowDef>? ResolveRowList(Spec spec, string prefix, List<string> references)
    {
        var rows = new List<RowDef>();
        foreach (string reference in references)
        {
            List<RowDef>? found = ResolveRows(spec.Table, Names.Join(prefix, reference));
            if (found is null)
            {
                _ctx.Report(GeneratorDiagnostics.UnknownReference, RefSpan(spec.Node, reference), spec.Id, Names.Join(prefix, reference), "a row", spec.Table.Key);
                return null;
            }

            rows.AddRange(found);
        }

        return rows;
    }

    // A row path names a data row (itself) or a group (all data rows below it).
    private static List<RowDef>? ResolveRows(TableDef table, string path)
    {
        RowDef? Find(List<RowDef> rows)
        {
            foreach (RowDef row in rows)
            {
                if (row.Key == path)
                {
                    return row;
                }

                if (row.Children.Count > 0 && (row.Key.Length == 0 || path.StartsWith(row.Key + ".", System.StringComparison.Ordinal)) && Find(row.Children) is RowDef hit)
                {
                    return hit;
                }
            }

            return null;
        }

        RowDef? match = Find(table.Rows);
        if (match is null)
        {
            return null;
        }

        var result = new List<RowDef>();
        void Collect(RowDef row)
        {
            if (row.IsData)
            {
                result.Add(row);
            }
            else
            {
                row.Children.ForEach(Collect);
            }
        }

        Collect(match);
        return result;
    }

    private static List<int>? CellsUnder(List<RowDef> rows, string columnKey)
    {
        var cells = new List<int>();
        foreach (RowDef row in rows)
        {
            if (row.Columns is null)
            {
                return null;
            }

            int index = CellTreeBuilder.Leaves(row.Columns).FindIndex(l => l.Leaf.Key == columnKey);
            if (index < 0 || row.CellOrdinals[index] < 0)
            {
                return null;
            }

            cells.Add(row.CellOrdinals[index]);
        }

        return cells;
    }

    private static List<int>? ResolveColumns(RowDef row, string prefix, List<string> references, out string? bad)
    {
        bad = null;
        var cells = new List<int>();
        List<(ColumnDef Leaf, List<ColumnDef> Path)> leaves = CellTreeBuilder.Leaves(row.Columns!);
        foreach (string reference in references)
        {
            string path = Names.Join(prefix, reference);
            bool any = false;
            for (int i = 0; i < leaves.Count; i++)
            {
                string key = leaves[i].Leaf.Key;
                if (key == path || key.StartsWith(path + ".", System.StringComparison.Ordinal))
                {
                    if (row.CellOrdinals[i] < 0)
                    {
                        bad = reference;
                        return null;
                    }

                    cells.Add(row.CellOrdinals[i]);
                    any = true;
                }
            }

            if (!any)
            {
                bad = reference;
                return null;
            }
        }

        return cells;
    }

    private static ColumnDef? FindColumn(List<ColumnDef> columns, string key)
    {
        foreach (ColumnDef column in columns)
        {
            if (column.HasKey && column.Key == key)
            {
                return column;
            }

            if (FindColumn(column.Children, key) is ColumnDef hit)
            {
                return hit;
            }
        }

        return null;
    }

    // The span of the reference's own text in the identity, so the diagnostic points at the typo.
    private static Microsoft.CodeAnalysis.Text.TextSpan RefSpan(JsonNode identity, string reference)
    {
        foreach (string name in new[] { "total", "parts", "left", "right", "rows", "columns", "each" })
        {
            JsonNode? node = identity[name];
            if (node is { Kind: JsonKind.String } && node.Text == reference)
            {
                return node.Span;
            }

            if (node is { Kind: JsonKind.Array })
            {
                foreach (JsonNode item in node.Items)
                {
                    if (item.Kind == JsonKind.String && item.Text == reference)
                    {
                        return item.Span;
                    }
                }
            }
        }

        return identity.Span;
    }

    private static string Describe(CellModel cell) =>
        cell.Key + " (" + cell.Kind.ToString().ToLowerInvariant() + (cell.Unit.Length == 0 ? string.Empty : ", " + cell.Unit) + ")";

    private sealed class Spec
    {
        public Spec(string id, string title, TableDef table, List<string> left, List<string> right, Relation relation, bool isError, bool isSummation, JsonNode node)
        {
            Id = id;
            Title = title;
            Table = table;
            Left = left;
            Right = right;
            Relation = relation;
            IsError = isError;
            IsSummation = isSummation;
            Node = node;
        }

        public string Id { get; }

        public string Title { get; }

        public TableDef Table { get; }

        public List<string> Left { get; }

        public List<string> Right { get; }

        public Relation Relation { get; }

        public bool IsError { get; }

        public bool IsSummation { get; }

        public JsonNode Node { get; }
    }
}
