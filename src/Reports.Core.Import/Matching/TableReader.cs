using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Import.Alignment;
using Reports.Core.Import.RunTogether;
using Reports.Core.Import.Tokens;
using Reports.Core.Schema;

namespace Reports.Core.Import.Matching;

/// <summary>
/// Turns an alignment into cell values and findings: each row's cells left to right (an extra value quoted, a missing
/// one named), glued rows solved together, values no row took quoted (as a row outside the template, or as a row
/// printed twice), and a table that ends early said once.
/// </summary>
internal static class TableReader
{
    public static TableReading Read(TableAlignment alignment, string? source)
    {
        var reading = new TableReading(alignment);
        TableTargets targets = alignment.Targets;
        string table = targets.Table.Key;
        var glued = new List<(AlignedRow Row, GluedRow Glued, Token Run)>();
        int longFormatRows = 0;
        int dataRows = targets.Rows.Count(r => !r.IsGroup);
        foreach (AlignedRow row in alignment.Rows)
        {
            RowTarget target = row.Target;
            reading.MatchedRows.Add(target.Path);
            string rowName = RowName(targets, target);
            Token first = alignment.Cells[row.FirstCell];
            var location = new DiagnosticLocation { Source = source, TableKey = table, RowKey = target.Path, Label = target.Label, Span = first.Span };
            if (row.ByPosition && target.Label.Length > 0 && dataRows > 1)
            {
                reading.Diagnostics.Add(Diagnostic.Create(ImportDiagnostics.RowMatchedByPosition, location, Shorten(row.Label.Length > 0 ? row.Label : "(no label)"), rowName, target.Label));
            }

            if (row.RunTogether)
            {
                Token run = RunOf(alignment, row);
                glued.Add((row, new GluedRow(rowName, run.Text, target.Columns.Select(c => targets.Schema.Cells[c.Ordinal]).ToList()), run));
                continue;
            }

            int n = target.Columns.Length;
            var taken = new List<int>(row.Width);
            for (int k = row.FirstCell; k < row.FirstCell + row.Width; k++)
            {
                if (!(row.IgnoresSoft && alignment.Cells[k].Soft))
                {
                    taken.Add(k);
                }
            }
            bool interiorWords = false;
            for (int k = 0; k < Math.Min(n, taken.Count); k++)
            {
                Token cell = alignment.Cells[taken[k]];
                interiorWords |= k > 0 && alignment.LabelsBefore[taken[k]].Length > 0;
                reading.Values[targets.Schema.Cells[target.Columns[k].Ordinal].Key] = new RawValue(cell.Text, cell.Span);
            }

            longFormatRows += interiorWords ? 1 : 0;
            if (taken.Count > n)
            {
                IEnumerable<Token> extra = taken.Skip(n).Select(k => alignment.Cells[k]);
                reading.Diagnostics.Add(Diagnostic.Create(
                    ImportDiagnostics.ExtraValues, location with { Span = alignment.Cells[taken[n]].Span },
                    rowName, taken.Count, n, Format(extra)));
            }
            else if (taken.Count < n)
            {
                reading.Diagnostics.Add(Diagnostic.Create(
                    ImportDiagnostics.MissingValues, location, rowName, taken.Count, n, string.Join(", ", target.Columns.Skip(taken.Count).Select(c => c.Label))));
            }
        }

        if (longFormatRows >= 3)
        {
            reading.Diagnostics.Add(Diagnostic.Create(
                ImportDiagnostics.LongFormatTable, new DiagnosticLocation { Source = source, TableKey = table, Span = alignment.Cells[alignment.Rows[0].FirstCell].Span },
                table, longFormatRows));
        }

        if (alignment.CellsCut > 0)
        {
            Token last = alignment.Cells[alignment.Cells.Count - 1];
            reading.Diagnostics.Add(Diagnostic.Create(
                ImportDiagnostics.ImportLimitReached, new DiagnosticLocation { Source = source, TableKey = table, Span = last.Span },
                "values in one table region", AlignmentOptions.MaxCells.ToString("N0", CultureInfo.InvariantCulture), last.Span.Line,
                alignment.CellsCut.ToString("N0", CultureInfo.InvariantCulture) + " more values were not read"));
        }

        Solve(reading, glued, source);
        ReportSkipped(reading, source);
        return reading;
    }

    // The text a run-together row holds: its one cell, or a chain of spaced digits with the spaces as written.
    private static Token RunOf(TableAlignment alignment, AlignedRow row)
    {
        Token first = alignment.Cells[row.FirstCell];
        if (row.Width == 1)
        {
            return first;
        }

        var text = new System.Text.StringBuilder(first.Text);
        Token previous = first;
        for (int k = row.FirstCell + 1; k < row.FirstCell + row.Width; k++)
        {
            Token next = alignment.Cells[k];
            text.Append(' ', Math.Max(1, next.Span.Column - (previous.Span.Column + previous.Span.Length))).Append(next.Text);
            previous = next;
        }

        return first with { Text = text.ToString(), Span = new SourceSpan(first.Span.Line, first.Span.Column, text.Length) };
    }

