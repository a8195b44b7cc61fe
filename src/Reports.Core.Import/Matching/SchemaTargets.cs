using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Reports.Core.Schema;

namespace Reports.Core.Import.Matching;

/// <summary>One leaf column a data row carries a cell for.</summary>
internal sealed record TargetColumn(string Key, string Label, ImmutableArray<string> Bodies, int Ordinal);

/// <summary>
/// A row of the template that published rows are matched to: a data row (its cells, left to right), or a group
/// row (which carries no cells in this edition; a published row matched to it is reported, not imported).
/// </summary>
internal sealed class RowTarget
{
    public RowTarget(int index, string path, string label, ImmutableArray<string> bodies, string? numbering, bool isGroup, ImmutableArray<TargetColumn> columns, ImmutableArray<string> columnKeys, int labelId)
    {
        LabelId = labelId;
        Index = index;
        Path = path;
        Label = label;
        Bodies = bodies;
        Numbering = numbering;
        IsGroup = isGroup;
        Columns = columns;
        ColumnKeys = columnKeys;
    }

    /// <summary>Position of the row in template order.</summary>
    public int Index { get; }

    /// <summary>Key path relative to the table (<c>r.withheld.state_secret</c>; empty for the single row of Table 4).</summary>
    public string Path { get; }

    /// <summary>Verbatim label.</summary>
    public string Label { get; }

    /// <summary>Normalized forms of the label and its aliases (body and parenthetical-free core), longest first.</summary>
    public ImmutableArray<string> Bodies { get; }

    /// <summary>Canonical numbering token of the label (<c>a1</c>, <c>p6</c>, <c>c2</c>), if any.</summary>
    public string? Numbering { get; }

    /// <summary>
    /// The row's label forms (bodies and numbering) as a number: rows of any edition and table that are named alike
    /// share it, so text is scored against each label once (<see cref="Alignment.LabelProbe.Score"/>).
    /// </summary>
    public int LabelId { get; }

    /// <summary>True for a group row (no cells of its own in this edition).</summary>
    public bool IsGroup { get; }

    /// <summary>The cells of a data row, left to right (absent cells excluded).</summary>
    public ImmutableArray<TargetColumn> Columns { get; }

    /// <summary>Column keys a row at this position would carry (for a group: those of its first data row).</summary>
    public ImmutableArray<string> ColumnKeys { get; }

    /// <inheritdoc />
    public override string ToString() => Path + " " + Label;
}

/// <summary>A block of a table and its caption forms, letters and digits only (<see cref="LabelText.Letters"/>).</summary>
internal readonly record struct BlockCaption(string Key, ImmutableArray<string> Letters);

/// <summary>The template rows of one table of one edition, in order.</summary>
internal sealed class TableTargets
{
    private TableTargets(ReportSchema schema, TableInfo table, ImmutableArray<RowTarget> rows)
    {
        Schema = schema;
        Table = table;
        Rows = rows;
        var captions = ImmutableArray.CreateBuilder<BlockCaption>();
        foreach (RowInfo block in table.Rows)
        {
            if (!block.IsData && block.Label.Length > 0)
            {
                ImmutableArray<string> letters = new[] { block.Label }.Concat(block.Aliases).Select(LabelText.Letters).Where(f => f.Length >= 2).ToImmutableArray();
                captions.Add(new BlockCaption(block.Key, letters));
            }
        }

        Captions = captions.ToImmutable();
        Aligned = AlignedRows.Of(rows, readAlready: null);
    }

    /// <summary>The rows an alignment reads (data rows with cells), made once per template, not per alignment.</summary>
    public AlignedRows Aligned { get; }

    /// <summary>The table's blocks with a caption of their own (第二十条第（九）项): key and caption forms as letters.</summary>
    public ImmutableArray<BlockCaption> Captions { get; }

    public ReportSchema Schema { get; }

    public TableInfo Table { get; }

    public ImmutableArray<RowTarget> Rows { get; }

    public IEnumerable<RowTarget> DataRows => Rows.Where(r => !r.IsGroup);

    /// <summary>The targets of <paramref name="table"/>; <paramref name="labelIds"/> numbers label forms across every table it is given.</summary>
    public static TableTargets Create(ReportSchema schema, TableInfo table, Dictionary<string, int> labelIds)
    {
        var rows = new List<RowTarget>();
        foreach (RowInfo row in table.Rows)
        {
            Visit(schema, table, row, string.Empty, default, depth: 0, rows, labelIds);
        }

        return new TableTargets(schema, table, rows.ToImmutableArray());
    }

