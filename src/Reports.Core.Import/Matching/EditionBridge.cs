using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Reports;
using Reports.Core.Schema;

namespace Reports.Core.Import.Matching;

/// <summary>
/// Carries a table read in the other edition's layout into the report's edition where the two differ only in
/// how a row is split (Table 3 （六）其他处理: one row in E2019, three sub-rows in E2021), so the identities can
/// still be checked. Every mapping is stated in the import diagnostic; nothing is carried silently.
/// </summary>
internal static class EditionBridge
{
    /// <summary>
    /// Maps the values of <paramref name="reading"/> that <paramref name="schema"/> has no cell for. Returns one
    /// sentence per mapping; <paramref name="foreign"/> keeps only what could not be mapped.
    /// </summary>
    public static List<string> Map(ReportSchema schema, string table, IReadOnlyDictionary<string, RawValue> reading, ReportCells.Builder builder, List<string> foreign)
    {
        var sentences = new List<string>();
        var unmapped = new List<string>();
        var byRow = reading.Where(p => !schema.TryGetCell(p.Key, out _))
            .Select(p => (Split: SplitKey(schema, table, p.Key), p.Value))
            .Where(x => x.Split is not null)
            .GroupBy(x => x.Split!.Value.Row, StringComparer.Ordinal)
            .ToList(); // walked twice below: split each key once

        foreach (var row in byRow)
        {
            string rowKey = row.Key;
            List<CellInfo> under = schema.Cells.Where(c => c.TableKey == table && c.RowKey.StartsWith(rowKey + ".", StringComparison.Ordinal)).ToList();
            string parent = rowKey.Contains('.') ? rowKey.Substring(0, rowKey.LastIndexOf('.')) : string.Empty;
            List<CellInfo> parentCells = schema.Cells.Where(c => c.TableKey == table && c.RowKey == parent).ToList();
            if (under.Count > 0)
            {
                // A single row where this edition has sub-rows: the values belong to the catch-all last sub-row.
                string last = under[under.Count - 1].RowKey;
                foreach (var value in row)
                {
                    if (schema.TryGetCell(table + "." + last + "." + value.Split!.Value.Column, out CellInfo target))
                    {
                        builder[target.Ordinal] = CellParser.Parse(value.Value.Text, target, value.Value.Span, out _);
                    }
                }

                // The sub-rows the layout does not print are blank, located at the single row that stands for them.
                SourceSpan at = row.First().Value.Span;
                foreach (CellInfo cell in under.Where(c => c.RowKey != last && builder[c.Ordinal].State == CellState.Missing))
                {
                    builder[cell.Ordinal] = Cell.Blank(null, at);
                }

                sentences.Add($"the single row {rowKey} is counted under {last}; its other sub-rows are left blank");
            }
            else if (parentCells.Count > 0)
            {
                // Sub-rows where this edition has one row: their sum is exactly that row.
                continue;
            }
            else
            {
                unmapped.AddRange(row.Select(v => table + "." + rowKey + "." + v.Split!.Value.Column + "=" + v.Value.Text));
            }
        }

        foreach (var parentRow in byRow.Where(r => r.Key.Contains('.'))
                     .GroupBy(r => r.Key.Substring(0, r.Key.LastIndexOf('.')), StringComparer.Ordinal)
                     .Where(g => schema.Cells.Any(c => c.TableKey == table && c.RowKey == g.Key)))
        {
            foreach (var column in parentRow.SelectMany(r => r).GroupBy(v => v.Split!.Value.Column, StringComparer.Ordinal))
            {
                if (!schema.TryGetCell(table + "." + parentRow.Key + "." + column.Key, out CellInfo target))
                {
                    continue;
                }

                Cell[] parts = column.Select(v => CellParser.Parse(v.Value.Text, target, v.Value.Span, out _)).ToArray();
                string raw = string.Join("+", column.Select(v => v.Value.Text.Trim()));
                builder[target.Ordinal] = parts.All(p => p.IsNumber || p.State == CellState.Blank)
                    ? Cell.Number(parts.Sum(p => p.Value), target.Scale, raw, parts[0].Span)
                    : Cell.Text(raw, parts[0].Span);
            }

            sentences.Add($"the sub-rows of {parentRow.Key} are summed into that row");
        }

        foreign.RemoveAll(f => !unmapped.Contains(f));
        return sentences;
    }

    private static (string Row, string Column)? SplitKey(ReportSchema schema, string table, string key)
    {
        if (!key.StartsWith(table + ".", StringComparison.Ordinal))
        {
            return null;
        }

        string rest = key.Substring(table.Length + 1);
        foreach (string column in schema.Cells.Where(c => c.TableKey == table).Select(c => c.ColumnKey).Distinct())
        {
            if (rest.EndsWith("." + column, StringComparison.Ordinal))
            {
                return (rest.Substring(0, rest.Length - column.Length - 1), column);
            }
        }

        return null;
    }
}
