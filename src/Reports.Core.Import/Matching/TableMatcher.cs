using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Import.Grid;
using Reports.Core.Import.RunTogether;
using Reports.Core.Schema;

namespace Reports.Core.Import.Matching;

/// <summary>
/// Matches the value rows of one table zone to the template rows of one edition: every value row gets a label
/// score against every template row (label, aliases, numbering, wrapped fragments around it), a monotone
/// alignment keeps the template order, rows between recognised neighbours are matched by position, and the
/// values are mapped to the row's cells left to right (extras and missing values reported).
/// </summary>
internal static class TableMatcher
{
    private const int MaxContextLines = 3;
    private const int MaxContextLength = 40;

    public static TableReading Match(TableTargets targets, IReadOnlyList<RowSlice> zone, bool reportUnmatched, string? source)
    {
        var reading = new TableReading(targets);
        var valueRows = new List<RowSlice>();
        for (int i = 0; i < zone.Count; i++)
        {
            if (zone[i].HasValues)
            {
                valueRows.Add(zone[i]);
            }
        }

        reading.ValueRows = valueRows.Count;
        if (valueRows.Count == 0)
        {
            return reading;
        }

        SetContexts(zone);

        if (targets.Table.Key == "t2" && TryLongFormat(targets, valueRows, reading, source))
        {
            return reading;
        }

        ImmutableArray<RowTarget> rows = targets.Rows;
        if (rows.Count(r => !r.IsGroup) == 1 && rows.Length == 1)
        {
            MatchSingleRow(targets, rows[0], valueRows, reading, source);
            return reading;
        }

        int n = valueRows.Count;
        int m = rows.Length;
        var score = new double[n, m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                score[i, j] = Score(valueRows[i], rows[j]);
            }
        }

        // Monotone alignment maximising the total score.
        var best = new double[n + 1, m + 1];
        for (int i = 1; i <= n; i++)
        {
            for (int j = 1; j <= m; j++)
            {
                double v = Math.Max(best[i - 1, j], best[i, j - 1]);
                if (score[i - 1, j - 1] > 0)
                {
                    v = Math.Max(v, best[i - 1, j - 1] + score[i - 1, j - 1]);
                }

                best[i, j] = v;
            }
        }

        var match = new int[n];
        Array.Fill(match, -1);
        for (int i = n, j = m; i > 0 && j > 0;)
        {
            if (score[i - 1, j - 1] > 0 && Math.Abs(best[i, j] - (best[i - 1, j - 1] + score[i - 1, j - 1])) < 1e-9)
            {
                match[i - 1] = j - 1;
                i--;
                j--;
            }
            else if (Math.Abs(best[i, j] - best[i - 1, j]) < 1e-9)
            {
                i--;
            }
            else
            {
                j--;
            }
        }

        reading.Score = best[n, m];
        var byPosition = new bool[n];
        FillByPosition(match, byPosition, valueRows, rows);

        var used = new HashSet<int>();
        for (int i = 0; i < n; i++)
        {
            RowSlice slice = valueRows[i];
            if (match[i] < 0)
            {
                if (reportUnmatched)
                {
                    reading.Diagnostics.Add(Diagnostic.Create(
                        ReportDiagnostics.NonStandardRow,
                        new DiagnosticLocation { Source = source, TableKey = targets.Table.Key, Label = slice.Label, Span = slice.Values[0].Span },
                        Shorten(slice.Label.Length > 0 ? slice.Label : slice.Context), targets.Table.Key, targets.Schema.Edition, FormatValues(slice.Values)));
                }

                continue;
            }

            RowTarget target = rows[match[i]];
            used.Add(match[i]);
            if (byPosition[i])
            {
                reading.Diagnostics.Add(Diagnostic.Create(
                    ReportDiagnostics.RowMatchedByPosition,
                    new DiagnosticLocation { Source = source, TableKey = targets.Table.Key, RowKey = target.Path, Label = target.Label, Span = slice.Values[0].Span },
                    Shorten(slice.Label.Length > 0 ? slice.Label : slice.Context), targets.CellKey(target.Path, string.Empty).TrimEnd('.'), target.Label));
            }

            if (target.IsGroup)
            {
                reading.ValuedGroups[target.Path] = slice.Line;
                for (int c = 0; c < target.ColumnKeys.Length && c < slice.Values.Length; c++)
                {
                    GridCell cell = slice.Values[c];
                    reading.Values[targets.CellKey(target.Path, target.ColumnKeys[c])] = new RawValue(cell.Text, cell.Span);
                }

                continue;
            }

            AssignRow(targets, target, slice, slice.Values, reading, source);
        }

