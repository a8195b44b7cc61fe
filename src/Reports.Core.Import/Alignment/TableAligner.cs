using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Reports.Core.Import.Matching;
using Reports.Core.Import.Tokens;

namespace Reports.Core.Import.Alignment;

/// <summary>One template row and the cells of the stream it was read from.</summary>
internal sealed record AlignedRow(RowTarget Target, int FirstCell, int Width, bool RunTogether, bool ByPosition, string Label)
{
    /// <summary>The soft empty cells within the row were passed over (the row's values are the cells without them).</summary>
    public bool IgnoresSoft { get; init; }
}

/// <summary>The best reading of one table region against one edition's template.</summary>
internal sealed class TableAlignment
{
    public TableAlignment(TableTargets targets, int regionStart, int regionEnd, IReadOnlyList<Token> cells, IReadOnlyList<int> tokenIndex, IReadOnlyList<string> labelsBefore, List<AlignedRow> rows, List<int> skipped, double score, int cellsCut)
    {
        RegionStart = regionStart;
        RegionEnd = regionEnd;
        TokenIndex = tokenIndex;
        Targets = targets;
        Cells = cells;
        LabelsBefore = labelsBefore;
        Rows = rows;
        Skipped = skipped;
        Score = score;
        CellsCut = cellsCut;
    }

    public TableTargets Targets { get; }

    /// <summary>The value and empty cells of the region, in stream order.</summary>
    public IReadOnlyList<Token> Cells { get; }

    /// <summary>The region read: tokens [RegionStart, RegionEnd) of the stream.</summary>
    public int RegionStart { get; }

    public int RegionEnd { get; }

    /// <summary>Per cell: its index in the token stream.</summary>
    public IReadOnlyList<int> TokenIndex { get; }

    /// <summary>Per cell: the words that stand before it since the previous value (empty when none).</summary>
    public IReadOnlyList<string> LabelsBefore { get; }

    /// <summary>The template rows read, in template order.</summary>
    public List<AlignedRow> Rows { get; }

    /// <summary>Indexes into <see cref="Cells"/> of the values no template row took.</summary>
    public List<int> Skipped { get; }

    /// <summary>The alignment's score: higher is a better reading (used to pick the edition of a table).</summary>
    public double Score { get; }

    /// <summary>Value cells beyond <see cref="AlignmentOptions.MaxCells"/> that were not read.</summary>
    public int CellsCut { get; }

    /// <summary>
    /// The last cell (index into <see cref="Cells"/>) of a row the template placed and the reading then declined (its
    /// values reported as a row outside the template), or -1: the table's own, so no later table reads them.
    /// </summary>
    public int LastDeclined { get; init; } = -1;
}

/// <summary>
/// Aligns the rows of one table of the template with the cells of a region of the token stream, by dynamic
/// programming over (template row, cell): each template row, in order, takes a run of cells, or is not found; each
/// cell is taken by one row or left out. A row's reading scores the label standing before its cells (any layout
/// puts it there: the same line, the line above, a merged cell, the words before glued digits) and how the cells fit
/// the row (all cells, one missing such as an absent 总计 column, one extra, or one run of glued digits to split);
/// cutting a line of values, running into another row's label and leaving values out cost. One mechanism reads
/// shifted columns, split or merged labels, headings repeated within the table, long-format items and page breaks.
/// </summary>
internal static class TableAligner
{
    private const byte SkipCell = 1, SkipRow = 2, Take = 3;

