using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Import.Alignment;
using Reports.Core.Import.Grid;
using Reports.Core.Import.Matching;
using Reports.Core.Import.Narrative;
using Reports.Core.Import.Tokens;
using Reports.Core.Reports;
using Reports.Core.Schema;

namespace Reports.Core.Import;

/// <summary>
/// Reads the text of one published annual report (plain text in any layout, or an HTML page) into a draft of the
/// right edition, every cell keeping its raw text and source location, plus import diagnostics. The text becomes one
/// token stream; each table of the schemas is found by its heading and its template aligned with the stream; the
/// edition of each table is the one whose template reads it best. Everything the importer knows about the template
/// comes from the editions' schemas, so a team's own form imports the same way. Never throws on input: what cannot be
/// read is reported.
/// </summary>
public sealed class ReportImporter
{
    /// <summary>Texts longer than this (characters) are read up to here; the rest is reported.</summary>
    public const int MaxInputLength = 16 * 1024 * 1024;

    /// <summary>Each distinguishing column heading found in a table's region adds this to its edition's reading.</summary>
    private const double HeaderWeight = 0.5;

    private readonly ImmutableArray<ReportEdition> _editions;
    private readonly ImmutableArray<TableHeading> _headings;

    // Per heading: the rows of every edition's table under it (what a part numbered after the table may be).
    private readonly ImmutableArray<List<RowTarget>> _headingRows;
    private readonly Dictionary<(string Edition, string Table), TableTargets> _targets = new();
    private readonly Dictionary<(string Edition, string Table), ImmutableArray<string>> _columnHeadings = new();

    // Probes score against this importer's label ids, so each importer keeps its own, one cache per thread.
    private readonly System.Threading.ThreadLocal<ProbeCache> _probes = new(() => new ProbeCache());

    /// <summary>An importer for the built-in editions (<see cref="Editions.ReportEditions.All"/>: E2019 and E2021).</summary>
    public ReportImporter()
        : this(Editions.ReportEditions.All)
    {
    }

    /// <summary>An importer for the given editions (built-in ones, or generated from a team's own schema).</summary>
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

        var labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (ReportEdition edition in _editions)
        {
            foreach (TableInfo table in edition.Schema.Tables)
            {
                TableTargets targets = TableTargets.Create(edition.Schema, table, labelIds);
                _targets[(edition.Id, table.Key)] = targets;
                _columnHeadings[(edition.Id, table.Key)] = targets.DataRows
                    .SelectMany(r => r.Columns)
                    .Select(c => LabelText.Body(c.Label))
                    .Where(b => b.Length >= 2)
                    .Distinct(StringComparer.Ordinal)
                    .ToImmutableArray();
            }
        }