        if (reportUnmatched)
        {
            foreach (RowTarget target in rows)
            {
                if (!target.IsGroup && !reading.MatchedRows.Contains(target.Path))
                {
                    reading.Diagnostics.Add(Diagnostic.Create(
                        ReportDiagnostics.RowNotFound,
                        new DiagnosticLocation { Source = source, TableKey = targets.Table.Key, RowKey = target.Path, Label = target.Label },
                        target.Path, target.Label, targets.Table.Key));
                }
            }
        }

        return reading;
    }

    /// <summary>Label score of a value row against a template row; 0 when they do not match.</summary>
    internal static double Score(RowSlice slice, RowTarget target)
    {
        string own = slice.LabelBody;
        // A group row (another edition's single row) must be named by the row itself, not by fragments around it.
        string context = target.IsGroup ? own : slice.ContextBody;
        double best = 0;
        if (context.Length == 0)
        {
            return 0;
        }

        foreach (string body in target.Bodies)
        {
            int full = LabelText.MatchedChars(context, body);
            int mine = LabelText.MatchedChars(own, body);
            double ratio = (double)full / body.Length;
            bool accept = ratio >= 0.6 || (full >= 8 && ratio >= 0.35);
            if (!accept)
            {
                continue;
            }

            double s = full + (0.5 * mine) + (ratio >= 0.999 ? 1 : 0);
            best = Math.Max(best, s);
        }

        if (best <= 0)
        {
            return 0;
        }

        if (target.Numbering is not null)
        {
            List<string> tokens = slice.Numbering;
            if (tokens.Contains(target.Numbering))
            {
                best += 1.5;
            }
            else if (tokens.Count > 0 && tokens.All(t => t[0] == target.Numbering[0]))
            {
                best -= 1;
            }
        }

        int cells = target.IsGroup ? target.ColumnKeys.Length : target.Columns.Length;
        if (slice.Values.Length == cells)
        {
            best += 0.5;
        }

        return Math.Max(best, 0.01);
    }

    private static void SetContexts(IReadOnlyList<RowSlice> zone)
    {
        for (int i = 0; i < zone.Count; i++)
        {
            if (!zone[i].HasValues)
            {
                continue;
            }

            var before = new List<string>();
            for (int k = i - 1; k >= 0 && before.Count < MaxContextLines && !zone[k].HasValues; k--)
            {
                if (IsFragment(zone[k]))
                {
                    before.Insert(0, zone[k].Label);
                }
            }

            var after = new List<string>();
            for (int k = i + 1; k < zone.Count && after.Count < MaxContextLines && !zone[k].HasValues; k++)
            {
                if (IsFragment(zone[k]))
                {
                    after.Add(zone[k].Label);
                }
            }

            zone[i].Context = string.Concat(before) + zone[i].Label + string.Concat(after);
        }
    }

    private static bool IsFragment(RowSlice slice) =>
        slice.Label.Length > 0 && slice.Label.Length <= MaxContextLength && slice.Row.Cells.Count(c => !c.IsEmpty) <= 2;

    private static void FillByPosition(int[] match, bool[] byPosition, List<RowSlice> valueRows, ImmutableArray<RowTarget> rows)
    {
        int n = match.Length;
        int prevRow = -1, prevTarget = -1;
        for (int i = 0; i <= n; i++)
        {
            if (i < n && match[i] < 0)
            {
                continue;
            }

            int nextTarget = i < n ? match[i] : rows.Length;
            int gapRows = i - prevRow - 1;
            var gapTargets = new List<int>();
            for (int t = prevTarget + 1; t < nextTarget; t++)
            {
                if (!rows[t].IsGroup)
                {
                    gapTargets.Add(t);
                }
            }

            bool bounded = prevRow >= 0 && i < n;
            if (gapRows > 0 && gapRows == gapTargets.Count && (bounded || gapRows <= 2))
            {
                bool fits = true;
                for (int k = 0; k < gapRows; k++)
                {
                    RowSlice slice = valueRows[prevRow + 1 + k];
                    if (slice.Values.Length > rows[gapTargets[k]].Columns.Length + 1 || slice.Values.Length * 2 < rows[gapTargets[k]].Columns.Length)
                    {
                        fits = false;
                    }
                }

                if (fits)
                {
                    for (int k = 0; k < gapRows; k++)
                    {
                        match[prevRow + 1 + k] = gapTargets[k];
                        byPosition[prevRow + 1 + k] = true;
                    }
                }
            }

            if (i < n)
            {
                prevRow = i;
                prevTarget = match[i];
            }
        }
    }

    private static void MatchSingleRow(TableTargets targets, RowTarget target, List<RowSlice> valueRows, TableReading reading, string? source)
    {
        RowSlice chosen = valueRows
            .OrderByDescending(r => r.Values.Count(v => RowSlice.IsNumberOrMarker(v.Text)))
            .ThenBy(r => r.Line)
            .First();
        reading.Score = 1;
        AssignRow(targets, target, chosen, chosen.Values, reading, source);
    }

    private static void AssignRow(TableTargets targets, RowTarget target, RowSlice slice, ImmutableArray<GridCell> values, TableReading reading, string? source)
    {
        if (!reading.MatchedRows.Add(target.Path))
        {
            reading.Diagnostics.Add(Diagnostic.Create(
                ReportDiagnostics.DuplicateRow,
                new DiagnosticLocation { Source = source, TableKey = targets.Table.Key, RowKey = target.Path, Label = target.Label, Span = SpanOf(slice) },
                targets.CellKey(target.Path, string.Empty).TrimEnd('.'), Shorten(slice.Label)));
            return;
        }

        int n = target.Columns.Length;
        string rowName = target.Path.Length == 0 ? targets.Table.Key : targets.Table.Key + "." + target.Path;
        var location = new DiagnosticLocation { Source = source, TableKey = targets.Table.Key, RowKey = target.Path, Label = target.Label, Span = SpanOf(slice) };

        if (values.Length == 1 && n > 1 && RunTogetherSplitter.IsCandidate(values[0].Text, n))
        {
            SplitRunTogether(targets, target, values[0], reading, location, rowName);
            return;
        }

        int k = values.Length;
        for (int c = 0; c < Math.Min(n, k); c++)
        {
            GridCell cell = values[c];
            reading.Values[targets.CellKey(target.Path, target.Columns[c].Key)] = new RawValue(cell.Text, cell.Span);
        }

        if (k > n)
        {
            reading.Diagnostics.Add(Diagnostic.Create(
                ReportDiagnostics.ExtraValues, location with { Span = values[n].Span },
                rowName, k, n, FormatValues(values.Skip(n))));
        }
        else if (k < n)
        {
            reading.Diagnostics.Add(Diagnostic.Create(
                ReportDiagnostics.MissingValues, location,
                rowName, k, n, string.Join(", ", target.Columns.Skip(k).Select(c => c.Label))));
        }
    }

    private static void SplitRunTogether(TableTargets targets, RowTarget target, GridCell cell, TableReading reading, DiagnosticLocation location, string rowName)
    {
        ReportSchema schema = targets.Schema;
        int[] ordinals = target.Columns.Select(c => c.Ordinal).ToArray();
        var position = new Dictionary<int, int>();
        for (int i = 0; i < ordinals.Length; i++)
        {
            position[ordinals[i]] = i;
        }

        var identities = schema.Identities
            .Where(id => id.Relation == IdentityRelation.Equal
                && id.Left.Length + id.Right.Length > 1
                && id.Left.All(position.ContainsKey) && id.Right.All(position.ContainsKey))
            .ToList();
        string names = identities.Count == 0 ? "no identity" : string.Join(", ", identities.Select(i => i.Id).Distinct());

        bool Accept(long[] parts)
        {
            foreach (IdentityInfo id in identities)
            {
                long left = 0, right = 0;
                foreach (int o in id.Left)
                {
                    left += parts[position[o]];
                }

                foreach (int o in id.Right)
                {
                    right += parts[position[o]];
                }

                if (left != right)
                {
                    return false;
                }
            }

            return true;
        }

        List<long[]> splits = RunTogetherSplitter.Split(cell.Text, ordinals.Length, Accept, maxResults: 6, out bool exhausted);
        if (splits.Count == 1 && exhausted)
        {
            long[] parts = splits[0];
            int offset = 0;
            for (int c = 0; c < parts.Length; c++)
            {
                string text = parts[c].ToString(CultureInfo.InvariantCulture);
                var span = new SourceSpan(cell.Span.Line, cell.Span.Column + offset, text.Length);
                reading.Values[targets.CellKey(target.Path, target.Columns[c].Key)] = new RawValue(text, span, Inferred: true);
                offset += text.Length;
            }

            reading.MatchedRows.Add(target.Path);
            reading.Diagnostics.Add(Diagnostic.Create(
                ReportDiagnostics.InferredSplit, location with { Span = cell.Span },
                rowName, cell.Text, string.Join("|", parts), names));
            return;
        }

        reading.MatchedRows.Add(target.Path);
        if (splits.Count == 0 && exhausted)
        {
            reading.Diagnostics.Add(Diagnostic.Create(
                ReportDiagnostics.UnsplittableRun, location with { Span = cell.Span },
                rowName, cell.Text, ordinals.Length, names));
            return;
        }

        string shown = string.Join("; ", splits.Take(5).Select(p => string.Join("|", p))) + (splits.Count > 5 || !exhausted ? "; …" : string.Empty);
        reading.Diagnostics.Add(Diagnostic.Create(
            ReportDiagnostics.AmbiguousSplit, location with { Span = cell.Span },
            rowName, cell.Text, splits.Count > 5 || !exhausted ? "more than 5" : splits.Count.ToString(CultureInfo.InvariantCulture), shown));
    }

    private static bool TryLongFormat(TableTargets targets, List<RowSlice> valueRows, TableReading reading, string? source)
    {
        var dataRows = targets.DataRows.ToList();
        int hits = 0;
        foreach (RowSlice slice in valueRows)
        {
            if (slice.Values.Length == 1 && FindColumn(dataRows.SelectMany(r => r.Columns), LabelText.Body(slice.Label)) is not null)
            {
                hits++;
            }
        }

        if (hits < 3 || hits * 2 < valueRows.Count)
        {
            return false;
        }

        reading.LongFormat = true;
        reading.Diagnostics.Add(Diagnostic.Create(
            ReportDiagnostics.LongFormatTable, new DiagnosticLocation { Source = source, TableKey = targets.Table.Key, Span = SpanOf(valueRows[0]) },
            targets.Table.Key, valueRows.Count));
        RowTarget? current = null;
        foreach (RowSlice slice in valueRows)
        {
            string body = LabelText.Body(slice.Label);
            RowTarget? named = dataRows
                .Select(r => (Row: r, Len: r.Bodies.Where(b => body.Contains(b, StringComparison.Ordinal)).Select(b => b.Length).DefaultIfEmpty(0).Max()))
                .Where(x => x.Len > 0)
                .OrderByDescending(x => x.Len)
                .Select(x => x.Row)
                .FirstOrDefault();
            if (named is not null)
            {
                current = named;
            }

            TargetColumn? column = current is null ? null : FindColumn(current.Columns, body);
            if (current is null || column is null || slice.Values.Length != 1)
            {
                reading.Diagnostics.Add(Diagnostic.Create(
                    ReportDiagnostics.NonStandardRow,
                    new DiagnosticLocation { Source = source, TableKey = targets.Table.Key, Label = slice.Label, Span = SpanOf(slice) },
                    Shorten(slice.Label), targets.Table.Key, targets.Schema.Edition, FormatValues(slice.Values)));
                continue;
            }

            string key = targets.CellKey(current.Path, column.Key);
            if (reading.Values.ContainsKey(key))
            {
                reading.Diagnostics.Add(Diagnostic.Create(
                    ReportDiagnostics.DuplicateRow,
                    new DiagnosticLocation { Source = source, TableKey = targets.Table.Key, CellKey = key, Span = SpanOf(slice) },
                    key, Shorten(slice.Label)));
                continue;
            }

            reading.Values[key] = new RawValue(slice.Values[0].Text, slice.Values[0].Span);
            reading.MatchedRows.Add(current.Path);
            reading.Score += 1;
        }

        foreach (RowTarget row in dataRows)
        {
            foreach (TargetColumn column in row.Columns)
            {
                if (!reading.Values.ContainsKey(targets.CellKey(row.Path, column.Key)))
                {
                    reading.Diagnostics.Add(Diagnostic.Create(
                        ReportDiagnostics.RowNotFound,
                        new DiagnosticLocation { Source = source, TableKey = targets.Table.Key, RowKey = row.Path, Label = row.Label + " › " + column.Label },
                        row.Path + "." + column.Key, row.Label + " › " + column.Label, targets.Table.Key));
                }
            }
        }

        return true;
    }

    private static TargetColumn? FindColumn(IEnumerable<TargetColumn> columns, string body) =>
        columns
            .Select(c => (Column: c, Len: c.Bodies.Where(b => body.Contains(b, StringComparison.Ordinal)).Select(b => b.Length).DefaultIfEmpty(0).Max()))
            .Where(x => x.Len > 0)
            .OrderByDescending(x => x.Len)
            .Select(x => x.Column)
            .FirstOrDefault();

    private static SourceSpan SpanOf(RowSlice slice) => slice.Values.Length > 0 ? slice.Values[0].Span : SourceSpan.ForLine(slice.Line);

    internal static string FormatValues(IEnumerable<GridCell> values) => string.Join("|", values.Select(v => v.IsEmpty ? "(empty)" : v.Text));

    internal static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 38) + "…";
}