    /// <summary>Aligns the rows of <paramref name="targets"/> with the tokens [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static TableAlignment Align(TableTargets targets, IReadOnlyList<Token> tokens, int start, int end, ProbeCache? probes = null)
    {
        probes ??= new ProbeCache();
        TableAlignment once = AlignOnce(targets, tokens, start, end, null, null, probes);
        TableAlignment first = WithoutPositionalRowsOfUnseenBlocks(WithoutCutPositionalTail(once), probes.Region(tokens, start, end));
        var read = new HashSet<string>(first.Rows.Select(r => r.Target.Path), StringComparer.Ordinal);
        if (first.Rows.Count == 0 || first.Skipped.Count == 0 || read.Count == targets.DataRows.Count())
        {
            return first;
        }

        // Rows printed out of the template's order (a scrambled extraction): the rows not read are aligned again with
        // the values left over; only rows recognised by their label are taken, and only where their cells stand together.
        var excluded = new HashSet<int>();
        foreach (AlignedRow row in once.Rows)
        {
            for (int k = row.FirstCell; k < row.FirstCell + row.Width; k++)
            {
                excluded.Add(first.TokenIndex[k]);
            }
        }

        TableAlignment second = AlignOnce(targets, tokens, start, end, excluded, read, probes);
        var cellAt = new Dictionary<int, int>();
        for (int i = 0; i < first.TokenIndex.Count; i++)
        {
            cellAt[first.TokenIndex[i]] = i;
        }

        var rows = new List<AlignedRow>(first.Rows);
        foreach (AlignedRow row in second.Rows)
        {
            int from = cellAt[second.TokenIndex[row.FirstCell]];
            int to = cellAt[second.TokenIndex[row.FirstCell + row.Width - 1]];
            if (!row.ByPosition && to - from + 1 == row.Width)
            {
                rows.Add(row with { FirstCell = from });
            }
        }

        if (rows.Count == first.Rows.Count)
        {
            return first;
        }

        rows.Sort((a, b) => a.Target.Index.CompareTo(b.Target.Index));
        var taken = new bool[first.Cells.Count];
        foreach (AlignedRow row in rows)
        {
            for (int k = row.FirstCell; k < row.FirstCell + row.Width; k++)
            {
                taken[k] = true;
            }
        }

        var skipped = first.Skipped.Where(k => !taken[k]).ToList();
        return new TableAlignment(targets, start, end, first.Cells, first.TokenIndex, first.LabelsBefore, rows, skipped, first.Score + Math.Max(0, second.Score), first.CellsCut) { LastDeclined = first.LastDeclined };
    }

    /// <summary>
    /// The region's last row read by position alone and with fewer values than any row may have (an excerpt's end) is
    /// not taken: neither a label nor a row's shape says whose values those are (a label's numeral cut off at the end,
    /// <c>2</c> of <c>2.其他法律…</c>, is such a value). Its values are left out, and reported so.
    /// </summary>
    private static TableAlignment WithoutCutPositionalTail(TableAlignment a)
    {
        if (a.Rows.Count == 0)
        {
            return a;
        }

        AlignedRow last = a.Rows[a.Rows.Count - 1];
        int columns = last.Target.Columns.Length;
        bool cutShort = last.Width < columns - (columns >= 4 ? 2 : 1) && !last.RunTogether;
        if (!last.ByPosition || !cutShort || last.FirstCell + last.Width != a.Cells.Count)
        {
            return a;
        }

        var rows = a.Rows.GetRange(0, a.Rows.Count - 1);
        var skipped = new List<int>(a.Skipped);
        for (int k = last.FirstCell; k < last.FirstCell + last.Width; k++)
        {
            if (a.Cells[k].Kind != TokenKind.Empty)
            {
                skipped.Add(k);
            }
        }

        skipped.Sort();
        return new TableAlignment(a.Targets, a.RegionStart, a.RegionEnd, a.Cells, a.TokenIndex, a.LabelsBefore, rows, skipped, a.Score, a.CellsCut)
        {
            LastDeclined = Math.Max(a.LastDeclined, last.FirstCell + last.Width - 1),
        };
    }

