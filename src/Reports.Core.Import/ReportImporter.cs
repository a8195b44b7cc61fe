using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Import.Grid;
using Reports.Core.Import.Matching;
using Reports.Core.Import.Narrative;
using Reports.Core.Reports;
using Reports.Core.Schema;

namespace Reports.Core.Import;

/// <summary>
/// Reads the text of one published annual report (plain text in any of the common layouts, or an HTML page)
/// into a draft report of the right edition, every cell keeping its raw text and source location, plus import
/// diagnostics. It reads a grid first (layout) and meaning second (sections, rows, editions). Never throws on
/// input: what cannot be read is reported.
/// </summary>
public sealed class ReportImporter
{
    private static readonly string[] TableKeys = { "t2", "t3", "t4" };

    private readonly ImmutableArray<ReportEdition> _editions;
    private readonly Dictionary<(string Edition, string Table), TableTargets> _targets = new();

    /// <summary>An importer for the built-in editions (E2019 and E2021).</summary>
    public ReportImporter()
        : this(new[] { Editions.Report2019.Edition, Editions.Report2021.Edition })
    {
    }

    /// <summary>An importer for the given editions (each must have tables <c>t2</c>, <c>t3</c>, <c>t4</c>).</summary>
    public ReportImporter(IEnumerable<ReportEdition> editions)
    {
        if (editions is null)
        {
            throw new ArgumentNullException(nameof(editions));
        }

        _editions = editions.ToImmutableArray();
        if (_editions.IsEmpty)
        {
            throw new ArgumentException("At least one edition is required.", nameof(editions));
        }

        foreach (ReportEdition edition in _editions)
        {
            foreach (TableInfo table in edition.Schema.Tables)
            {
                _targets[(edition.Id, table.Key)] = TableTargets.Create(edition.Schema, table);
            }
        }
    }

    /// <summary>A shared importer for the built-in editions.</summary>
    public static ReportImporter Default { get; } = new();

