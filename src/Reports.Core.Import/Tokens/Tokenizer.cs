using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Import.Grid;

namespace Reports.Core.Import.Tokens;

/// <summary>The token stream of one document, and its lines as text (for the title and the narrative).</summary>
internal sealed class TokenStream
{
    private List<Token>? _list;
    private ImmutableArray<Token> _tokens;

    public TokenStream(List<Token> tokens, ImmutableArray<GridRow> lines, bool isHtml, ImmutableArray<Diagnostic> findings = default)
    {
        Findings = findings.IsDefault ? ImmutableArray<Diagnostic>.Empty : findings;
        _list = tokens;
        Count = tokens.Count;
        Lines = lines;
        IsHtml = isHtml;
    }

    /// <summary>The tokens (unless <see cref="TakeTokens"/> took them).</summary>
    public ImmutableArray<Token> Tokens
    {
        get
        {
            if (_tokens.IsDefault)
            {
                _tokens = (_list ?? throw new InvalidOperationException("The tokens were taken.")).ToImmutableArray();
            }

            return _tokens;
        }
    }

    /// <summary>How many tokens the stream holds.</summary>
    public int Count { get; }

    /// <summary>Every non-blank line (an HTML row or paragraph) as one text cell.</summary>
    public ImmutableArray<GridRow> Lines { get; }

    public bool IsHtml { get; }

    /// <summary>Reading limits the input reached (RC2019), from the HTML reader.</summary>
    public ImmutableArray<Diagnostic> Findings { get; }

    /// <summary>
    /// The tokens as a list of the caller's own, to cut and change (the importer splits labels at headings) without a
    /// copy; <see cref="Tokens"/> is then no longer to be read, unless it was read before.
    /// </summary>
    public List<Token> TakeTokens()
    {
        List<Token> list = _list ?? throw new InvalidOperationException("The tokens were taken.");
        _list = null;
        return list;
    }
}

/// <summary>
/// Turns any input into one token stream. The layout is decided per line, not per document: a line with bars is
/// cut at the bars (outer bars optional), a line with tabs at the tabs, any other line is scanned as free text
/// (aligned <c>pdftotext -layout</c> columns, one cell per line, run-together digits). HTML tables are read in
/// reading order with their spans unfolded by <see cref="HtmlTableReader"/>.
/// </summary>
internal static class Tokenizer
{
    // Reports run 6 to 30 characters a token (markup aside); the list starts near that, and no larger than this.
    private const int CharsPerToken = 12, MostTokensPresized = 1 << 16;

