using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;

namespace Reports.Core.Import.Grid;

/// <summary>
/// HTML pages (AngleSharp): every <c>&lt;table&gt;</c> becomes table rows with <c>rowspan</c>/<c>colspan</c>
/// expanded (a spanned position holds an empty cell, so the text stands once, where it was written);
/// block elements outside tables become running-text rows. Cell text is the element's text content with
/// white space collapsed and <c>&amp;nbsp;</c> read as a space.
/// </summary>
/// <remarks>
/// Work is linear in the input, with two documented caps, each reported once per document as RC2019
/// (<see cref="Findings"/>) instead of a stall:
/// <list type="bullet">
/// <item><see cref="MaxDepth"/>: element nesting. Tags nested deeper are dropped before parsing (their text stays, in
/// the element at the cap), so the parser's scope checks stay bounded; the walk itself is iterative.</item>
/// <item><see cref="MaxExpandedCells"/>: grid positions that rowspan × colspan add beyond the cells written in the
/// source, per document. Once spent, further spans are read as single cells.</item>
/// </list>
/// Spans are also clamped to <see cref="MaxColumnSpan"/> columns and <see cref="MaxRowSpan"/> rows.
/// </remarks>
internal sealed class HtmlTableReader : IGridReader
{
    /// <summary>Deepest element nesting read as structure.</summary>
    public const int MaxDepth = 256;

    /// <summary>Most grid positions rowspan/colspan may add to one document (empty cells not written in the source).</summary>
    public const int MaxExpandedCells = 100_000;

    /// <summary>Widest colspan honoured.</summary>
    public const int MaxColumnSpan = 64;