    /// <summary>Imports <paramref name="text"/> (HTML is detected); <paramref name="source"/> names the input in diagnostics.</summary>
    public ImportResult Import(string text, string? source = null)
    {
        try
        {
            return ImportCore(text ?? string.Empty, source);
        }
#pragma warning disable CA1031 // the importer's contract: input never makes it throw
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var diagnostic = Diagnostic.Create(ReportDiagnostics.UnreadableInput, new DiagnosticLocation { Source = source }, "internal error: " + ex.GetType().Name + ": " + ex.Message);
            return new ImportResult(null, null, new Dictionary<string, string>(), ImmutableArray.Create(diagnostic), "unknown");
        }
    }

    private ImportResult ImportCore(string text, string? source)
    {
        var diagnostics = new List<Diagnostic>();
        if (TextLines.IsBlank(text))
        {
            diagnostics.Add(Diagnostic.Create(ReportDiagnostics.UnreadableInput, new DiagnosticLocation { Source = source }, "the input is empty"));
            return new ImportResult(null, null, new Dictionary<string, string>(), diagnostics.ToImmutableArray(), "empty");
        }

        GridTable grid = LayoutSniffer.Read(text);
        var rows = grid.Rows;
        var slices = rows.Select(RowSlice.Create).ToList();
        Dictionary<string, Section> sections = SectionFinder.Find(rows);
        (string? agency, int? year, int titleLine) = TitleReader.Read(rows);

        // Read every table against every edition; keep the reading of the detected edition.
        var readings = new Dictionary<(string Edition, string Table), TableReading>();
        foreach (string table in TableKeys)
        {
            (int start, int end, bool found) = Zone(sections, table, rows.Length);
            List<RowSlice> zone = slices.GetRange(start, end - start);
            foreach (ReportEdition edition in _editions)
            {
                if (_targets.TryGetValue((edition.Id, table), out TableTargets? targets))
                {
                    readings[(edition.Id, table)] = TableMatcher.Match(targets, zone, reportUnmatched: found, source);
                }
            }
        }

        var tableEditions = new Dictionary<string, string>(StringComparer.Ordinal);
        string? t2 = DetectTable2(sections, rows, readings, out string t2Reason);
        string? t3 = DetectTable3(readings, out string t3Reason);
        string reportEdition = t2 ?? t3 ?? EditionForYear(year) ?? _editions[_editions.Length - 1].Id;
        ReportEdition edition2 = _editions.First(e => e.Id == reportEdition);
        tableEditions["t2"] = t2 ?? reportEdition;
        tableEditions["t3"] = t3 ?? reportEdition;
        tableEditions["t4"] = reportEdition;
        if (t2 is not null)
        {
            diagnostics.Add(Diagnostic.Create(ReportDiagnostics.TableEditionDetected, new DiagnosticLocation { Source = source, TableKey = "t2" }, "t2", t2, t2Reason));
        }

        if (t3 is not null)
        {
            diagnostics.Add(Diagnostic.Create(ReportDiagnostics.TableEditionDetected, new DiagnosticLocation { Source = source, TableKey = "t3" }, "t3", t3, t3Reason));
        }

        bool anyTable = TableKeys.Any(t => readings.TryGetValue((reportEdition, t), out TableReading? r) && r.ValueRows > 0);
        if (!anyTable)
        {
            diagnostics.Add(Diagnostic.Create(ReportDiagnostics.UnreadableInput, new DiagnosticLocation { Source = source }, "layout " + grid.Layout + ", " + rows.Length + " rows, no row of numbers under a known table"));
            return new ImportResult(null, null, tableEditions, diagnostics.ToImmutableArray(), grid.Layout);
        }

        ReportSchema schema = edition2.Schema;
        ReportCells.Builder builder = ReportCells.CreateBuilder(schema);
        var units = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (string table in TableKeys)
        {
            string readAs = tableEditions[table];
            if (!readings.TryGetValue((readAs, table), out TableReading? reading))
            {
                continue;
            }

            if (reading.ValueRows == 0)
            {
                TableInfo? info = schema.FindTable(table);
                diagnostics.Add(Diagnostic.Create(ReportDiagnostics.TableNotFound, new DiagnosticLocation { Source = source, TableKey = table }, table, info?.Label ?? table));
                continue;
            }

            diagnostics.AddRange(reading.Diagnostics);
            var foreign = new List<string>();
            var foreignSpans = new List<SourceSpan>();
            foreach (KeyValuePair<string, RawValue> pair in reading.Values)
            {
                if (schema.TryGetCell(pair.Key, out CellInfo cell))
                {
                    builder[cell.Ordinal] = CellParser.Parse(pair.Value.Text, cell.Scale, pair.Value.Span, out string? unit);
                    units[pair.Key] = unit;
                }
                else
                {
                    foreign.Add(pair.Key + "=" + pair.Value.Text);
                    foreignSpans.Add(pair.Value.Span);
                }
            }

            if (readAs != reportEdition)
            {
                List<string> mapped = EditionBridge.Map(schema, table, reading.Values, builder, foreign);
                var missing = schema.Cells.Where(c => c.TableKey == table && builder[c.Ordinal].State == CellState.Missing).Select(c => c.Key).ToList();
                string detail = (mapped.Count > 0 ? string.Join("; ", mapped) : string.Empty)
                    + (foreign.Count > 0 ? (mapped.Count > 0 ? "; " : string.Empty) + "values kept here, not imported: " + string.Join(", ", foreign) : mapped.Count > 0 ? string.Empty : "no values outside edition " + reportEdition)
                    + (missing.Count > 0 ? "; left missing: " + Summarize(missing) : string.Empty);
                diagnostics.Add(Diagnostic.Create(
                    ReportDiagnostics.TableEditionMismatch,
                    new DiagnosticLocation { Source = source, TableKey = table, Span = foreignSpans.Count > 0 ? foreignSpans[0] : default },
                    table, readAs, reportEdition, detail));
            }
            else
            {
                foreach (KeyValuePair<string, int> group in reading.ValuedGroups)
                {
                    var values = reading.Values.Where(v => v.Key.StartsWith(table + "." + group.Key + ".", StringComparison.Ordinal) && !schema.TryGetCell(v.Key, out _)).Select(v => v.Value.Text);
                    diagnostics.Add(Diagnostic.Create(
                        ReportDiagnostics.NonStandardRow,
                        new DiagnosticLocation { Source = source, TableKey = table, RowKey = group.Key, Span = SourceSpan.ForLine(group.Value) },
                        group.Key, table, reportEdition, string.Join("|", values)));
                }
            }
        }

        CheckMoney(schema, builder, units, diagnostics, source);
        ReportCells cells = builder.ToCells();

        if (agency is null)
        {
            diagnostics.Add(Diagnostic.Create(ReportDiagnostics.MetadataNotFound, new DiagnosticLocation { Source = source }, "agency"));
        }

        if (year is null)
        {
            diagnostics.Add(Diagnostic.Create(ReportDiagnostics.MetadataNotFound, new DiagnosticLocation { Source = source }, "year"));
        }

        List<GridRow> narrative = NarrativeRows(sections, rows, titleLine);
        diagnostics.AddRange(NarrativeChecker.Check(narrative, cells, source));

        var info2 = new ReportInfo { Agency = agency, Year = year, Source = source };
        IReportDraft draft = edition2.CreateDraft(info2, cells);
        return new ImportResult(draft, edition2, tableEditions, diagnostics.ToImmutableArray(), grid.Layout);
    }

    private static string Summarize(List<string> keys) =>
        keys.Count <= 8 ? string.Join(", ", keys) : string.Join(", ", keys.Take(7)) + ", … (" + keys.Count.ToString(CultureInfo.InvariantCulture) + " cells)";

    private static (int Start, int End, bool Found) Zone(Dictionary<string, Section> sections, string table, int count)
    {
        Section section = sections[table];
        if (section.Found)
        {
            return (section.Start, section.End, true);
        }

        // Not found: the range between the nearest found headings around where it should stand.
        string[] order = { "s1", "t2", "t3", "t4", "s5", "s6" };
        int at = Array.IndexOf(order, table);
        int start = 0;
        for (int i = at - 1; i >= 0; i--)
        {
            if (sections[order[i]].Found)
            {
                start = sections[order[i]].Start;
                break;
            }
        }

        int end = count;
        for (int i = at + 1; i < order.Length; i++)
        {
            if (sections[order[i]].Found)
            {
                end = sections[order[i]].HeadingIndex;
                break;
            }
        }

        return (start, Math.Max(start, end), false);
    }

    private string? DetectTable2(Dictionary<string, Section> sections, ImmutableArray<GridRow> rows, Dictionary<(string, string), TableReading> readings, out string reason)
    {
        reason = string.Empty;
        if (_editions.Length == 1)
        {
            reason = "the only edition";
            return _editions[0].Id;
        }

        (int start, int end, _) = Zone(sections, "t2", rows.Length);
        string body = LabelText.Body(string.Concat(rows.Skip(start).Take(end - start).Select(r => r.Text)));
        string[] e2019 = { "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增减", "政府集中采购", "采购项目数量", "其他对外管理服务事项", "第二十条第项" };
        string[] e2021 = { "本年制发件数", "本年废止件数", "现行有效件数", "行政规范性文件", "本年处理决定数量", "本年收费金额" };
        var hits2019 = e2019.Where(s => body.Contains(s, StringComparison.Ordinal)).ToList();
        var hits2021 = e2021.Where(s => body.Contains(s, StringComparison.Ordinal)).ToList();

        // 第二十条第（九）项: the numbering is stripped from the body; look for it in the folded text.
        string folded = LabelText.Fold(string.Concat(rows.Skip(start).Take(end - start).Select(r => r.Text)));
        hits2019.Remove("第二十条第项");
        if (folded.Contains("第二十条第(九)项", StringComparison.Ordinal))
        {
            hits2019.Add("第二十条第（九）项");
        }

        if (hits2019.Count != hits2021.Count)
        {
            string id = hits2019.Count > hits2021.Count ? "2019" : "2021";
            reason = "signals " + string.Join(", ", id == "2019" ? hits2019 : hits2021);
            return _editions.Any(e => e.Id == id) ? id : null;
        }

        var scored = _editions
            .Select(e => (e.Id, Score: readings.TryGetValue((e.Id, "t2"), out TableReading? r) ? r.Score : 0))
            .OrderByDescending(x => x.Score)
            .ToList();
        if (scored.Count > 1 && scored[0].Score > scored[1].Score && scored[0].Score > 0)
        {
            reason = "row labels fit best";
            return scored[0].Id;
        }

        return null;
    }

    private string? DetectTable3(Dictionary<(string, string), TableReading> readings, out string reason)
    {
        reason = string.Empty;
        if (!readings.TryGetValue(("2021", "t3"), out TableReading? e2021) || !_editions.Any(e => e.Id == "2019"))
        {
            return null;
        }

        if (e2021.ValuedGroups.ContainsKey("r.other"))
        {
            reason = "（六）其他处理 is one row with values";
            return "2019";
        }

        if (e2021.MatchedRows.Any(r => r.StartsWith("r.other.", StringComparison.Ordinal)))
        {
            reason = "（六）其他处理 has numbered sub-rows";
            return "2021";
        }

        return null;
    }

    private string? EditionForYear(int? year)
    {
        if (year is null)
        {
            return null;
        }

        return _editions.FirstOrDefault(e => e.Schema.AppliesTo(year.Value))?.Id;
    }

    private static void CheckMoney(ReportSchema schema, ReportCells.Builder builder, Dictionary<string, string?> units, List<Diagnostic> diagnostics, string? source)
    {
        foreach (CellInfo cell in schema.Cells)
        {
            if (cell.Kind != ValueKind.Money || !units.TryGetValue(cell.Key, out string? unit))
            {
                continue;
            }

            Cell value = builder[cell.Ordinal];
            if (value.State != CellState.Number || value.Value == 0)
            {
                continue; // zero is zero in any unit
            }

            var location = DiagnosticLocation.ForCell(cell, value.Span, source);
            if (cell.Unit.Length == 0 && unit is null)
            {
                diagnostics.Add(Diagnostic.Create(ReportDiagnostics.MoneyWithoutUnit, location, cell.Key, value.Raw));
            }
            else if (cell.Unit.Length > 0 && unit is not null && unit != cell.Unit)
            {
                diagnostics.Add(Diagnostic.Create(ReportDiagnostics.MoneyUnitMismatch, location, cell.Key, value.Raw, unit, cell.Unit));
            }
        }
    }

    private static List<GridRow> NarrativeRows(Dictionary<string, Section> sections, ImmutableArray<GridRow> rows, int titleLine)
    {
        Section s1 = sections["s1"];
        int start = s1.Found ? s1.Start : 0;
        int end = s1.Found ? s1.End : sections["t2"].Found ? sections["t2"].HeadingIndex : Math.Min(rows.Length, 60);
        var list = new List<GridRow>();
        for (int i = start; i < end && i < rows.Length; i++)
        {
            if (!rows[i].IsTableRow && rows[i].Line != titleLine)
            {
                list.Add(rows[i]);
            }
        }

        return list;
    }
}
