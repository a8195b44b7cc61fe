using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Reports.Core.Schema;

namespace Reports.Cli.Output;

/// <summary>Where each cell of a schema stands in its table: its row and column paths, in template order, and short names for them.</summary>
internal sealed class SchemaIndex
{
    private static readonly ConcurrentDictionary<ReportSchema, SchemaIndex> Cache = new();

    // The numbering the templates put in front of row labels: 一、 （一） 1. 1、
    private static readonly Regex Numbering = new(@"^\s*(?:（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+[\.、．])", RegexOptions.CultureInvariant);

    private readonly Dictionary<int, CellPlace> _places = new();
    private readonly Dictionary<(string Table, string Row), (ImmutableArray<RowInfo> Path, int Order)> _rows = new();

    private SchemaIndex(ReportSchema schema)
    {
        Schema = schema;
        foreach (TableInfo table in schema.Tables)
        {
            int rowOrder = 0;
            var leafLabels = new List<(int Ordinal, ImmutableArray<ColumnInfo> Path)>();
            void Walk(RowInfo row, ImmutableArray<RowInfo> ancestors)
            {
                ImmutableArray<RowInfo> path = ancestors.Add(row);
                _rows.TryAdd((table.Key, row.Key), (path, rowOrder));
                if (row.IsData)
                {
                    int order = rowOrder++;
                    List<ImmutableArray<ColumnInfo>> leaves = Leaves(row.Columns);
                    for (int c = 0; c < row.Cells.Length && c < leaves.Count; c++)
                    {
                        if (row.Cells[c] >= 0)
                        {
                            _places[row.Cells[c]] = new CellPlace(table, path, leaves[c], order, c);
                            leafLabels.Add((row.Cells[c], leaves[c]));
                        }
                    }

                    return;
                }

                foreach (RowInfo child in row.Children)
                {
                    Walk(child, path);
                }
            }

            foreach (RowInfo row in table.Rows)
            {
                Walk(row, ImmutableArray<RowInfo>.Empty);
            }

            // A column's short name is its leaf label, with its group's label in front where the leaf label alone is ambiguous.
            var ambiguous = leafLabels.GroupBy(l => l.Path[^1].Label, StringComparer.Ordinal)
                .Where(g => g.Select(x => string.Join("/", x.Path.Select(p => p.Label))).Distinct(StringComparer.Ordinal).Count() > 1)
                .Select(g => g.Key)
                .ToHashSet(StringComparer.Ordinal);
            foreach ((int ordinal, ImmutableArray<ColumnInfo> columnPath) in leafLabels)
            {
                CellPlace place = _places[ordinal];
                string leaf = columnPath[^1].Label;
                place.ColumnName = ambiguous.Contains(leaf) && columnPath.Length > 1 ? columnPath[^2].Label + "·" + leaf : leaf;
            }
        }
    }

    public ReportSchema Schema { get; }

    public static SchemaIndex For(ReportSchema schema) => Cache.GetOrAdd(schema, s => new SchemaIndex(s));

    /// <summary>Where the cell with <paramref name="key"/> stands; null for a key the schema does not have.</summary>
    public CellPlace? Find(string? key) =>
        key is not null && Schema.TryGetCell(key, out CellInfo cell) && _places.TryGetValue(cell.Ordinal, out CellPlace? place) ? place : null;

    /// <summary>A row by its key path: its short name and its position among the table's data rows.</summary>
    public (string Name, int Order)? FindRow(string? tableKey, string? rowKey) =>
        tableKey is not null && rowKey is not null && _rows.TryGetValue((tableKey, rowKey), out var row) ? (ShortRowName(row.Path), row.Order) : null;

    public CellPlace? Find(int ordinal) => _places.TryGetValue(ordinal, out CellPlace? place) ? place : null;

    /// <summary>The leaf columns of a column tree, each with its path from the top.</summary>
    public static List<ImmutableArray<ColumnInfo>> Leaves(ImmutableArray<ColumnInfo> columns)
    {
        var leaves = new List<ImmutableArray<ColumnInfo>>();
        void Walk(ColumnInfo column, ImmutableArray<ColumnInfo> ancestors)
        {
            ImmutableArray<ColumnInfo> path = ancestors.Add(column);
            if (column.IsLeaf)
            {
                leaves.Add(path);
                return;
            }

            foreach (ColumnInfo child in column.Children)
            {
                Walk(child, path);
            }
        }

        foreach (ColumnInfo column in columns.IsDefault ? ImmutableArray<ColumnInfo>.Empty : columns)
        {
            Walk(column, ImmutableArray<ColumnInfo>.Empty);
        }

        return leaves;
    }

    /// <summary>The short name of a row: the numbering of each level (<c>三（三）1</c>), or the label where a level has none.</summary>
    public static string ShortRowName(ImmutableArray<RowInfo> path)
    {
        var parts = new List<string>();
        foreach (RowInfo row in path)
        {
            Match m = Numbering.Match(row.Label);
            if (m.Success)
            {
                parts.Add(m.Value.Trim().TrimEnd('、', '.', '．'));
            }
            else if (row == path[^1] || parts.Count > 0)
            {
                parts.Add(row.Label.Length > 10 ? row.Label.Substring(0, 9) + "…" : row.Label);
            }
        }

        return parts.Count == 0 ? path[^1].Label : string.Concat(parts);
    }
}

/// <summary>One cell's place in its table.</summary>
internal sealed class CellPlace
{
    public CellPlace(TableInfo table, ImmutableArray<RowInfo> rowPath, ImmutableArray<ColumnInfo> columnPath, int rowOrder, int columnOrder)
    {
        Table = table;
        RowPath = rowPath;
        ColumnPath = columnPath;
        RowOrder = rowOrder;
        ColumnOrder = columnOrder;
        RowName = SchemaIndex.ShortRowName(rowPath);
        ColumnName = columnPath.IsEmpty ? string.Empty : columnPath[^1].Label;
    }

    public TableInfo Table { get; }

    public ImmutableArray<RowInfo> RowPath { get; }

    public ImmutableArray<ColumnInfo> ColumnPath { get; }

    /// <summary>Position of the row among the table's data rows.</summary>
    public int RowOrder { get; }

    /// <summary>Position of the column among the row's leaf columns.</summary>
    public int ColumnOrder { get; }

    /// <summary>Short row name, e.g. <c>三（三）1</c>.</summary>
    public string RowName { get; }

    /// <summary>Short column name: the leaf label (with its group where the leaf label is ambiguous).</summary>
    public string ColumnName { get; set; }
}