    public static TokenStream Read(string text)
    {
        List<Token> tokens;
        var lines = new List<GridRow>();
        if (LayoutSniffer.LooksLikeHtml(text))
        {
            var reader = new HtmlTableReader();
            GridTable grid = reader.Read(text);
            int cells = 0;
            foreach (GridRow row in grid.Rows)
            {
                cells += row.Cells.Length;
            }

            tokens = new List<Token>(Math.Min(cells, MostTokensPresized));
            lines.Capacity = grid.Rows.Length;
            int index = 0;
            foreach (GridRow row in grid.Rows)
            {
                AddHtmlRow(row, index++, tokens);
                string rowText = row.Text;
                if (rowText.Length > 0)
                {
                    lines.Add(new GridRow(row.Line, new[] { new GridCell(rowText, row.Cells.Length > 0 ? row.Cells[0].Span : default) }, row.IsTableRow));
                }
            }

            return new TokenStream(tokens, lines.ToImmutableArray(), isHtml: true, reader.Findings);
        }

        tokens = new List<Token>(Math.Min(text.Length / CharsPerToken, MostTokensPresized));
        List<string> physical = TextLines.Split(text);
        BarConvention bars = Bars(physical);
        var lineStarts = new List<(int Line, int First, int Count)>();
        bool previousLoneBar = false, previousTerminated = false, previousClosed = false, residue = false;
        bool openLeft = bars == BarConvention.Between && RowsOpenOnTheLeft(physical);
        for (int i = 0; i < physical.Count; i++)
        {
            string line = physical[i];
            int before = tokens.Count;
            bool residueAfter = false;
            bool loneBar = line.AsSpan().Trim().SequenceEqual("|");

            // Bars after cells, on lines of their own, may stand in a page whose other tables part cells by bars: a bar
            // alone after a line so terminated (规章 |, then |) is an empty cell there too, the convention of its lines.
            // Where rows open without a bar, so is one after a line of several cells (一、… | 25 |) whose row goes on
            // past the lone bars (| 25 |); one between two rows' lines is no cell.
            if (loneBar && (bars == BarConvention.Terminator || (bars == BarConvention.Between && (previousTerminated || previousLoneBar || (openLeft && previousClosed && ContinuesRow(physical, i + 1))))))
            {
                tokens.Add(new Token(TokenKind.Empty, string.Empty, new SourceSpan(i + 1, line.IndexOf('|') + 1, 0), i + 1, LineLayout.Pipe));
            }
            else if (loneBar && bars == BarConvention.Separator)
            {
                if (previousLoneBar)
                {
                    tokens.Add(new Token(TokenKind.Empty, string.Empty, new SourceSpan(i + 1, line.IndexOf('|') + 1, 0), i + 1, LineLayout.Pipe));
                }
            }
            else if ((bars is BarConvention.Terminator or BarConvention.Separator) && IsBarsOnly(line))
            {
                // Residue of spanned or collapsed cells ("|||"): no cells, but the end of the row before it. Where bars
                // stand alone between cells, a line of several bars is such residue too: one lone bar parts two cells
                // and two lone bars in a row hold an empty cell, but no count of empty cells is written side by side.
                residue = tokens.Count > 0;
            }
            else if (bars == BarConvention.Terminator && ResidueTail(line) is > 0 and int kept)
            {
                // A cell and its bar, then the residue of the row's collapsed cells (总计 | |||||||): the cell alone.
                AddTextLine(line.Substring(0, kept), i + 1, tokens, bars);
                residueAfter = true;
            }
            else
            {
                AddTextLine(line, i + 1, tokens, bars);

                // Rows that open without a bar and close with one (规章 | 0 | 0 | 0 |): a line of a row's later cells
                // that begins with a bar (| 25 |), after a line that closed its last cell, begins with an empty cell;
                // before a label (| (二)部分公开 | …) the bar is the edge of a spanned column, no cell.
                if (openLeft && previousClosed && line.TrimStart().StartsWith('|') && tokens.Count > before && tokens[before].Kind == TokenKind.Value)
                {
                    tokens.Insert(before, new Token(TokenKind.Empty, string.Empty, new SourceSpan(i + 1, line.IndexOf('|') + 1, 0), i + 1, LineLayout.Pipe));
                }
            }

            if (residue && tokens.Count > before)
            {
                tokens[before] = tokens[before] with { AfterResidue = true };
                residue = false;
            }

            residue |= residueAfter;

            if (!TextLines.IsBlank(line))
            {
                previousLoneBar = loneBar;
                previousTerminated = !loneBar && IsTerminated(line);
                previousClosed = line.TrimEnd().EndsWith('|');
                lineStarts.Add((i + 1, before, tokens.Count - before));
            }

            GridRow? row = TextLines.TextRow(line, i + 1);
            if (row is not null)
            {
                lines.Add(row);
            }
        }

        return new TokenStream(AddSoftEmpties(tokens, lineStarts), lines.ToImmutableArray(), isHtml: false);
    }

    /// <summary>How bars mark cells in a text: between cells on a line (markdown), after each cell, or on lines of their own.</summary>
    private enum BarConvention
    {
        Between,
        Terminator,
        Separator,
    }

    private static BarConvention Bars(List<string> lines)
    {
        int terminated = 0, withContent = 0, lone = 0;
        foreach (string raw in lines)
        {
            if (raw.IndexOf('|') < 0)
            {
                continue; // no bars (most lines of most texts): nothing to trim or count
            }

            string line = raw.Trim();
            int bars = 0;
            foreach (char c in line)
            {
                bars += c == '|' ? 1 : 0;
            }

            if (bars == 0)
            {
                continue;
            }

            if (line == "|")
            {
                lone++;
            }
            else if (!IsBarsOnly(line))
            {
                withContent++;
                terminated += bars == 1 && line[line.Length - 1] == '|' ? 1 : 0;
            }
        }

        if (terminated >= 3 && terminated * 2 >= withContent)
        {
            return BarConvention.Terminator;
        }

        return lone >= 3 && withContent * 4 < lone ? BarConvention.Separator : BarConvention.Between;
    }

    /// <summary>
    /// Bars between cells where rows open without a bar and close with one (<c>规章 | 0 | 0 | 0 |</c>): most lines of
    /// cells end with a bar and do not begin with one.
    /// </summary>
    private static bool RowsOpenOnTheLeft(List<string> lines)
    {
        int openLeft = 0, edged = 0;
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.IndexOf('|') < 0 || IsBarsOnly(line))
            {
                continue;
            }