    private static void Visit(ReportSchema schema, TableInfo table, RowInfo row, string parentPath, ImmutableArray<ColumnInfo> inherited, int depth, List<RowTarget> rows, Dictionary<string, int> labelIds)
    {
        // Row keys are full paths relative to the table (a1.regulation, r.other.no_correction).
        string path = row.Key.Length == 0 ? parentPath : row.Key;
        ImmutableArray<ColumnInfo> columns = !row.Columns.IsDefaultOrEmpty ? row.Columns : inherited;
        ImmutableArray<string> bodies = Bodies(row.Label, row.Aliases);
        string? numbering = LabelText.LeadingNumbering(row.Label);
        string labelKey = string.Join("\u0001", bodies) + "\u0002" + numbering;
        if (!labelIds.TryGetValue(labelKey, out int labelId))
        {
            labelIds[labelKey] = labelId = labelIds.Count;
        }
        if (row.IsData)
        {
            var targetColumns = new List<TargetColumn>();
            var leaves = Leaves(columns);
            foreach (int ordinal in row.Cells)
            {
                if (ordinal < 0)
                {
                    continue; // an absent cell (E2019 （八） has no third cell)
                }

                CellInfo cell = schema.Cells[ordinal];
                string columnKey = cell.ColumnKey;
                ColumnInfo? leaf = leaves.TryGetValue(columnKey, out ColumnInfo? found) ? found : null;
                string label = leaf?.Label ?? (cell.LabelPath.IsDefaultOrEmpty ? columnKey : cell.LabelPath[cell.LabelPath.Length - 1]);
                targetColumns.Add(new TargetColumn(columnKey, label, Bodies(label, leaf?.Aliases ?? ImmutableArray<string>.Empty), ordinal));
            }

            rows.Add(new RowTarget(rows.Count, path, row.Label, bodies, numbering, isGroup: false, targetColumns.ToImmutableArray(), targetColumns.Select(c => c.Key).ToImmutableArray(), labelId));
            return;
        }

        // A group below the top level can stand for the whole group in another edition (（六）其他处理).
        if (depth > 0)
        {
            RowInfo? first = FirstData(row);
            ImmutableArray<string> keys = first is null
                ? ImmutableArray<string>.Empty
                : first.Cells.Where(o => o >= 0).Select(o => schema.Cells[o].ColumnKey).ToImmutableArray();
            rows.Add(new RowTarget(rows.Count, path, row.Label, bodies, numbering, isGroup: true, ImmutableArray<TargetColumn>.Empty, keys, labelId));
        }

        foreach (RowInfo child in row.Children)
        {
            Visit(schema, table, child, path, columns, depth + 1, rows, labelIds);
        }
    }

    private static RowInfo? FirstData(RowInfo row)
    {
        foreach (RowInfo child in row.Children)
        {
            if (child.IsData)
            {
                return child;
            }

            RowInfo? inner = FirstData(child);
            if (inner is not null)
            {
                return inner;
            }
        }

        return null;
    }

    private static Dictionary<string, ColumnInfo> Leaves(ImmutableArray<ColumnInfo> columns)
    {
        var map = new Dictionary<string, ColumnInfo>(System.StringComparer.Ordinal);
        if (!columns.IsDefaultOrEmpty)
        {
            foreach (ColumnInfo column in columns)
            {
                AddLeaves(column, string.Empty, map);
            }
        }

        return map;
    }

    private static void AddLeaves(ColumnInfo column, string prefix, Dictionary<string, ColumnInfo> map)
    {
        string path = column.Key.Length == 0 ? prefix : column.Key;
        if (column.IsLeaf)
        {
            map[path] = column;
            return;
        }

        foreach (ColumnInfo child in column.Children)
        {
            AddLeaves(child, path, map);
        }
    }

    internal static ImmutableArray<string> Bodies(string label, ImmutableArray<string> aliases)
    {
        var set = new List<string>();
        void Add(string s)
        {
            if (s.Length > 0 && !set.Contains(s))
            {
                set.Add(s);
            }
        }

        Add(LabelText.Body(label));
        Add(LabelText.Core(label));
        if (!aliases.IsDefaultOrEmpty)
        {
            foreach (string alias in aliases)
            {
                Add(LabelText.Body(alias));
                Add(LabelText.Core(alias));
            }
        }

        return set.OrderByDescending(s => s.Length).ToImmutableArray();
    }
}
