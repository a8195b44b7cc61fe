using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
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
        TableAlignment first = AlignOnce(targets, tokens, start, end, null, null, probes);
        var read = new HashSet<string>(first.Rows.Select(r => r.Target.Path), StringComparer.Ordinal);
        if (first.Rows.Count == 0 || first.Skipped.Count == 0 || read.Count == targets.DataRows.Count())
        {
            return first;
        }

        // Rows printed out of the template's order (a scrambled extraction): the rows not read are aligned again with
        // the values left over; only rows recognised by their label are taken, and only where their cells stand together.
        var excluded = new HashSet<int>();
        foreach (AlignedRow row in first.Rows)
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
        return new TableAlignment(targets, start, end, first.Cells, first.TokenIndex, first.LabelsBefore, rows, skipped, first.Score + Math.Max(0, second.Score), first.CellsCut);
    }

    private static TableAlignment AlignOnce(TableTargets targets, IReadOnlyList<Token> tokens, int start, int end, HashSet<int>? excluded, HashSet<string>? readAlready, ProbeCache probes)
    {
        RegionCells region = excluded is null ? probes.Region(tokens, start, end) : new RegionCells(tokens, start, end, excluded, probes);
        List<Token> cells = region.Cells;
        List<int> tokenIndex = region.TokenIndex;
        List<int> gapOf = region.GapOf;
        List<LabelProbe> gaps = region.Gaps;
        bool[] empty = region.Empty;
        int[] leadGap = region.LeadGap;
        bool[] cleanStart = region.CleanStart;
        bool[] cleanEnd = region.CleanEnd;
        int[] softBefore = region.SoftBefore;
        int[] valuesBefore = region.ValuesBefore;
        bool lineOriented = region.LineOriented;
        int[] runCells = region.RunCells;

        var rows = new List<RowTarget>();
        foreach (RowTarget row in targets.Rows)
        {
            if (!row.IsGroup && row.Columns.Length > 0 && (readAlready is null || !readAlready.Contains(row.Path)))
            {
                rows.Add(row);
            }
        }

        int n = cells.Count, m = rows.Count;
        var scorer = new Scorer(gaps, region.LastLabels, rows);

        double Fit(int cellsOfRow, int w) =>
            w == cellsOfRow ? AlignmentOptions.FitExact
            : w == cellsOfRow - 1 ? AlignmentOptions.FitOneMissing
            : w == cellsOfRow + 1 ? AlignmentOptions.FitOneExtra
            : w == cellsOfRow - 2 && cellsOfRow >= 4 ? AlignmentOptions.FitTwoMissing
            : double.NegativeInfinity;

        // The score of row j read from cells [i, i + w); ignoreSoft tells whether soft empties were passed over.
        double Segment(int j, int i, int w, out bool ignoreSoft)
        {
            ignoreSoft = false;
            int cellsOfRow = rows[j].Columns.Length;
            bool run = w == 1 && cellsOfRow > 1 && runCells[i] >= cellsOfRow;
            int soft = softBefore[i + w] - softBefore[i];
            double fit = run ? AlignmentOptions.FitRunTogether : Fit(cellsOfRow, w);
            if (double.IsNegativeInfinity(fit) && i + w == n && w < cellsOfRow)
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

            if (double.IsNegativeInfinity(fit) || (cells[i].Soft && ignoreSoft) || (cells[i + w - 1].Soft && ignoreSoft))
            {
                return double.NegativeInfinity;
            }

            double label = leadGap[i] >= 0 ? scorer.Label(leadGap[i], j) : 0;
            int valueCount = Values(i, w);
            if (valueCount == 0 && (label <= 0 || w - (ignoreSoft ? soft : 0) != cellsOfRow || scorer.Precision(leadGap[i], j) < AlignmentOptions.MinPrecisionEmptyRow))
            {
                // A row of empty cells has no values to vouch for it: only its own label, alone, with every cell.
                return double.NegativeInfinity;
            }

            // Reading a value earns what leaving it out would cost; a label and the fit come on top. A row read by
            // position is worth barely more than leaving its values out: any cut or stray words tip it.
            double score = (valueCount * AlignmentOptions.SkipValue) + (label > 0
                ? (AlignmentOptions.LabelWeight * label) + fit
                : AlignmentOptions.PositionalShare * fit);
            if (!cleanStart[i])
            {
                score -= AlignmentOptions.CutLine;
            }

            if (empty[i] && !cells[i].Soft && leadGap[i] >= 0 && valueCount > 0)
            {
                score -= AlignmentOptions.LeadingEmpty; // most often the label's own column, spanned
            }

            if (!cleanEnd[i + w - 1])
            {
                score -= AlignmentOptions.CutLine;
            }

            for (int k = i + 1; k < i + w; k++)
            {
                if (gapOf[k] >= 0)
                {
                    score -= AlignmentOptions.InteriorGap + (AlignmentOptions.InteriorGapOtherRow * scorer.OtherRow(gapOf[k], j));
                }
                else if (lineOriented && cells[k].Line != cells[k - 1].Line && !cells[k].Soft && !cells[k - 1].Soft)
                {
                    score -= AlignmentOptions.InteriorLineBreak;
                }
            }

            return score;
        }

        int Values(int i, int w) => valuesBefore[i + w] - valuesBefore[i];

        // The tables are (rows + 1) × (cells + 1): rented, since a long region's would land on the large object heap.
        int stride = n + 1;
        int size = (m + 1) * stride;
        double[] f = ArrayPool<double>.Shared.Rent(size);
        byte[] how = ArrayPool<byte>.Shared.Rent(size);
        byte[] width = ArrayPool<byte>.Shared.Rent(size);
        bool[] soft = ArrayPool<bool>.Shared.Rent(size);
        Array.Fill(f, double.NegativeInfinity, 0, size);
        f[0] = 0;

        bool Relax(int j, int i, double value, byte kind, int w)
        {
            int at = (j * stride) + i;
            if (value > f[at] + 1e-12)
            {
                f[at] = value;
                how[at] = kind;
                width[at] = (byte)w;
                return true;
            }

            return false;
        }

        for (int j = 0; j <= m; j++)
        {
            int cellsOfRow = j < m ? rows[j].Columns.Length : 0;
            int minW = Math.Max(1, cellsOfRow - 2), maxW = Math.Min(250, cellsOfRow + 1);
            for (int i = 0; i <= n; i++)
            {
                double here = f[(j * stride) + i];
                if (double.IsNegativeInfinity(here))
                {
                    continue;
                }

                if (i < n)
                {
                    Relax(j, i + 1, here - (empty[i] ? 0 : AlignmentOptions.SkipValue), SkipCell, 0);
                }

                if (j == m)
                {
                    continue;
                }

                Relax(j + 1, i, here - AlignmentOptions.SkipRow, SkipRow, 0);
                for (int w = 1; i + w <= n && w - (softBefore[i + w] - softBefore[i]) <= maxW; w++)
                {
                    if (w < minW && w != 1 && i + w != n)
                    {
                        w = Math.Min(minW, n - i) - 1; // the widths between fit no row: on to the narrowest that may
                        continue;
                    }

                    double s = Segment(j, i, w, out bool ignore);
                    if (!double.IsNegativeInfinity(s) && Relax(j + 1, i + w, here + s, Take, w))
                    {
                        soft[((j + 1) * stride) + i + w] = ignore;
                    }
                }
            }
        }

        // Walk back the best reading.
        var aligned = new List<AlignedRow>();
        var taken = new bool[n];
        for (int j = m, i = n; j > 0 || i > 0;)
        {
            int at = (j * stride) + i;
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
                    bool run = w == 1 && target.Columns.Length > 1 && cells[first].Glued && RunTogether.GluedDigits.IsRun(cells[first].Text, target.Columns.Length);
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
        if (aligned.TrueForAll(r => r.ByPosition) && rows.Count > 1)
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

        double score = f[(m * stride) + n];
        ArrayPool<double>.Shared.Return(f);
        ArrayPool<byte>.Shared.Return(how);
        ArrayPool<byte>.Shared.Return(width);
        ArrayPool<bool>.Shared.Return(soft);
        return new TableAlignment(targets, start, end, cells, tokenIndex, region.Labels, aligned, skipped, score, region.Cut);
    }

    /// <summary>Label scores of gaps against rows, computed once each.</summary>
    private sealed class Scorer
    {
        private readonly List<LabelProbe> _gaps;
        private readonly List<RowTarget> _rows;
        private readonly double[] _scores;
        private readonly double[] _best;
        private readonly double[] _second;
        private readonly int[] _bestRow;

        private readonly List<LabelProbe> _last;

        public Scorer(List<LabelProbe> gaps, List<LabelProbe> last, List<RowTarget> rows)
        {
            _gaps = gaps;
            _last = last;
            _rows = rows;
            _scores = new double[gaps.Count * rows.Count];
            Array.Fill(_scores, double.NaN);
            _best = new double[gaps.Count];
            _second = new double[gaps.Count];
            _bestRow = new int[gaps.Count];
            Array.Fill(_bestRow, -2);
        }

        public double Label(int gap, int row)
        {
            int at = (gap * _rows.Count) + row;
            if (double.IsNaN(_scores[at]))
            {
                _scores[at] = Compute(_gaps[gap], _rows[row]);
            }

            return _scores[at];
        }

        /// <summary>How well <paramref name="gap"/> names a row other than <paramref name="row"/>.</summary>
        public double OtherRow(int gap, int row)
        {
            if (_bestRow[gap] == -2)
            {
                double best = 0, second = 0;
                int bestRow = -1;
                for (int r = 0; r < _rows.Count; r++)
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

            return _bestRow[gap] == row ? _second[gap] : _best[gap];
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

        private static double Compute(LabelProbe probe, RowTarget row)
        {
            double best = 0;
            foreach (string body in row.Bodies)
            {
                double coverage = probe.Coverage(body);
                if (coverage < AlignmentOptions.MinCoverage || coverage * body.Length < Math.Min(body.Length, AlignmentOptions.MinCoveredChars) - 1e-9)
                {
                    continue;
                }

                double s = coverage + (AlignmentOptions.LengthBonus * coverage * body.Length);
                best = Math.Max(best, s);
            }

            if (best > 0 && row.Numbering is not null && probe.Numbering.Contains(row.Numbering))
            {
                best += AlignmentOptions.NumberingBonus;
            }

            return best;
        }
    }
}