            if (line[0] == '|')
            {
                edged++;
            }
            else if (line[line.Length - 1] == '|')
            {
                openLeft++;
            }
        }

        return openLeft >= 3 && openLeft > edged;
    }

    /// <summary>
    /// Lone bars from line <paramref name="from"/> on lead to a line that opens with a bar (<c>| 25 |</c>): the row
    /// before them continues, its empty cells each on a line of their own. Before a new row's line they part rows.
    /// </summary>
    private static bool ContinuesRow(List<string> lines, int from)
    {
        for (int k = from; k < lines.Count; k++)
        {
            string line = lines[k].Trim();
            if (line.Length == 0 || line == "|")
            {
                continue;
            }

            return line[0] == '|' && !IsBarsOnly(line);
        }

        return false;
    }

    // A line with one bar, at its end: a cell and its terminating bar (规章 |).
    private static bool IsTerminated(string raw)
    {
        string line = raw.TrimEnd();
        return line.Length > 1 && line[line.Length - 1] == '|' && line.IndexOf('|') == line.Length - 1;
    }

    /// <summary>
    /// Where bars end cells, the end of the last cell of a line followed by a run of bars and spaces with two bars side
    /// by side (<c>总计 | |||||||</c>): what follows is residue of spanned or collapsed cells, no count of empty cells.
    /// Returns the length to keep (up to and with the last cell's bar), or -1.
    /// </summary>
    private static int ResidueTail(string line)
    {
        int last = line.Length - 1;
        while (last >= 0 && (line[last] == '|' || CharClass.IsSpace(line[last])))
        {
            last--;
        }

        if (last < 0)
        {
            return -1;
        }

        int bar = line.IndexOf('|', last + 1);
        if (bar < 0 || line.IndexOf("||", bar + 1, System.StringComparison.Ordinal) < 0)
        {
            return -1;
        }

        return bar + 1;
    }

    private static bool IsBarsOnly(string line)
    {
        bool any = false;
        foreach (char c in line)
        {
            if (c == '|')
            {
                any = true;
            }
            else if (!CharClass.IsSpace(c))
            {
                return false;
            }
        }

        return any;
    }

    /// <summary>
    /// One cell per line with a blank line between cells: where more blank lines than usual stand between two values,
    /// the extra ones are empty cells (soft: the aligner decides).
    /// </summary>
    private static List<Token> AddSoftEmpties(List<Token> tokens, List<(int Line, int First, int Count)> lines)
    {
        // The usual separator: the blank lines between two lines of one value each.
        var gaps = new Dictionary<int, int>();
        var between = new List<(int After, int Gap)>();
        for (int k = 1; k < lines.Count; k++)
        {
            (int line, int first, int count) a = lines[k - 1], b = lines[k];
            if (a.count != 1 || b.count == 0 || tokens[a.first].Layout != LineLayout.Text)
            {
                continue;
            }

            int gap = b.line - a.line - 1;
            between.Add((a.first, gap));
            if (b.count == 1 && tokens[a.first].Kind == TokenKind.Value && tokens[b.first].Kind == TokenKind.Value)
            {
                gaps[gap] = gaps.TryGetValue(gap, out int c) ? c + 1 : 1;
            }
        }

        // One blank line between values is the usual separator even where every value stands so (no value was left
        // blank between two values): the extra blank lines before or after a label are then the empty cells.
        if (gaps.Count == 0)
        {
            return tokens;
        }

        int usual = -1, most = 0;
        foreach (KeyValuePair<int, int> pair in gaps)
        {
            if (pair.Value > most || (pair.Value == most && pair.Key < usual))
            {
                usual = pair.Key;
                most = pair.Value;
            }
        }

        if (usual != 1)
        {
            return tokens;
        }

        var extra = new Dictionary<int, int>();
        foreach ((int after, int gap) in between)
        {
            if (gap > usual)
            {
                extra[after] = gap - usual;
            }
        }

        var result = new List<Token>(tokens.Count + extra.Count);
        for (int t = 0; t < tokens.Count; t++)
        {
            result.Add(tokens[t]);
            if (extra.TryGetValue(t, out int n))
            {
                Token value = tokens[t];
                for (int e = 0; e < n; e++)
                {
                    int line = value.Span.Line + 1 + e;
                    result.Add(new Token(TokenKind.Empty, string.Empty, new SourceSpan(line, 1, 0), line, LineLayout.Text) { Soft = true });
                }
            }
        }

        return result;
    }

    private static void AddHtmlRow(GridRow row, int index, List<Token> tokens)
    {
        if (!row.IsTableRow)
        {
            foreach (GridCell cell in row.Cells)
            {
                CellScanner.Scan(cell.Text, cell.Span.Line, cell.Span.Column, index, LineLayout.Text, explicitCell: false, lastCell: true, tokens);
            }

            return;
        }

        int last = row.Cells.Length - 1;
        while (last >= 0 && row.Cells[last].IsEmpty)
        {
            last--;
        }

        for (int c = 0; c < row.Cells.Length; c++)
        {
            GridCell cell = row.Cells[c];
            SourceSpanOrRow(cell, row, out int lineNumber, out int column);
            if (cell.Spanned)
            {
                // Covered by the colspan before it: an empty cell the aligner may count or pass over.
                tokens.Add(new Token(TokenKind.Empty, string.Empty, new SourceSpan(lineNumber, column, 0), index, LineLayout.Html) { Soft = true });
                continue;
            }

            CellScanner.Scan(cell.Text, lineNumber, column, index, LineLayout.Html, explicitCell: true, lastCell: c == last, tokens);
        }
    }

    private static void SourceSpanOrRow(GridCell cell, GridRow row, out int line, out int column)
    {
        line = cell.Span.IsKnown ? cell.Span.Line : row.Line;
        column = cell.Span.IsKnown ? cell.Span.Column : 1;
    }

    private static void AddTextLine(string line, int lineNumber, List<Token> tokens, BarConvention bars)
    {
        line = BlankLineBreakTags(line);
        if (line.IndexOf('|') >= 0)
        {
            AddSeparated(line, '|', lineNumber, LineLayout.Pipe, tokens, keepFirst: bars == BarConvention.Terminator);
        }
        else if (line.IndexOf('\t') >= 0)
        {
            AddSeparated(line, '\t', lineNumber, LineLayout.Tab, tokens, keepFirst: false);
        }
        else
        {
            CellScanner.Scan(line, lineNumber, 1, lineNumber, LineLayout.Text, explicitCell: false, lastCell: true, tokens);
        }
    }

    private static void AddSeparated(string line, char separator, int lineNumber, LineLayout layout, List<Token> tokens, bool keepFirst)
    {
        var pieces = new List<(int Start, int Length)>();
        int start = 0;
        for (int i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || line[i] == separator)
            {
                pieces.Add((start, i - start));
                start = i + 1;
            }
        }

        // Outer edges are not cells: the text before a leading bar and after a trailing bar; indentation tabs.
        int first = 0, last = pieces.Count - 1;
        if (!keepFirst && IsBlank(line, pieces[first]))
        {
            first++;
            while (layout == LineLayout.Tab && first <= last && IsBlank(line, pieces[first]))
            {
                first++;
            }
        }

        if (last >= first && IsBlank(line, pieces[last]))
        {
            last--;
        }

        if (first > last || IsRule(line, pieces, first, last))
        {
            return;
        }

        int lastText = last;
        while (lastText > first && IsBlank(line, pieces[lastText]))
        {
            lastText--;
        }

        for (int k = first; k <= last; k++)
        {
            (int s, int n) = pieces[k];
            CellScanner.Scan(line, s, n, lineNumber, s + 1, lineNumber, layout, explicitCell: true, lastCell: k == lastText, tokens);
        }
    }

    /// <summary>Only ASCII white space: an edge, not a cell (U+3000 or NBSP is a cell someone left blank).</summary>
    private static bool IsBlank(string line, (int Start, int Length) piece)
    {
        for (int i = piece.Start; i < piece.Start + piece.Length; i++)
        {
            if (line[i] is not (' ' or '\t' or '\r' or '\f' or '\v'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Markdown tables carry wrapped cells as <c>&lt;br&gt;</c>: read as a space, columns kept.</summary>
    private static string BlankLineBreakTags(string line)
    {
        int at = line.IndexOf("<br", System.StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return line;
        }

        var chars = line.ToCharArray();
        while (at >= 0)
        {
            int end = line.IndexOf('>', at);
            if (end < 0 || end - at > 6)
            {
                break;
            }

            for (int i = at; i <= end; i++)
            {
                chars[i] = ' ';
            }

            at = line.IndexOf("<br", end, System.StringComparison.OrdinalIgnoreCase);
        }

        return new string(chars);
    }

    /// <summary>A markdown rule row (<c>|---|:--:|</c>).</summary>
    private static bool IsRule(string line, List<(int Start, int Length)> pieces, int first, int last)
    {
        bool dashes = false;
        for (int k = first; k <= last; k++)
        {
            for (int i = pieces[k].Start; i < pieces[k].Start + pieces[k].Length; i++)
            {
                char c = line[i];
                if (c == '-')
                {
                    dashes = true;
                }
                else if (c != ':' && !CharClass.IsSpace(c))
                {
                    return false;
                }
            }
        }

        return dashes && line.Contains("---", System.StringComparison.Ordinal);
    }
}
