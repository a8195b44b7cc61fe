using System;
using System.Collections.Generic;
using System.Text;
using Reports.Core.Import.Tokens;

namespace Reports.Core.Import.Alignment;

/// <summary>
/// The cells of one table region as the alignment sees them: value and empty cells in stream order, the words before
/// each (as a label probe), and what each cell's position on its line says (starts or ends a line, continues after an
/// empty cell). None of it depends on the template, so every edition aligned with the region shares one.
/// </summary>
internal sealed class RegionCells
{
    public RegionCells(IReadOnlyList<Token> tokens, int start, int end, HashSet<int>? excluded, ProbeCache probes)
    {
        Start = start;
        End = end;
        Tokens = tokens;
        int capacity = Math.Min(Math.Max(0, end - start), AlignmentOptions.MaxCells);
        Cells = new List<Token>(capacity);
        TokenIndex = new List<int>(capacity);
        GapOf = new List<int>(capacity);
        Labels = new List<string>(capacity);
        var pending = new StringBuilder();
        string lastLabel = string.Empty;
        int lastLabelLine = -1;
        var afterResidue = new List<bool>(capacity);
        bool residue = false;
        bool[] labelColumns = LabelColumnEmpties(tokens, start, end);
        for (int t = start; t < end; t++)
        {
            Token token = tokens[t];
            residue |= token.AfterResidue;
            if ((excluded is not null && excluded.Contains(t)) || labelColumns[t - start])
            {
                continue;
            }

            if (token.Kind == TokenKind.Label)
            {
                // The last label is the words of the last line before the cells: a line of column headings parted by
                // bars (自然人 | 法人或其他组织 | 总计) is one label, not its last heading (总计).
                lastLabel = pending.Length > 0 && token.Line == lastLabelLine ? lastLabel + " " + token.Text : token.Text;
                lastLabelLine = token.Line;
                pending.Append(token.Text).Append(' ');
                continue;
            }

            if (Cells.Count >= AlignmentOptions.MaxCells)
            {
                Cut += token.Kind == TokenKind.Value ? 1 : 0;
                continue;
            }

            int g = -1;
            string before = string.Empty;
            if (pending.Length > 0)
            {
                before = Tail(pending, AlignmentOptions.MaxGapChars);
                g = Gaps.Count;
                Gaps.Add(probes.Get(before));
                LastLabels.Add(probes.Get(lastLabel));
                pending.Clear();
            }

            Cells.Add(token);
            afterResidue.Add(residue);
            residue = false;
            TokenIndex.Add(t);
            GapOf.Add(g);
            Labels.Add(before);
        }

        int n = Cells.Count;
        ResiduesBefore = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            ResiduesBefore[i + 1] = ResiduesBefore[i] + (afterResidue[i] ? 1 : 0);
        }

        // A residue line after the last cell: the region's last row was closed, not cut short by the excerpt's end.
        for (int t = n > 0 ? TokenIndex[n - 1] + 1 : end; t < end && !EndsInResidue; t++)
        {
            EndsInResidue = tokens[t].AfterResidue;
        }

        Empty = new bool[n];
        LeadGap = new int[n];
        CleanStart = new bool[n];
        CleanEnd = new bool[n];
        SoftBefore = new int[n + 1];
        RunCells = new int[n];
        SoftCell = new bool[n];
        ValuesBefore = new int[n + 1];
        var linesWithCells = new HashSet<int>();
        for (int i = 0; i < n; i++)
        {
            Empty[i] = Cells[i].Kind == TokenKind.Empty;
            SoftCell[i] = Cells[i].Soft;
            RunCells[i] = Cells[i].Glued ? RunTogether.GluedDigits.RunDigits(Cells[i].Text) : 0;
            ValuesBefore[i + 1] = ValuesBefore[i] + (Empty[i] ? 0 : 1);
            SoftBefore[i + 1] = SoftBefore[i] + (Cells[i].Soft ? 1 : 0);
            linesWithCells.Add(Cells[i].Line);
            bool sameLine = i > 0 && Cells[i - 1].Line == Cells[i].Line;
            LeadGap[i] = GapOf[i] >= 0 ? GapOf[i] : sameLine && Empty[i - 1] ? LeadGap[i - 1] : -1;
            CleanStart[i] = GapOf[i] >= 0 || !sameLine || (Empty[i - 1] && CleanStart[i - 1]);
        }

        ChainEnd = new int[n];
        ChainCells = new int[n];
        for (int i = n - 1; i >= 0; i--)
        {
            bool sameLine = i + 1 < n && Cells[i + 1].Line == Cells[i].Line && GapOf[i + 1] < 0;
            CleanEnd[i] = !sameLine || (Empty[i + 1] && CleanEnd[i + 1]);

            // A chain of spaced digits (Token.Chained) read from its first value: its last value and the cells it can fill.
            bool continues = sameLine && Cells[i].Chained && Cells[i + 1].Chained;
            ChainEnd[i] = !Cells[i].Chained ? -1 : continues ? ChainEnd[i + 1] : i;
            ChainCells[i] = !Cells[i].Chained ? 0 : RunTogether.GluedDigits.RunDigits(Cells[i].Text) + (continues ? 1 + ChainCells[i + 1] : 0);
        }

        int values = ValuesBefore[n];
        LineOriented = linesWithCells.Count > 0 && values >= AlignmentOptions.LineOrientedCellsPerLine * linesWithCells.Count;