    /// <summary>
    /// A row read by position alone is not taken where it opens a block of the table (第二十条第（九）项) whose caption the
    /// region never shows while it shows captions of other blocks: position says which row follows in the template,
    /// but a block the text does not name is not the block a local extra row (其他主动公开文件) stands in. Its values are
    /// left out, and reported as a row outside the template.
    /// </summary>
    private static TableAlignment WithoutPositionalRowsOfUnseenBlocks(TableAlignment a, RegionCells region)
    {
        if (!a.Rows.Exists(r => r.ByPosition))
        {
            return a;
        }

        ImmutableArray<BlockCaption> captions = a.Targets.Captions;
        string text = region.LabelLetters;
        var seen = new HashSet<string>(captions.Where(c => c.Letters.Any(f => text.Contains(f, StringComparison.Ordinal))).Select(c => c.Key), StringComparer.Ordinal);
        if (seen.Count == 0 || captions.Length < 2)
        {
            return a;
        }

        string? BlockOf(AlignedRow row)
        {
            int dot = row.Target.Path.IndexOf('.');
            string head = dot < 0 ? row.Target.Path : row.Target.Path.Substring(0, dot);
            return captions.Any(c => c.Key == head) ? head : null;
        }

        var rows = new List<AlignedRow>();
        var skipped = new List<int>(a.Skipped);
        int declined = a.LastDeclined;
        foreach (AlignedRow row in a.Rows)
        {
            string? block = BlockOf(row);
            if (row.ByPosition && block is not null && !seen.Contains(block) && (rows.Count == 0 || BlockOf(rows[rows.Count - 1]) != block))
            {
                for (int k = row.FirstCell; k < row.FirstCell + row.Width; k++)
                {
                    if (a.Cells[k].Kind != TokenKind.Empty)
                    {
                        skipped.Add(k);
                    }
                }

                declined = Math.Max(declined, row.FirstCell + row.Width - 1);
                continue;
            }

            rows.Add(row);
        }

        if (rows.Count == a.Rows.Count)
        {
            return a;
        }

        skipped.Sort();
        return new TableAlignment(a.Targets, a.RegionStart, a.RegionEnd, a.Cells, a.TokenIndex, a.LabelsBefore, rows, skipped, a.Score, a.CellsCut) { LastDeclined = declined };
    }