    /// <summary>Tallest rowspan honoured.</summary>
    public const int MaxRowSpan = 256;

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "header", "footer", "main",
        "blockquote", "pre", "center", "td", "th", "tr", "ul", "ol", "body", "span", "font", "strong", "b",
    };

    private readonly List<Diagnostic> _findings = new();
    private readonly StringBuilder _collapsed = new();
    private HashSet<IElement> _containsTable = new();
    private int _budget;
    private bool _depthReported;

    // A parser builds its configuration and entity tables when made: one per thread, reused for every page.
    [ThreadStatic]
    private static HtmlParser? _parser;

    private static HtmlParser Parser => _parser ??= new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });

    public string Name => "html";

    /// <summary>RC2019 findings of the last <see cref="Read"/> (a cap that was reached), in source order.</summary>
    public ImmutableArray<Diagnostic> Findings { get; private set; } = ImmutableArray<Diagnostic>.Empty;

    /// <summary>Elementary steps of the last <see cref="Read"/> (characters pre-scanned, nodes visited, cells produced), for work-bound tests.</summary>
    public long Operations { get; private set; }

    public GridTable Read(string text)
    {
        _findings.Clear();
        _budget = MaxExpandedCells;
        _depthReported = false;
        Operations = 0;
        string bounded = LimitDepth(text ?? string.Empty);
        IHtmlDocument document = Parser.ParseDocument(bounded);
        var rows = new List<GridRow>();
        if (document.Body is not null)
        {
            _containsTable = TableAncestors(document);
            Walk(document.Body, rows);
        }

        Findings = _findings.ToImmutableArray();
        return new GridTable(Name, rows);
    }

    // One pass over the tags: a start tag that would open level MaxDepth + 1 or deeper is blanked (spaces, line
    // breaks kept, so every position stays where it was), with its end tag. Comments and raw-text elements are skipped.
    private string LimitDepth(string text)
    {
        var blanks = new List<(int Start, int End)>();
        int depth = 0;
        int i = 0;
        Span<char> lower = stackalloc char[MaxTagName];
        while (i < text.Length)
        {
            int lt = text.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= text.Length)
            {
                break;
            }

            Operations += lt - i + 1;
            if (string.CompareOrdinal(text, lt, "<!--", 0, 4) == 0)
            {
                int close = text.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + 3;
                continue;
            }

            bool end = text[lt + 1] == '/';
            int nameStart = lt + (end ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < text.Length && (char.IsLetterOrDigit(text[nameEnd]) || text[nameEnd] is '!' or '-' or ':'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart)
            {
                i = lt + 1;
                continue;
            }

            int gt = TagEnd(text, nameEnd);
            Operations += gt - lt;
            ReadOnlySpan<char> name = text.AsSpan(nameStart, nameEnd - nameStart);
            ReadOnlySpan<char> folded = name.Length <= MaxTagName ? AsciiLower(name, lower) : ReadOnlySpan<char>.Empty;
            bool selfClosing = gt > 0 && text[gt - 1] == '/';
            if (!end && IsRawText(folded))
            {
                int close = text.IndexOf("</" + name.ToString(), gt, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? text.Length : close;
                continue;
            }

            if (!end && gt > nameEnd && name[0] != '!' && !folded.SequenceEqual("meta"))
            {
                BlankAttributes(text, nameEnd, gt, blanks);
            }

            if (!IsUncounted(folded) && !selfClosing)
            {
                bool drop;
                if (end)
                {
                    drop = depth > MaxDepth;
                    depth = Math.Max(depth - 1, 0);
                }
                else
                {
                    depth++;
                    drop = depth > MaxDepth;
                    if (drop && !_depthReported)
                    {
                        _depthReported = true;
                        Report("element nesting", MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels", LineAt(text, lt), "deeper tags were ignored and their text read as part of the element at the limit");
                    }
                }

                if (drop)
                {
                    blanks.Add((lt, Math.Min(gt + 1, text.Length)));
                }
            }

            i = gt + 1;
        }

        return blanks.Count == 0 ? text : Blanked(text, blanks);
    }

    // Longest tag name the checks below know (plaintext); a longer one is none of them.
    private const int MaxTagName = 9;

    private static ReadOnlySpan<char> AsciiLower(ReadOnlySpan<char> name, Span<char> into)
    {
        for (int k = 0; k < name.Length; k++)
        {
            into[k] = name[k] is >= 'A' and <= 'Z' ? (char)(name[k] + 32) : name[k];
        }

        return into.Slice(0, name.Length);
    }

    // Elements whose content is raw text: no tags inside until their end tag.
    private static bool IsRawText(ReadOnlySpan<char> lowerName) =>
        lowerName is "script" or "style" or "textarea" or "title" or "xmp" or "plaintext";

    // Elements without content, or whose end tag is optional and which cannot nest in themselves: not counted as depth.
    private static bool IsUncounted(ReadOnlySpan<char> lowerName) => lowerName is
        "area" or "base" or "br" or "col" or "embed" or "hr" or "img" or "input" or "link" or "meta" or "param" or "source" or "track" or "wbr"
        or "p" or "li" or "dt" or "dd" or "td" or "th" or "tr" or "thead" or "tbody" or "tfoot" or "option" or "optgroup" or "colgroup" or "caption"
        or "rb" or "rt" or "rp" or "rtc" or "html" or "head" or "body" or "frame" or "keygen" or "basefont" or "bgsound" or "!doctype";

    // Attributes other than rowspan and colspan say nothing the reader uses (Word writes a style, class and lang on
    // every run of text), and parsing them is most of the parser's work on such pages: they are blanked in place with
    // spaces (line breaks kept), so every position in the text stays where it was.
    private static void BlankAttributes(string text, int from, int gt, List<(int Start, int End)> blanks)
    {
        int k = from;
        while (k < gt)
        {
            while (k < gt && (char.IsWhiteSpace(text[k]) || text[k] == '/'))
            {
                k++;
            }

            int start = k;
            while (k < gt && !char.IsWhiteSpace(text[k]) && text[k] is not ('=' or '/'))
            {
                k++;
            }

            if (k == start)
            {
                break;
            }

            bool keep = k - start == 7
                && (string.Compare(text, start, "rowspan", 0, 7, StringComparison.OrdinalIgnoreCase) == 0
                    || string.Compare(text, start, "colspan", 0, 7, StringComparison.OrdinalIgnoreCase) == 0);
            int valueEnd = k;
            int eq = k;
            while (eq < gt && char.IsWhiteSpace(text[eq]))
            {
                eq++;
            }

            if (eq < gt && text[eq] == '=')
            {
                int v = eq + 1;
                while (v < gt && char.IsWhiteSpace(text[v]))
                {
                    v++;
                }

                if (v < gt && text[v] is '"' or '\'')
                {
                    int close = text.IndexOf(text[v], v + 1, gt - v - 1); // within the tag: work stays linear
                    valueEnd = close < 0 ? gt : close + 1;
                }
                else
                {
                    while (v < gt && !char.IsWhiteSpace(text[v]))
                    {
                        v++;
                    }

                    valueEnd = v;
                }
            }

            if (!keep)
            {
                blanks.Add((start, valueEnd));
            }

            k = Math.Max(valueEnd, k);
        }
    }

    // The text with each range's characters made spaces, line breaks kept (so every position stays where it was).
    private static string Blanked(string text, List<(int Start, int End)> blanks) =>
        string.Create(text.Length, (text, blanks), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            foreach ((int start, int end) in state.blanks)
            {
                Span<char> range = span.Slice(start, end - start);
                if (range.IndexOfAny('\n', '\r') < 0)
                {
                    range.Fill(' ');
                    continue;
                }

                for (int k = 0; k < range.Length; k++)
                {
                    if (range[k] is not ('\n' or '\r'))
                    {
                        range[k] = ' ';
                    }
                }
            }
        });

    // The '>' that ends a tag, skipping quoted attribute values; the last index when there is none.
    private static int TagEnd(string text, int from)
    {
        for (int k = from; k < text.Length;)
        {
            int hit = text.AsSpan(k).IndexOfAny('>', '"', '\'');
            if (hit < 0)
            {
                break;
            }

            k += hit;
            if (text[k] == '>')
            {
                return k;
            }

            int close = text.IndexOf(text[k], k + 1);
            if (close < 0)
            {
                break;
            }

            k = close + 1;
        }

        return text.Length - 1;
    }

    private static int LineAt(string text, int index)
    {
        int line = 1;
        for (int k = text.IndexOf('\n'); k >= 0 && k < index; k = text.IndexOf('\n', k + 1))
        {
            line++;
        }

        return line;
    }

    // Every element that has a table below it, found once by walking up from each table (each element is marked once).
    private HashSet<IElement> TableAncestors(IHtmlDocument document)
    {
        var marked = new HashSet<IElement>();
        foreach (IElement table in document.GetElementsByTagName("table"))
        {
            Operations++;
            for (IElement? up = table.ParentElement; up is not null && marked.Add(up); up = up.ParentElement)
            {
                Operations++;
            }
        }

        return marked;
    }

    private bool IsBlock(IElement child) => child is IHtmlTableElement || Blocks.Contains(child.LocalName) || _containsTable.Contains(child);

    // Iterative: one frame per open element with block children; an element at MaxDepth is read as text.
    private void Walk(IElement root, List<GridRow> rows)
    {
        var stack = new Stack<Frame>();
        if (Enter(root, 0, rows) is Frame first)
        {
            stack.Push(first);
        }

        while (stack.Count > 0)
        {
            Frame frame = stack.Peek();
            if (frame.Next >= frame.Element.ChildNodes.Length)
            {
                AddText(frame.Element, Collapse(frame.Inline.ToString()), rows);
                stack.Pop();
                continue;
            }

            INode node = frame.Element.ChildNodes[frame.Next++];
            Operations++;
            if (node is IElement child && IsBlock(child))
            {
                AddText(frame.Element, Collapse(frame.Inline.ToString()), rows);
                frame.Inline.Clear();
                if (Enter(child, stack.Count, rows) is Frame inner)
                {
                    stack.Push(inner);
                }
            }
            else if (node is IElement br && br.LocalName == "br")
            {
                AddText(frame.Element, Collapse(frame.Inline.ToString()), rows);
                frame.Inline.Clear();
            }
            else
            {
                string content = node.TextContent;
                Operations += content.Length;
                frame.Inline.Append(content);
            }
        }
    }

    // Handles an element that needs no frame (table, script, text-only, at the depth cap) and returns null; else its frame.
    private Frame? Enter(IElement element, int depth, List<GridRow> rows)
    {
        Operations++;
        if (element is IHtmlTableElement table)
        {
            ReadTable(table, rows);
            return null;
        }

        if (element.LocalName is "script" or "style" or "noscript" or "template")
        {
            return null;
        }

        if (depth >= MaxDepth)
        {
            if (!_depthReported)
            {
                _depthReported = true;
                Report("element nesting", MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels", Line(element), "deeper elements were read as the text of the element at the limit");
            }

            AddText(element, CellText(element), rows);
            return null;
        }

        if (IsParagraph(element))
        {
            // A paragraph holds phrasing content only: its spans and fonts (Word writes one per run, even per
            // character) are formatting, not fields, so it is one line of text.
            AddText(element, CellText(element), rows);
            return null;
        }

        foreach (IElement child in element.Children)
        {
            Operations++;
            if (IsBlock(child))
            {
                return new Frame(element);
            }
        }

        AddText(element, CellText(element), rows);
        return null;
    }

    // A <p> or heading without a table or line break inside: paragraphs do not nest, so looking inside each is linear.
    private bool IsParagraph(IElement element)
    {
        if (element.LocalName is not ("p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6") || _containsTable.Contains(element))
        {
            return false;
        }

        foreach (IElement inner in element.Descendants<IElement>())
        {
            Operations++;
            if (inner.LocalName is "br" or "div" or "p" or "li" or "td" or "th" or "tr")
            {
                return false;
            }
        }

        return true;
    }

    private void AddText(IElement element, string text, List<GridRow> rows)
    {
        if (TextLines.IsBlank(text))
        {
            return;
        }

        Operations++;
        int line = Line(element);
        rows.Add(new GridRow(line, GridCell.Create(text, line, Column(element)), isTableRow: false));
    }

    private void ReadTable(IHtmlTableElement table, List<GridRow> rows)
    {
        // Per column: the first row index no longer covered by a rowspan from above.
        var coveredUntil = new List<int>();
        int rowIndex = 0;
        foreach (IHtmlTableRowElement tr in table.Rows)
        {
            var list = new List<GridCell>();
            int col = 0;
            int line = Line(tr);
            foreach (IHtmlTableCellElement td in tr.Cells)
            {
                while (col < coveredUntil.Count && coveredUntil[col] > rowIndex)
                {
                    list.Add(new GridCell(string.Empty, default));
                    col++;
                }

                int colSpan = Math.Clamp(td.ColumnSpan, 1, MaxColumnSpan);
                int rowSpan = Math.Clamp(td.RowSpan, 1, MaxRowSpan);
                int cellLine = Line(td);
                int added = (colSpan * rowSpan) - 1;
                if (added > _budget)
                {
                    Report("cells added by rowspan/colspan", MaxExpandedCells.ToString(CultureInfo.InvariantCulture) + " per document", cellLine, "this and later spanned cells were read as single cells");
                    _budget = 0;
                    colSpan = 1;
                    rowSpan = 1;
                    added = 0;
                }

                _budget -= added;
                list.Add(GridCell.Create(CellText(td), cellLine, Column(td)));
                for (int c = 1; c < colSpan; c++)
                {
                    list.Add(new GridCell(string.Empty, default) { Spanned = true });
                }

                if (rowSpan > 1)
                {
                    while (coveredUntil.Count < col + colSpan)
                    {
                        coveredUntil.Add(0);
                    }

                    for (int c = 0; c < colSpan; c++)
                    {
                        coveredUntil[col + c] = Math.Max(coveredUntil[col + c], rowIndex + rowSpan);
                    }
                }

                col += colSpan;
            }

            while (col < coveredUntil.Count && coveredUntil[col] > rowIndex)
            {
                list.Add(new GridCell(string.Empty, default));
                col++;
            }

            Operations += list.Count + 1;
            if (list.Count > 0)
            {
                rows.Add(new GridRow(line, list, isTableRow: true));
            }

            rowIndex++;
        }
    }

    private void Report(string limit, string value, int line, string consequence)
    {
        if (_findings.Exists(d => d.Message.Contains(limit, StringComparison.Ordinal)))
        {
            return; // once per cap and document
        }

        _findings.Add(Diagnostic.Create(
            ImportDiagnostics.ImportLimitReached,
            new DiagnosticLocation { Span = SourceSpan.ForLine(line) },
            limit, value, line, consequence));
    }

    private string CellText(IElement element)
    {
        string text = element.TextContent;
        Operations += text.Length;
        return Collapse(text);
    }

    private string Collapse(string text)
    {
        if (IsCollapsed(text))
        {
            return text; // most cells ("12", "自然人"): nothing to collapse, nothing to copy
        }

        StringBuilder sb = _collapsed.Clear();
        bool space = false;
        foreach (char ch in text)
        {
            char c = ch == '\u00A0' ? ' ' : ch;
            if (c is ' ' or '\t' or '\r' or '\n' or '\f')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    // No white space at the ends, no run of it inside, no character the collapse changes.
    private static bool IsCollapsed(string text)
    {
        for (int k = 0; k < text.Length; k++)
        {
            char c = text[k];
            if (c is '\u00A0' or '\t' or '\r' or '\n' or '\f' || (c == ' ' && (k == 0 || k == text.Length - 1 || text[k - 1] == ' ')))
            {
                return false;
            }
        }

        return true;
    }

    private static int Line(IElement element) => element.SourceReference is { } source ? Math.Max(source.Position.Line, 1) : 1;

    private static int Column(IElement element) => element.SourceReference is { } source ? Math.Max(source.Position.Column, 1) : 1;

    private sealed class Frame
    {
        public Frame(IElement element) => Element = element;

        public IElement Element { get; }

        public int Next { get; set; }

        public StringBuilder Inline { get; } = new();
    }
}