        // Where rows are lines, a stray value on a line of its own (a footnote mark, a cell pulled out of its row)
        // does not part a label from the line of values after it.
        for (int i = 1; LineOriented && i < n; i++)
        {
            bool lone = !Empty[i - 1] && Cells[i - 1].Line != Cells[i].Line && (i < 2 || Cells[i - 2].Line != Cells[i - 1].Line);
            if (LeadGap[i] < 0 && lone && GapOf[i - 1] >= 0)
            {
                LeadGap[i] = GapOf[i - 1];
            }
        }
    }

    public int Start { get; }

    /// <summary>The letters of the region's label tokens, run together (<see cref="Matching.LabelText.Letters"/>): which block captions it shows.</summary>
    public string LabelLetters
    {
        get
        {
            if (_labelLetters is null)
            {
                var words = new StringBuilder();
                for (int t = Start; t < End && t < Tokens.Count; t++)
                {
                    if (Tokens[t].Kind == TokenKind.Label)
                    {
                        words.Append(Matching.LabelText.Letters(Tokens[t].Text));
                    }
                }

                _labelLetters = words.ToString();
            }

            return _labelLetters;
        }
    }

    private string? _labelLetters;

    public int End { get; }

    public IReadOnlyList<Token> Tokens { get; }

    /// <summary>The value and empty cells, in stream order.</summary>
    public List<Token> Cells { get; }

    /// <summary>Per cell: its index in the token stream.</summary>
    public List<int> TokenIndex { get; }

    /// <summary>Per cell: the index into <see cref="Gaps"/> of the words right before it, or -1.</summary>
    public List<int> GapOf { get; }

    /// <summary>The runs of words between cells (at most <see cref="AlignmentOptions.MaxGapChars"/> each), as probes.</summary>
    public List<LabelProbe> Gaps { get; } = new();

    /// <summary>Per gap: its last label token alone.</summary>
    public List<LabelProbe> LastLabels { get; } = new();

    /// <summary>Per cell: the words before it since the previous cell (empty when none).</summary>
    public List<string> Labels { get; }

    /// <summary>Value cells beyond <see cref="AlignmentOptions.MaxCells"/>, not read.</summary>
    public int Cut { get; }

    public bool[] Empty { get; }

    /// <summary>Per cell: a soft empty cell (<see cref="Token.Soft"/>).</summary>
    public bool[] SoftCell { get; }

    /// <summary>Per cell: the gap that labels a row starting here (its own, or that before the empty cells leading to it), or -1.</summary>
    public int[] LeadGap { get; }

    /// <summary>Per cell: a row may start here without cutting a line of values.</summary>
    public bool[] CleanStart { get; }

    /// <summary>Per cell: a row may end here without cutting a line of values.</summary>
    public bool[] CleanEnd { get; }

    /// <summary>Per cell: the most cells its run of glued digits can fill (its digit count), or 0 when it is no run.</summary>
    public int[] RunCells { get; }

    /// <summary>Per cell of a chain of spaced digits (<see cref="Token.Chained"/>): the chain's last cell from here, else -1.</summary>
    public int[] ChainEnd { get; }

    /// <summary>Per cell of a chain: the most cells the chain from here can fill as one run (digits and the gaps between), else 0.</summary>
    public int[] ChainCells { get; }

    /// <summary>Soft empty cells before each cell (prefix counts, n + 1 entries).</summary>
    public int[] SoftBefore { get; }

    /// <summary>
    /// Residue lines of collapsed empty cells (<see cref="Token.AfterResidue"/>) before each cell (prefix counts, n + 1
    /// entries; a residue between cells k - 1 and k counts at k): no row reads across one.
    /// </summary>
    public int[] ResiduesBefore { get; }

    /// <summary>A residue line stands after the region's last cell.</summary>
    public bool EndsInResidue { get; }

    /// <summary>Value cells before each cell (prefix counts, n + 1 entries).</summary>
    public int[] ValuesBefore { get; }

    /// <summary>The region has one row per line (cells per line at least <see cref="AlignmentOptions.LineOrientedCellsPerLine"/>).</summary>
    public bool LineOriented { get; }

    /// <summary>
    /// Per token of [<paramref name="start"/>, <paramref name="end"/>): an empty cell that opens its line before the
    /// line's first words (<c>| | 2.其他… | | 0 |</c>). Such cells stand in the label columns (what a group label's
    /// rowspan leaves on the lines below it): they are no value cell of the row they open, nor of the row before.
    /// </summary>
    private static bool[] LabelColumnEmpties(IReadOnlyList<Token> tokens, int start, int end)
    {
        var marks = new bool[System.Math.Max(0, end - start)];
        for (int t = start; t < end;)
        {
            bool opensLine = t == 0 || tokens[t - 1].Line != tokens[t].Line;
            if (!opensLine || !IsExplicitEmpty(tokens[t]))
            {
                t++;
                continue;
            }

            int u = t;
            while (u < end && tokens[u].Line == tokens[t].Line && IsExplicitEmpty(tokens[u]))
            {
                u++;
            }

            if (u < end && tokens[u].Line == tokens[t].Line && tokens[u].Kind == TokenKind.Label)
            {
                for (int k = t; k < u; k++)
                {
                    marks[k - start] = true;
                }
            }

            t = u;
        }

        return marks;
    }

    private static bool IsExplicitEmpty(Token token) => token.Kind == TokenKind.Empty && !token.Soft;

    private static string Tail(StringBuilder text, int max) =>
        text.Length <= max ? text.ToString().TrimEnd() : text.ToString(text.Length - max, max).TrimEnd();
}