    /// <summary>The letters and digits of a caption, folded, numerals kept (第二十条第(九)项 → 第二十条第九项).</summary>
    private static TableAlignment AlignOnce(TableTargets targets, IReadOnlyList<Token> tokens, int start, int end, HashSet<int>? excluded, HashSet<string>? readAlready, ProbeCache probes)
    {
        RegionCells region = excluded is null ? probes.Region(tokens, start, end) : new RegionCells(tokens, start, end, excluded, probes);
        List<Token> cells = region.Cells;
        List<int> tokenIndex = region.TokenIndex;
        List<int> gapOf = region.GapOf;
        List<LabelProbe> gaps = region.Gaps;
        bool[] empty = region.Empty;
        int[] leadGap = region.LeadGap;
        int[] softBefore = region.SoftBefore;
        bool lineOriented = region.LineOriented;
        int[] chainEnd = region.ChainEnd;

        AlignedRows template = readAlready is null ? targets.Aligned : AlignedRows.Of(targets.Rows, readAlready);
        ImmutableArray<RowTarget> rows = template.Rows;
        int n = cells.Count, m = rows.Length;
        var scorer = new Scorer(gaps, region.LastLabels, rows);
        bool[] softCell = region.SoftCell;

        // What stands inside a row costs, as prefix sums over the cells: words (the more, the better they name another
        // row) and, where rows are lines, a line break. Only whether the words name the row being read depends on the
        // row: that is corrected for the rare readings across words.
        var interior = new double[n + 1];
        for (int k = 0; k < n; k++)
        {
            double cost = 0;
            if (gapOf[k] >= 0)
            {
                cost = AlignmentOptions.InteriorGap + (AlignmentOptions.InteriorGapOtherRow * scorer.BestOtherRow(gapOf[k]));
            }
            else if (lineOriented && k > 0 && cells[k].Line != cells[k - 1].Line && !softCell[k] && !softCell[k - 1])
            {
                cost = AlignmentOptions.InteriorLineBreak;
            }

            interior[k + 1] = interior[k] + cost;
        }

        // Per cell: the next cell at or after it that words stand before (n when none), the row those words name best
        // and what they cost less inside that row: the correction below visits only these cells of a span.
        var nextGap = new int[n + 1];
        var gapRow = new int[n];
        var gapCorrection = new double[n];
        nextGap[n] = n;
        for (int k = n - 1; k >= 0; k--)
        {
            nextGap[k] = gapOf[k] >= 0 ? k : nextGap[k + 1];
            gapRow[k] = gapOf[k] >= 0 ? scorer.BestRow(gapOf[k]) : -1;
            gapCorrection[k] = gapRow[k] >= 0 ? AlignmentOptions.InteriorGapOtherRow * (scorer.BestOtherRow(gapOf[k]) - scorer.OtherRow(gapOf[k], gapRow[k])) : 0;
        }

        // The tables are (cells + 1) × (rows + 1), cell-major (the loops run over the rows at each cell): rented, since
        // a long region's would land on the large object heap. A reading's width is kept in a byte: no row is wider.
        int stride = m + 1;
        int size = (n + 1) * stride;
        DpTables tables = DpTables.Rent(size);
        double[] f = tables.F;
        byte[] how = tables.How;
        byte[] width = tables.Width;
        bool[] soft = tables.Soft;
        bool[] runAt = tables.RunAt;
        Array.Fill(f, double.NegativeInfinity, 0, size);
        f[0] = 0;

        // The rows by their number of cells: a span of cells is scored once per width, then per row only by its label.
        ImmutableArray<int> rowWidths = template.Widths;
        ImmutableArray<ImmutableArray<int>> rowsByWidth = template.ByWidth;

        // Cell by cell, each state (row j, cell i) is settled from its predecessors (the row before left out, the cell
        // before left out; readings ending here were offered by earlier cells), then offers the readings that start here.
        var labelOf = new double[m];
        var strayCorrection = new double[m];
        var namedRows = new int[n + 1];
        for (int i = 0; i <= n; i++)
        {
            Settle(f, how, width, i, stride, i > 0 && !empty[i - 1] ? AlignmentOptions.SkipValue : 0);

            if (i == n)
            {
                break;
            }

            for (int j = 0; leadGap[i] >= 0 && j < m; j++)
            {
                labelOf[j] = !double.IsNegativeInfinity(f[(i * stride) + j]) ? scorer.Label(leadGap[i], j) : 0;
            }

            for (int g = 0; g < rowsByWidth.Length; g++)
            {
                int cellsOfRow = rowWidths[g];
                int minW = Math.Max(1, cellsOfRow - 2), maxW = Math.Min(250, cellsOfRow + 1);
                int chainW = ChainWidth(chainEnd, i);
                for (int w = 1; i + w <= n && w <= byte.MaxValue && w - (softBefore[i + w] - softBefore[i]) <= maxW; w++)
                {
                    if (w < minW && w != 1 && i + w != n && w != chainW)
                    {
                        // The widths between fit no row (but a chain read as one run): on to the narrowest that may.
                        int next = Math.Min(minW, n - i);
                        w = (chainW > w && chainW < next ? chainW : next) - 1;
                        continue;
                    }

                    if (!Span(region, interior, cellsOfRow, i, w, out double fit, out bool ignoreSoft, out int valueCount, out double cost, out bool run))
                    {
                        continue;
                    }

                    // Words inside the span cost less for the row they name best: the correction, per row.
                    int named = 0;
                    for (int k = nextGap[i + 1]; k < i + w; k = nextGap[k + 1])
                    {
                        int row = gapRow[k];
                        if (row >= 0)
                        {
                            strayCorrection[row] += gapCorrection[k];
                            namedRows[named++] = row;
                        }
                    }

                    // What the span is worth whichever row reads it, and what a label or its absence adds.
                    double values = valueCount * AlignmentOptions.SkipValue;
                    double positional = AlignmentOptions.PositionalShare * fit;
                    int from = i * stride, to = (i + w) * stride;
                    if (leadGap[i] < 0)
                    {
                        // No words before the span: every row reads it by position, at one price (the same sum as below).
                        if (valueCount > 0)
                        {
                            OfferByPosition(tables, rowsByWidth[g].AsSpan(), strayCorrection, from, to, values + positional - cost, w, ignoreSoft, run);
                        }
                    }
                    else
                    {
                        // A row of empty cells has no values to vouch for it: only its own label, alone, with every cell.
                        bool wholeRow = w - (ignoreSoft ? softBefore[i + w] - softBefore[i] : 0) == cellsOfRow;
                        OfferLabelled(tables, rowsByWidth[g].AsSpan(), labelOf, strayCorrection, from, to, values, fit, positional, cost, w, ignoreSoft, run, valueCount == 0 && wholeRow ? scorer : null, valueCount == 0, leadGap[i]);
                    }

                    for (int k = 0; k < named; k++)
                    {
                        strayCorrection[namedRows[k]] = 0;
                    }
                }
            }
        }

        // Walk back the best reading.
        var aligned = new List<AlignedRow>(Math.Min(m, n));
        var taken = new bool[n];
        for (int j = m, i = n; j > 0 || i > 0;)
        {
            int at = (i * stride) + j;
            switch (how[at])
            {
                case SkipCell:
                    i--;
                    break;
                case SkipRow:
                    j--;
                    break;
                case Take:
                    int w = width[at];
                    int first = i - w;
                    RowTarget target = rows[j - 1];
                    bool run = runAt[at];
                    double label = leadGap[first] >= 0 ? scorer.Label(leadGap[first], j - 1) : 0;
                    aligned.Add(new AlignedRow(target, first, w, run, label <= 0, leadGap[first] >= 0 ? gaps[leadGap[first]].Text : string.Empty) { IgnoresSoft = soft[at] });
                    for (int k = first; k < i; k++)
                    {
                        taken[k] = true;
                    }

                    i = first;
                    j--;
                    break;
                default:
                    // Unreachable: every state but the start has a predecessor.
                    j = 0;
                    i = 0;
                    break;
            }
        }

        aligned.Reverse();

        // Rows read by position alone are no evidence that the table is there: a reading needs one recognised label.
        if (aligned.TrueForAll(r => r.ByPosition) && rows.Length > 1)
        {
            aligned.Clear();
            Array.Clear(taken);
        }

        var skipped = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (!taken[i] && !empty[i])
            {
                skipped.Add(i);
            }
        }