        _headings = TableHeading.From(_editions.Select(e => e.Schema));
        _headingRows = _headings
            .Select(heading => _editions
                .Select(e => _targets.TryGetValue((e.Id, heading.Key), out TableTargets? t) ? t : null)
                .Where(t => t is not null)
                .SelectMany(t => t!.Rows)
                .ToList())
            .ToImmutableArray();
    }

    /// <summary>A shared importer for the built-in editions.</summary>
    public static ReportImporter Default { get; } = new();

    /// <summary>Label texts this thread's probe cache keeps between imports (for tests of its bounds).</summary>
    internal int ProbesKept => _probes.IsValueCreated ? _probes.Value!.Count : 0;

    /// <summary>Called with each step's name (<c>table t3</c>, <c>title</c>, …) before it runs; tests make a step fail through it.</summary>
    internal Action<string>? BeforeStep { get; set; }

    /// <summary>The editions this importer reads (and that a JSON file read by <see cref="ReportFile"/> may name).</summary>
    public ImmutableArray<ReportEdition> SupportedEditions => _editions;

    /// <summary>Imports a file's bytes in whatever encoding they are (see <see cref="ReportTextDecoder"/>); RC2021 says which when it is not UTF-8.</summary>
    public ImportResult Import(byte[] bytes, string? source = null)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        DecodedText decoded = ReportTextDecoder.Decode(bytes);
        return WithFindings(Import(decoded.Text, source), ReportTextDecoder.Findings(decoded, source));
    }

    /// <summary>Imports what <paramref name="stream"/> holds from its position to its end, in whatever encoding it is.</summary>
    public ImportResult Import(System.IO.Stream stream, string? source = null)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        using var buffer = new System.IO.MemoryStream();
        stream.CopyTo(buffer);
        return Import(buffer.ToArray(), source);
    }

    /// <summary>The same result with <paramref name="findings"/> before its own diagnostics.</summary>
    internal static ImportResult WithFindings(ImportResult result, IEnumerable<Diagnostic> findings)
    {
        ImmutableArray<Diagnostic> extra = findings.ToImmutableArray();
        return extra.IsEmpty
            ? result
            : new ImportResult(result.Draft, result.Edition, result.TableEditions, extra.AddRange(result.Diagnostics), result.Layout, result.InferredCells);
    }

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
            var diagnostic = Diagnostic.Create(ImportDiagnostics.UnreadableInput, new DiagnosticLocation { Source = source }, "internal error: " + ex.GetType().Name + ": " + ex.Message);
            return new ImportResult(null, null, ImmutableDictionary<string, string>.Empty, ImmutableArray.Create(diagnostic), "unknown", ImmutableArray<string>.Empty);
        }
        finally
        {
            // What one import probed stays for the next only within the bounds: a huge input's texts are let go now.
            if (_probes.IsValueCreated)
            {
                _probes.Value!.EndImport();
            }
        }
    }

    private ImportResult ImportCore(string text, string? source)
    {
        var diagnostics = new List<Diagnostic>();
        if (TextLines.IsBlank(text))
        {
            diagnostics.Add(Diagnostic.Create(ImportDiagnostics.UnreadableInput, new DiagnosticLocation { Source = source }, "the input is empty"));
            return Fail(diagnostics, "empty");
        }

        if (text.Length > MaxInputLength)
        {
            text = text.Substring(0, MaxInputLength);
            int line = 1;
            foreach (char c in text)
            {
                line += c == '\n' ? 1 : 0;
            }

            diagnostics.Add(Diagnostic.Create(
                ImportDiagnostics.ImportLimitReached, new DiagnosticLocation { Source = source, Span = SourceSpan.ForLine(line) },
                "input length", MaxInputLength.ToString("N0", CultureInfo.InvariantCulture) + " characters", line, "the rest was not read"));
        }

        TokenStream stream = Tokenizer.Read(text);
        diagnostics.AddRange(stream.Findings);
        List<Token> tokens = stream.TakeTokens();
        ProbeCache probes = _probes.Value!; // ended (trimmed to its bounds) by Import, whatever happens here
        var headings = new Dictionary<string, HeadingAt>();
        string? agency = null;
        int? year = null;
        int titleLine = 0;
        try
        {
            BeforeStep?.Invoke("headings");
            headings = TableRegions.Find(tokens, _headings, probes);
        }
        catch (Exception ex) when (IsStepFailure(ex))
        {
            diagnostics.Add(StepFailed("finding the table headings", ex, source, null));
        }

        try
        {
            BeforeStep?.Invoke("title");
            (agency, year, titleLine) = TitleReader.Read(stream.Lines);
        }
        catch (Exception ex) when (IsStepFailure(ex))
        {
            diagnostics.Add(StepFailed("reading the title", ex, source, null));
        }

        // Each table: its region, read against every edition that has it; the best reading is kept.
        var chosen = new Dictionary<string, TableReading>(StringComparer.Ordinal);
        var ties = new HashSet<string>(StringComparer.Ordinal);
        var tiedReadings = new Dictionary<string, List<TableAlignment>>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var headingVotes = new Dictionary<string, int>(StringComparer.Ordinal);
        int previousEnd = 0;
        char[] regionText = ArrayPool<char>.Shared.Rent(1024);
        for (int h = 0; h < _headings.Length; h++)
        {
            TableHeading heading = _headings[h];
            try
            {
                BeforeStep?.Invoke("table " + heading.Key);
                (int start, int end) = Region(tokens, headings, h, previousEnd, probes);
                var readings = new List<(TableAlignment Alignment, double Score, List<string> Headers, double OverRowsRead)>();
                int wordsLength = RegionWords(tokens, start, end, probes, ref regionText); // may replace the buffer: read it after
                ReadOnlySpan<char> regionWords = regionText.AsSpan(0, wordsLength);
                foreach (ReportEdition edition in _editions)
                {
                    if (!_targets.TryGetValue((edition.Id, heading.Key), out TableTargets? targets))
                    {
                        continue;
                    }

                    TableAlignment alignment = TableAligner.Align(targets, tokens, start, end, probes);
                    var headers = new List<string>();
                    foreach (string column in _columnHeadings[(edition.Id, heading.Key)])
                    {
                        if (regionWords.IndexOf(column.AsSpan(), StringComparison.Ordinal) >= 0)
                        {
                            headers.Add(column);
                        }
                    }

                    double score = alignment.Score + (HeaderWeight * headers.Count);
                    int notRead = Math.Max(0, targets.Rows.Count(r => !r.IsGroup && r.Columns.Length > 0) - alignment.Rows.Count);
                    readings.Add((alignment, score, headers, score + (AlignmentOptions.SkipRow * notRead)));
                }

                if (readings.Count == 0)
                {
                    continue;
                }

                foreach (var r in readings)
                {
                    string id = r.Alignment.Targets.Schema.Edition;
                    headingVotes[id] = (headingVotes.TryGetValue(id, out int v) ? v : 0) + r.Headers.Count;
                }

                // Only the reading kept is read into cells and findings.
                var best = readings.OrderByDescending(r => r.Score).First();
                chosen[heading.Key] = TableReader.Read(best.Alignment, source);
                // Readings alike over the rows they read tie: a template's rows that the text does not show (a table cut
                // early, or absent) tell nothing of its edition, however many the template has.
                bool tie = readings.Count(r => Math.Abs(r.OverRowsRead - best.OverRowsRead) < 0.01) > 1;
                if (tie)
                {
                    ties.Add(heading.Key);
                    tiedReadings[heading.Key] = readings.Select(r => r.Alignment).ToList();
                }
                else if (readings.Count > 1)
                {
                    var others = readings.Where(r => r.Alignment != best.Alignment).Select(r => r.Alignment.Targets.Schema.Edition + " " + r.Score.ToString("0.0", CultureInfo.InvariantCulture));
                    reasons[heading.Key] = (best.Headers.Count > 0 ? "headings " + string.Join(", ", best.Headers.Take(4)) + "; " : string.Empty)
                        + "reading score " + best.Score.ToString("0.0", CultureInfo.InvariantCulture) + " against " + string.Join(", ", others);
                }

                TableAlignment a = best.Alignment;
                previousEnd = a.Rows.Count > 0
                    ? a.TokenIndex[a.Rows[a.Rows.Count - 1].FirstCell + a.Rows[a.Rows.Count - 1].Width - 1] + 1
                    : headings.ContainsKey(heading.Key) ? end : start;

                // Values the table placed and then declined (reported as its rows outside the template) are its own.
                if (a.LastDeclined >= 0)
                {
                    previousEnd = Math.Max(previousEnd, a.TokenIndex[a.LastDeclined] + 1);
                }
            }
            catch (Exception ex) when (IsStepFailure(ex))
            {
                // One table's worth is lost, never the report: the next table is read from where this one began.
                diagnostics.Add(StepFailed("reading table " + heading.Key, ex, source, heading.Key));
                chosen.Remove(heading.Key);
                ties.Remove(heading.Key);
                reasons.Remove(heading.Key);
                failed.Add(heading.Key);
            }
        }

        ArrayPool<char>.Shared.Return(regionText);

        // The report's edition: that of the first table read with a preference; else, where no row was read (labels
        // without values), the one whose column headings the text shows most; else the year's; else the newest.
        string? reportId = _headings.Select(x => x.Key)
            .Where(k => chosen.TryGetValue(k, out TableReading? r) && r.RowsRead > 0 && !ties.Contains(k))
            .Select(k => chosen[k].Edition)
            .FirstOrDefault();
        // No table read a row (a skeleton of labels without values): the column headings the text shows tell the
        // edition where one edition's headings stand there more than any other's; else the year does.
        if (reportId is null && !chosen.Values.Any(r => r.RowsRead > 0))
        {
            reportId = HeadingVote(headingVotes);
        }

        reportId ??= (year ?? StatedYear(stream, tokens, headings, chosen.Values)) is int y ? _editions.FirstOrDefault(e => e.Schema.AppliesTo(y))?.Id : null;
        reportId ??= _editions[_editions.Length - 1].Id;
        ReportEdition reportEdition = _editions.First(e => e.Id == reportId);
        ReportSchema schema = reportEdition.Schema;

        // Tables read alike by every edition are the report's.
        foreach (string key in ties)
        {
            try
            {
                BeforeStep?.Invoke("tie " + key);
                // Every edition's alignment of the region was made already: the report's is read, none is made again.
                TableAlignment? own = tiedReadings[key].Find(a => a.Targets.Schema.Edition == reportId);
                if (own is not null)
                {
                    chosen[key] = TableReader.Read(own, source);
                }
            }
            catch (Exception ex) when (IsStepFailure(ex))
            {
                diagnostics.Add(StepFailed("reading table " + key + " as edition " + reportId + " (the reading of another edition is kept)", ex, source, key));
            }
        }

        // A report whose headings (or title) are there but whose tables are not: a draft of missing tables, said per
        // table. Text with neither is no report, said once.
        if (!chosen.Values.Any(r => ReadsALabelledRow(r, probes)) && headings.Count == 0 && year is null)
        {
            diagnostics.Add(Diagnostic.Create(ImportDiagnostics.UnreadableInput, new DiagnosticLocation { Source = source }, tokens.Count + " tokens, no row of a template table"));
            return Fail(diagnostics, LayoutOf(chosen.Values));
        }

        ReportCells.Builder builder = ReportCells.CreateBuilder(schema);
        var units = new Dictionary<string, string?>(chosen.Values.Sum(r => r.Values.Count), StringComparer.Ordinal);
        var inferred = ImmutableArray.CreateBuilder<string>();
        var tableEditions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (TableInfo table in schema.Tables)
        {
            try
            {
                BeforeStep?.Invoke("cells " + table.Key);
                if (!chosen.TryGetValue(table.Key, out TableReading? reading))
                {
                    continue;
                }

                tableEditions[table.Key] = reading.Edition;
                if (reading.RowsRead > 0 && reasons.TryGetValue(table.Key, out string? reason))
                {
                    diagnostics.Add(Diagnostic.Create(ImportDiagnostics.TableEditionDetected, new DiagnosticLocation { Source = source, TableKey = table.Key }, table.Key, reading.Edition, reason));
                }

                if (reading.RowsRead == 0)
                {
                    diagnostics.Add(Diagnostic.Create(ImportDiagnostics.TableNotFound, new DiagnosticLocation { Source = source, TableKey = table.Key }, table.Key, table.Label));

                    // Under its own heading, values no row could take are still said, each run quoted.
                    if (headings.ContainsKey(table.Key))
                    {
                        diagnostics.AddRange(reading.Diagnostics.Where(d => d.Id == ImportDiagnostics.NonStandardRow.Id));
                    }

                    continue;
                }

                diagnostics.AddRange(reading.Diagnostics);
                ReportRowsNotRead(reading, diagnostics, source);
                var foreign = new List<string>();
                var foreignSpans = new List<SourceSpan>();
                foreach (KeyValuePair<string, RawValue> pair in reading.Values)
                {
                    if (schema.TryGetCell(pair.Key, out CellInfo cell))
                    {
                        builder[cell.Ordinal] = CellParser.Parse(pair.Value.Text, cell, pair.Value.Span, out string? unit);
                        units[pair.Key] = unit;
                        if (pair.Value.Inferred)
                        {
                            inferred.Add(pair.Key);
                        }
                    }
                    else
                    {
                        foreign.Add(pair.Key + "=" + pair.Value.Text);
                        foreignSpans.Add(pair.Value.Span);
                    }
                }

                if (reading.Edition != reportId)
                {
                    List<string> mapped = EditionBridge.Map(schema, table.Key, reading.Values, builder, foreign);
                    var missing = schema.Cells.Where(c => c.TableKey == table.Key && builder[c.Ordinal].State == CellState.Missing).Select(c => c.Key).ToList();
                    string detail = (mapped.Count > 0 ? string.Join("; ", mapped) : string.Empty)
                        + (foreign.Count > 0 ? (mapped.Count > 0 ? "; " : string.Empty) + "values kept here, not imported: " + string.Join(", ", foreign) : mapped.Count > 0 ? string.Empty : "no values outside edition " + reportId)
                        + (missing.Count > 0 ? "; left missing: " + Summarize(missing) : string.Empty);
                    diagnostics.Add(Diagnostic.Create(
                        ImportDiagnostics.TableEditionMismatch,
                        new DiagnosticLocation { Source = source, TableKey = table.Key, Span = foreignSpans.Count > 0 ? foreignSpans[0] : default },
                        table.Key, reading.Edition, reportId, detail));
                }
            }
            catch (Exception ex) when (IsStepFailure(ex))
            {
                // The cells taken before the failure stay; the error keeps the draft from validating.
                diagnostics.Add(StepFailed("taking the cells of table " + table.Key, ex, source, table.Key));
            }
        }

        foreach (TableInfo table in schema.Tables)
        {
            if (!chosen.ContainsKey(table.Key) && !failed.Contains(table.Key))
            {
                diagnostics.Add(Diagnostic.Create(ImportDiagnostics.TableNotFound, new DiagnosticLocation { Source = source, TableKey = table.Key }, table.Key, table.Label));
            }
        }

        try
        {
            BeforeStep?.Invoke("money");
            CheckMoney(schema, builder, units, diagnostics, source);
        }
        catch (Exception ex) when (IsStepFailure(ex))
        {
            diagnostics.Add(StepFailed("checking the money units", ex, source, null));
        }

        ReportCells cells = builder.ToCells();

        // The narrative: what stands before the first table.
        var narrative = new List<GridRow>();
        try
        {
            BeforeStep?.Invoke("narrative");
            int firstTable = FirstTableToken(headings, chosen.Values, tokens.Count);
            var lineWords = new System.Text.StringBuilder();
            for (int t = 0; t < firstTable && t < tokens.Count;)
            {
                // One row per line, its words and numbers as written.
                int line = tokens[t].Span.Line;
                System.Text.StringBuilder words = lineWords.Clear();
                SourceSpan at = tokens[t].Span;
                for (; t < firstTable && t < tokens.Count && tokens[t].Span.Line == line; t++)
                {
                    words.Append(words.Length > 0 ? " " : string.Empty).Append(tokens[t].Text);
                }

                if (line != titleLine && words.Length > 0)
                {
                    narrative.Add(new GridRow(line, new[] { new GridCell(words.ToString(), at) }, isTableRow: false));
                }
            }

            year ??= YearReader.Read(narrative.Select(r => r.Text)) ?? YearReader.Read(stream.Lines.Select(r => r.Text));
        }
        catch (Exception ex) when (IsStepFailure(ex))
        {
            diagnostics.Add(StepFailed("reading the narrative", ex, source, null));
        }

        if (agency is null)
        {
            diagnostics.Add(Diagnostic.Create(ImportDiagnostics.MetadataNotFound, new DiagnosticLocation { Source = source }, "agency"));
        }

        if (year is null)
        {
            diagnostics.Add(Diagnostic.Create(ImportDiagnostics.MetadataNotFound, new DiagnosticLocation { Source = source }, "year"));
        }

        try
        {
            BeforeStep?.Invoke("narrative check");
            diagnostics.AddRange(NarrativeChecker.Check(narrative, cells, source));
        }
        catch (Exception ex) when (IsStepFailure(ex))
        {
            diagnostics.Add(StepFailed("checking the narrative against the tables", ex, source, null));
        }

        var info = new ReportInfo { Agency = agency, Year = year, Source = source };
        IReportDraft draft = reportEdition.CreateDraft(info, cells);
        return new ImportResult(draft, reportEdition, tableEditions.ToImmutableDictionary(StringComparer.Ordinal), diagnostics.ToImmutableArray(), LayoutOf(chosen.Values), inferred.ToImmutable());
    }

    /// <summary>The edition whose column headings the regions show most, when strictly most and at least one; else null.</summary>
    private static string? HeadingVote(Dictionary<string, int> votes)
    {
        var ranked = votes.OrderByDescending(p => p.Value).ToList();
        return ranked.Count > 0 && ranked[0].Value > 0 && (ranked.Count == 1 || ranked[0].Value > ranked[1].Value) ? ranked[0].Key : null;
    }

    /// <summary>
    /// A reading that shows the text is a report: a row read under a label that reads as its template row's. Values
    /// alone are not (garbage with a number in it fills a one-row table by position).
    /// </summary>
    private static bool ReadsALabelledRow(TableReading reading, ProbeCache probes)
    {
        foreach (AlignedRow row in reading.Alignment.Rows)
        {
            if (row.ByPosition || row.Label.Length == 0)
            {
                continue;
            }

            LabelProbe probe = probes.Get(row.Label);
            if (row.Target.Bodies.Any(b => probe.Coverage(b) >= 0.8))
            {
                return true;
            }
        }

        return false;
    }

    // A defect in one step is that step's finding; running out of memory is not a step's to absorb.
    private static bool IsStepFailure(Exception ex) => ex is not OutOfMemoryException;

    /// <summary>RC2026 for a failed step: what it was doing, the exception, and the frame that threw it.</summary>
    private static Diagnostic StepFailed(string step, Exception ex, string? source, string? tableKey)
    {
        string? frame = ex.StackTrace?.Split('\n')[0].Trim();
        string where = string.IsNullOrEmpty(frame) ? string.Empty : " " + frame;
        return Diagnostic.Create(
            ImportDiagnostics.ImportStepFailed, new DiagnosticLocation { Source = source, TableKey = tableKey }, step, ex.GetType().Name + ": " + ex.Message + where);
    }

    private static ImportResult Fail(List<Diagnostic> diagnostics, string layout) =>
        new(null, null, ImmutableDictionary<string, string>.Empty, diagnostics.ToImmutableArray(), layout, ImmutableArray<string>.Empty);

    /// <summary>
    /// The tokens of table <paramref name="h"/>: from its heading (or, unfound, from where the previous table's reading
    /// ended) to the next table's heading, or to the next part (五、…) that is not one of the table's own rows.
    /// </summary>
    private (int Start, int End) Region(List<Token> tokens, Dictionary<string, HeadingAt> headings, int h, int previousEnd, ProbeCache probes)
    {
        TableHeading heading = _headings[h];
        int start = headings.TryGetValue(heading.Key, out HeadingAt at) ? at.Token : previousEnd;
        for (int next = h + 1; next < _headings.Length; next++)
        {
            if (headings.TryGetValue(_headings[next].Key, out HeadingAt later) && later.Token > start)
            {
                return (start, later.Token);
            }
        }

        List<RowTarget> rows = _headingRows[h];
        for (int from = start + 1; ;)
        {
            int part = TableRegions.NextPart(tokens, from, heading.Numeral + 1);
            if (part < 0)
            {
                return (start, tokens.Count);
            }

            LabelProbe probe = probes.Get(tokens[part].Text);
            if (!rows.Any(r => r.Bodies.Any(b => probe.Coverage(b) >= 0.8)))
            {
                return (start, part);
            }

            from = part + 1;
        }
    }

    /// <summary>
    /// The year the text states, for the edition of a report whose tables do not tell it: read as the narrative's year
    /// is (the lines before the tables, else any line). Null when it cannot be read; the narrative step says why.
    /// </summary>
    private static int? StatedYear(TokenStream stream, List<Token> tokens, Dictionary<string, HeadingAt> headings, IEnumerable<TableReading> readings)
    {
        try
        {
            int firstTable = FirstTableToken(headings, readings, tokens.Count);
            int firstLine = firstTable < tokens.Count ? tokens[firstTable].Span.Line : int.MaxValue;
            return YearReader.Read(stream.Lines.Where(r => r.Line < firstLine).Select(r => r.Text)) ?? YearReader.Read(stream.Lines.Select(r => r.Text));
        }
        catch (Exception ex) when (IsStepFailure(ex))
        {
            return null;
        }
    }

    /// <summary>Where the tables begin: the first heading, or the first value a table took.</summary>
    private static int FirstTableToken(Dictionary<string, HeadingAt> headings, IEnumerable<TableReading> readings, int count)
    {
        int first = headings.Count > 0 ? headings.Values.Min(x => x.Token) : count;
        foreach (TableReading reading in readings)
        {
            TableAlignment a = reading.Alignment;
            if (a.Rows.Count > 0)
            {
                first = Math.Min(first, a.TokenIndex[a.Rows[0].FirstCell]);
            }
        }

        return first;
    }

    /// <summary>
    /// The words of a region, normalized once, where each edition's column headings are looked for (exact bodies):
    /// written into <paramref name="buffer"/> (a pooled array, replaced by a larger one when full); returns their length.
    /// </summary>
    private static int RegionWords(List<Token> tokens, int start, int end, ProbeCache probes, ref char[] buffer)
    {
        int length = 0;
        for (int t = start; t < end && length < 20_000; t++)
        {
            if (tokens[t].Kind == TokenKind.Label)
            {
                // Both forms: a heading with a remark inside (本年(2023)制发件数) is the column's heading without it. The
                // probe is the alignment's own: most label tokens are the words before a cell, probed there anyway.
                LabelProbe parts = probes.Get(tokens[t].Text);
                Append(ref buffer, ref length, parts.Body);
                if (parts.Core != parts.Body)
                {
                    Append(ref buffer, ref length, " ");
                    Append(ref buffer, ref length, parts.Core);
                }
            }
        }

        return length;
    }

    private static void Append(ref char[] buffer, ref int length, string text)
    {
        if (length + text.Length > buffer.Length)
        {
            char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(2 * buffer.Length, length + text.Length));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<char>.Shared.Return(buffer);
            buffer = larger;
        }

        text.AsSpan().CopyTo(buffer.AsSpan(length));
        length += text.Length;
    }

    /// <summary>A table that ends early is said once; a row missing between rows read is said per row.</summary>
    private static void ReportRowsNotRead(TableReading reading, List<Diagnostic> diagnostics, string? source)
    {
        List<RowTarget> rows = reading.Targets.DataRows.Where(r => r.Columns.Length > 0).ToList();
        var read = new HashSet<string>(reading.MatchedRows, StringComparer.Ordinal);
        int last = rows.FindLastIndex(r => read.Contains(r.Path));
        for (int i = 0; i < last; i++)
        {
            if (!read.Contains(rows[i].Path))
            {
                diagnostics.Add(Diagnostic.Create(
                    ImportDiagnostics.RowNotFound,
                    new DiagnosticLocation { Source = source, TableKey = reading.TableKey, RowKey = rows[i].Path, Label = rows[i].Label },
                    rows[i].Path, rows[i].Label, reading.TableKey));
            }
        }

        if (last >= 0 && last < rows.Count - 1)
        {
            RowTarget end = rows[last];
            diagnostics.Add(Diagnostic.Create(
                ImportDiagnostics.TableEndsEarly,
                new DiagnosticLocation { Source = source, TableKey = reading.TableKey, RowKey = end.Path, Label = end.Label },
                reading.TableKey, end.Label, read.Count, rows.Count));
        }
    }

    /// <summary>The layout the tables were read from: the layout of most of the cells taken.</summary>
    private static string LayoutOf(IEnumerable<TableReading> readings)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (TableReading reading in readings)
        {
            TableAlignment a = reading.Alignment;
            var lines = new HashSet<int>();
            int cells = 0;
            foreach (AlignedRow row in a.Rows)
            {
                for (int k = row.FirstCell; k < row.FirstCell + row.Width; k++)
                {
                    lines.Add(a.Cells[k].Line);
                    cells++;
                }
            }

            if (cells == 0)
            {
                continue;
            }

            LineLayout layout = a.Cells[a.Rows[0].FirstCell].Layout;
            string name = a.Rows.Count(r => r.RunTogether) * 2 > a.Rows.Count ? "run-together"
                : cells < 1.5 * lines.Count ? "cell-per-line"
                : layout switch
                {
                    LineLayout.Pipe => "pipe",
                    LineLayout.Tab => "tab",
                    LineLayout.Html => "html",
                    _ => "layout",
                };
            counts[name] = (counts.TryGetValue(name, out int c) ? c : 0) + cells;
        }

        return counts.Count == 0 ? "unknown" : counts.OrderByDescending(p => p.Value).First().Key;
    }

    private static string Summarize(List<string> keys) =>
        keys.Count <= 8 ? string.Join(", ", keys) : string.Join(", ", keys.Take(7)) + ", … (" + keys.Count.ToString(CultureInfo.InvariantCulture) + " cells)";

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
                diagnostics.Add(Diagnostic.Create(ImportDiagnostics.MoneyWithoutUnit, location, cell.Key, value.Raw));
            }
            else if (cell.Unit.Length > 0 && unit is not null && unit != cell.Unit)
            {
                diagnostics.Add(Diagnostic.Create(ReportDiagnostics.MoneyUnitMismatch, location, cell.Key, value.Raw, unit, cell.Unit));
            }
        }
    }
}