    private static void Solve(TableReading reading, List<(AlignedRow Row, GluedRow Glued, Token Run)> glued, string? source)
    {
        if (glued.Count == 0)
        {
            return;
        }

        ReportSchema schema = reading.Targets.Schema;
        var known = new Dictionary<int, long>();
        foreach (KeyValuePair<string, RawValue> pair in reading.Values)
        {
            if (schema.TryGetCell(pair.Key, out CellInfo cell))
            {
                Cell parsed = CellParser.Parse(pair.Value.Text, cell, pair.Value.Span, out _);
                if (parsed.IsNumber)
                {
                    known[cell.Ordinal] = parsed.Value;
                }
            }
        }

        List<GluedResolution> resolutions = TableSolver.Solve(schema, glued.Select(g => g.Glued).ToList(), known);
        for (int i = 0; i < resolutions.Count; i++)
        {
            (AlignedRow row, GluedRow gluedRow, Token cell) = glued[i];
            GluedResolution resolution = resolutions[i];
            var location = new DiagnosticLocation { Source = source, TableKey = reading.TableKey, RowKey = row.Target.Path, Label = row.Target.Label, Span = cell.Span };
            switch (resolution.Outcome)
            {
                case GluedOutcome.Inferred:
                    RunSplit split = resolution.Split!;
                    for (int c = 0, from = 0; c < split.Ends.Length; from = split.Ends[c], c++)
                    {
                        int start = from;
                        while (start < split.Ends[c] && Tokens.CharClass.IsSpace(cell.Text[start]))
                        {
                            start++; // the spaces before a part (a boundary in the run) are not its text
                        }

                        string text = cell.Text.Substring(start, split.Ends[c] - start);
                        var span = new SourceSpan(cell.Span.Line, cell.Span.Column + start, text.Length);
                        reading.Values[reading.Targets.Schema.Cells[row.Target.Columns[c].Ordinal].Key] = new RawValue(text, span, Inferred: true);
                    }

                    reading.Diagnostics.Add(Diagnostic.Create(ImportDiagnostics.InferredSplit, location, gluedRow.RowName, cell.Text, split.Format(), resolution.Identities));
                    break;
                case GluedOutcome.Ambiguous:
                    string count = resolution.CandidatesComplete ? resolution.Candidates.Count.ToString(CultureInfo.InvariantCulture) : "more than " + resolution.Candidates.Count.ToString(CultureInfo.InvariantCulture);
                    string shown = string.Join("; ", resolution.Candidates.Take(5).Select(s => s.Format())) + (resolution.Candidates.Count > 5 || !resolution.CandidatesComplete ? "; …" : string.Empty);
                    reading.Diagnostics.Add(Diagnostic.Create(ImportDiagnostics.AmbiguousSplit, location, gluedRow.RowName, cell.Text, count, shown));
                    break;
                default:
                    reading.Diagnostics.Add(Diagnostic.Create(ImportDiagnostics.UnsplittableRun, location, gluedRow.RowName, cell.Text, gluedRow.Cells.Count, resolution.Identities));
                    break;
            }
        }
    }

    /// <summary>Values no row took, one finding per line: a row printed twice when its words name a row already read.</summary>
    private static void ReportSkipped(TableReading reading, string? source)
    {
        TableAlignment a = reading.Alignment;
        int i = 0;
        while (i < a.Skipped.Count)
        {
            int start = i;
            int line = a.Cells[a.Skipped[i]].Line;
            while (i + 1 < a.Skipped.Count && a.Cells[a.Skipped[i + 1]].Line == line && a.Skipped[i + 1] == a.Skipped[i] + 1)
            {
                i++;
            }

            var cells = a.Skipped.GetRange(start, i - start + 1).Select(k => a.Cells[k]).ToList();
            string label = a.LabelsBefore[a.Skipped[start]];
            var probe = new LabelProbe(label);
            // A row printed twice: the words name, better than any other row, a row already read.
            var best = reading.Targets.DataRows
                .Where(t => t.Label.Length > 0)
                .Select(t => (Target: t, Score: t.Bodies.Select(b => probe.Coverage(b) + (0.01 * b.Length)).DefaultIfEmpty(0).Max()))
                .OrderByDescending(x => x.Score)
                .FirstOrDefault();
            RowTarget? named = best.Target is not null && best.Score >= 0.9 && reading.MatchedRows.Contains(best.Target.Path) ? best.Target : null;
            var location = new DiagnosticLocation { Source = source, TableKey = reading.TableKey, Label = label, Span = cells[0].Span };
            if (named is not null)
            {
                AlignedRow kept = a.Rows.First(r => r.Target == named);
                reading.Diagnostics.Add(Diagnostic.Create(
                    ImportDiagnostics.DuplicateRow, location with { RowKey = named.Path }, RowName(reading.Targets, named), Shorten(label) + " " + Format(cells), a.Cells[kept.FirstCell].Span.Line));
            }
            else
            {
                reading.Diagnostics.Add(Diagnostic.Create(
                    ImportDiagnostics.NonStandardRow, location, Shorten(label.Length > 0 ? label : "(no label)"), reading.TableKey, reading.Edition, Format(cells)));
            }

            i++;
        }
    }

    internal static string RowName(TableTargets targets, RowTarget target) =>
        target.Path.Length == 0 ? targets.Table.Key : targets.Table.Key + "." + target.Path;

    internal static string Format(IEnumerable<Token> values) => string.Join("|", values.Select(v => v.Kind == TokenKind.Empty ? "(empty)" : v.Text));

    internal static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 38) + "…";
}