        double score = f[(n * stride) + m];
        tables.Return();
        return new TableAlignment(targets, start, end, cells, tokenIndex, region.Labels, aligned, skipped, score, region.Cut);
    }

    private static double Fit(int cellsOfRow, int w) =>
        w == cellsOfRow ? AlignmentOptions.FitExact
        : w == cellsOfRow - 1 ? AlignmentOptions.FitOneMissing
        : w == cellsOfRow + 1 ? AlignmentOptions.FitOneExtra
        : w == cellsOfRow - 2 && cellsOfRow >= 4 ? AlignmentOptions.FitTwoMissing
        : double.NegativeInfinity;

    // The width of the chain of spaced digits that starts at cell i (Token.Chained), else 0.
    private static int ChainWidth(int[] chainEnd, int i) => chainEnd[i] >= 0 && (i == 0 || chainEnd[i - 1] != chainEnd[i]) ? chainEnd[i] - i + 1 : 0;

    // What reading cells [i, i + w) as a row of cellsOfRow cells is worth whichever row it is: the fit, the values
    // read, and the cost of cut lines and of words inside. False when no row of that width may read them.
    private static bool Span(RegionCells region, double[] interior, int cellsOfRow, int i, int w, out double fit, out bool ignoreSoft, out int valueCount, out double cost, out bool run)
    {
        int[] valuesBefore = region.ValuesBefore, softBefore = region.SoftBefore, leadGap = region.LeadGap;
        bool[] empty = region.Empty, softCell = region.SoftCell, cleanStart = region.CleanStart, cleanEnd = region.CleanEnd;
        int n = region.Cells.Count;
        ignoreSoft = false;
        valueCount = valuesBefore[i + w] - valuesBefore[i];
        cost = 0;
        run = w == 1 && cellsOfRow > 1 && region.RunCells[i] >= cellsOfRow;

        // A whole chain of spaced digits too few to be the row's cells is one run, its spaces the boundaries.
        run |= w >= 2 && w < cellsOfRow && ChainWidth(region.ChainEnd, i) == w && region.ChainCells[i] >= cellsOfRow && double.IsNegativeInfinity(Fit(cellsOfRow, w));
        int soft = softBefore[i + w] - softBefore[i];
        fit = run ? AlignmentOptions.FitRunTogether : Fit(cellsOfRow, w);
        if (region.ResiduesBefore[i + w] != region.ResiduesBefore[i + 1])
        {
            return false; // a residue line of collapsed cells closed a row inside the span
        }

        if (double.IsNegativeInfinity(fit) && i + w == n && w < cellsOfRow && !region.EndsInResidue)
        {
            fit = AlignmentOptions.FitCutShort; // the region's last row, cut short (an excerpt ends mid-row)
        }

        if (soft > 0 && !run)
        {
            double without = Fit(cellsOfRow, w - soft);
            if (without > fit)
            {
                fit = without;
                ignoreSoft = true;
            }
        }

        if (double.IsNegativeInfinity(fit) || (ignoreSoft && (softCell[i] || softCell[i + w - 1])))
        {
            return false;
        }

        if (!cleanStart[i])
        {
            cost += AlignmentOptions.CutLine;
        }

        if (empty[i] && !softCell[i] && leadGap[i] >= 0 && valueCount > 0)
        {
            cost += AlignmentOptions.LeadingEmpty; // most often the label's own column, spanned
        }

        if (!cleanEnd[i + w - 1])
        {
            cost += AlignmentOptions.CutLine;
        }

        cost += interior[i + w] - interior[i + 1];
        return true;
    }

    // The readings that reach each state of cell i without taking a cell (the row before left out, the cell before
    // left out), in row order: a state's row-skip reads the state above it as already settled.
    [MethodImpl(MethodImplOptions.NoInlining)] // kept apart: inlined, its arrays spill to the stack of the whole DP
    private static void Settle(double[] f, byte[] how, byte[] width, int i, int stride, double skipValue)
    {
        int first = i * stride;
        for (int j = 0; j < stride; j++)
        {
            int at = first + j;
            if (j > 0)
            {
                Relax(f, how, width, at, f[at - 1] - AlignmentOptions.SkipRow, SkipRow, 0);
            }

            if (i > 0)
            {
                Relax(f, how, width, at, f[at - stride] - skipValue, SkipCell, 0);
            }
        }
    }

    // A span of cells with no words before it offered to each row of its width, all read by position at one price.
    [MethodImpl(MethodImplOptions.NoInlining)] // kept apart: inlined, its arrays spill to the stack of the whole DP
    private static void OfferByPosition(DpTables tables, ReadOnlySpan<int> rows, double[] stray, int from, int to, double price, int w, bool ignoreSoft, bool run)
    {
        double[] f = tables.F;
        byte[] how = tables.How, width = tables.Width;
        bool[] soft = tables.Soft, runAt = tables.RunAt;
        int done = 0;
        if (SideBySide(rows))
        {
            // Rows of one width side by side (Table 3's all are): four at a time, the same sums lane by lane.
            int lo = rows[0];
            Vector256<double> at = Vector256.Create(price);
            for (; done + Vector256<double>.Count <= rows.Length; done += Vector256<double>.Count)
            {
                int j = lo + done;
                Vector256<double> reading = Vector256.Create(f.AsSpan(from + j, 4)) + (at + Vector256.Create(stray.AsSpan(j, 4)));
                KeepBetter(tables, reading, to + j + 1, w, ignoreSoft, run);
            }
        }

        foreach (int j in rows.Slice(done))
        {
            double here = f[from + j];
            if (!double.IsNegativeInfinity(here) && Relax(f, how, width, to + j + 1, here + (price + stray[j]), Take, w))
            {
                soft[to + j + 1] = ignoreSoft;
                runAt[to + j + 1] = run;
            }
        }
    }

    // Rows to offer four at a time: consecutive (the template's rows of one width side by side) and at least four.
    private static bool SideBySide(ReadOnlySpan<int> rows) =>
        Vector256.IsHardwareAccelerated && rows.Length >= Vector256<double>.Count && rows[rows.Length - 1] - rows[0] == rows.Length - 1;

    // Relax for the four states from `first`: each keeps its reading where this one is better (ties keep the first).
    private static void KeepBetter(DpTables tables, Vector256<double> reading, int first, int w, bool ignoreSoft, bool run)
    {
        Span<double> states = tables.F.AsSpan(first, Vector256<double>.Count);
        Vector256<double> before = Vector256.Create((ReadOnlySpan<double>)states);
        Vector256<double> better = Vector256.GreaterThan(reading, before + Vector256.Create(1e-12));
        uint lanes = better.ExtractMostSignificantBits();
        if (lanes == 0)
        {
            return;
        }

        Vector256.ConditionalSelect(better, reading, before).CopyTo(states);
        for (; lanes != 0; lanes &= lanes - 1)
        {
            int at = first + BitOperations.TrailingZeroCount(lanes);
            tables.How[at] = Take;
            tables.Width[at] = (byte)w;
            tables.Soft[at] = ignoreSoft;
            tables.RunAt[at] = run;
        }
    }

    // A span of cells after words offered to each row of its width: a row the words name reads it by its label, the
    // others by position. A span of empty cells only goes to a row its words name (emptyRowScorer checks they are the
    // row's label alone; null when the span is not the row's whole width).
    [MethodImpl(MethodImplOptions.NoInlining)] // kept apart: inlined, its arrays spill to the stack of the whole DP
    private static void OfferLabelled(DpTables tables, ReadOnlySpan<int> rows, double[] labelOf, double[] stray, int from, int to, double values, double fit, double positional, double cost, int w, bool ignoreSoft, bool run, Scorer? emptyRowScorer, bool noValues, int gap)
    {
        double[] f = tables.F;
        byte[] how = tables.How, width = tables.Width;
        bool[] soft = tables.Soft, runAt = tables.RunAt;
        int done = 0;
        if (!noValues && SideBySide(rows))
        {
            // Rows side by side, four at a time: each lane its own label or the positional share, the same sums as below.
            int lo = rows[0];
            Vector256<double> weight = Vector256.Create(AlignmentOptions.LabelWeight), fits = Vector256.Create(fit), byPosition = Vector256.Create(positional);
            Vector256<double> read = Vector256.Create(values), costs = Vector256.Create(cost);
            for (; done + Vector256<double>.Count <= rows.Length; done += Vector256<double>.Count)
            {
                int j = lo + done;
                Vector256<double> label = Vector256.Create(labelOf.AsSpan(j, 4));
                Vector256<double> share = Vector256.ConditionalSelect(Vector256.GreaterThan(label, Vector256<double>.Zero), (weight * label) + fits, byPosition);
                Vector256<double> reading = Vector256.Create(f.AsSpan(from + j, 4)) + ((read + share - costs) + Vector256.Create(stray.AsSpan(j, 4)));
                KeepBetter(tables, reading, to + j + 1, w, ignoreSoft, run);
            }
        }

        foreach (int j in rows.Slice(done))
        {
            double here = f[from + j];
            if (double.IsNegativeInfinity(here))
            {
                continue;
            }

            double label = labelOf[j];
            if (noValues && (label <= 0 || emptyRowScorer is null || emptyRowScorer.Precision(gap, j) < AlignmentOptions.MinPrecisionEmptyRow))
            {
                continue;
            }

            // Reading a value earns what leaving it out would cost; a label and the fit come on top. A row read by
            // position is worth barely more than leaving its values out: any cut or stray words tip it.
            double reading = values + (label > 0 ? (AlignmentOptions.LabelWeight * label) + fit : positional) - cost + stray[j];
            if (Relax(f, how, width, to + j + 1, here + reading, Take, w))
            {
                soft[to + j + 1] = ignoreSoft;
                runAt[to + j + 1] = run;
            }
        }
    }

    // Keeps the better of a state's readings (ties keep the first offered).
    private static bool Relax(double[] f, byte[] how, byte[] width, int at, double value, byte kind, int w)
    {
        if (value > f[at] + 1e-12)
        {
            f[at] = value;
            how[at] = kind;
            width[at] = (byte)w;
            return true;
        }

        return false;
    }

    /// <summary>Label scores of gaps against rows, and each gap's best and second-best row, ranked once per gap.</summary>
    private sealed class Scorer
    {
        private readonly List<LabelProbe> _gaps;
        private readonly ImmutableArray<RowTarget> _rows;
        private readonly double[] _best;
        private readonly double[] _second;
        private readonly int[] _bestRow;

        private readonly List<LabelProbe> _last;

        public Scorer(List<LabelProbe> gaps, List<LabelProbe> last, ImmutableArray<RowTarget> rows)
        {
            _gaps = gaps;
            _last = last;
            _rows = rows;
            _best = new double[gaps.Count];
            _second = new double[gaps.Count];
            _bestRow = new int[gaps.Count];
            Array.Fill(_bestRow, -2);
        }

        // The probe keeps its scores by label (rows of every edition and pass share them): nothing to cache here.
        public double Label(int gap, int row) => _gaps[gap].Score(_rows[row]);

        /// <summary>How well <paramref name="gap"/> names a row other than <paramref name="row"/>.</summary>
        public double OtherRow(int gap, int row)
        {
            Rank(gap);
            return _bestRow[gap] == row ? _second[gap] : _best[gap];
        }

        /// <summary>The row <paramref name="gap"/> names best, or -1 when it names none.</summary>
        public int BestRow(int gap)
        {
            Rank(gap);
            return _bestRow[gap];
        }

        /// <summary>How well <paramref name="gap"/> names any row: what it costs inside a row that it does not name.</summary>
        public double BestOtherRow(int gap)
        {
            Rank(gap);
            return _best[gap];
        }

        private void Rank(int gap)
        {
            if (_bestRow[gap] == -2)
            {
                double best = 0, second = 0;
                int bestRow = -1;
                for (int r = 0; r < _rows.Length; r++)
                {
                    double s = Label(gap, r);
                    if (s > best)
                    {
                        second = best;
                        best = s;
                        bestRow = r;
                    }
                    else if (s > second)
                    {
                        second = s;
                    }
                }

                _best[gap] = best;
                _second[gap] = second;
                _bestRow[gap] = bestRow;
            }
        }

        /// <summary>
        /// The share of the words right before the cells (the last label) that are the row's label: a heading line
        /// holding 总计 is not the row （七）总计.
        /// </summary>
        public double Precision(int gap, int row)
        {
            LabelProbe probe = _last[gap];
            double best = 0;
            foreach (string body in _rows[row].Bodies)
            {
                best = Math.Max(best, probe.Coverage(body) * body.Length / Math.Max(1, probe.Body.Length));
            }

            return best;
        }
    }
}
