using System;
using System.Collections.Generic;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Reports.Core.Import.Grid;

/// <summary>
/// HTML pages (AngleSharp): every <c>&lt;table&gt;</c> becomes table rows with <c>rowspan</c>/<c>colspan</c>
/// expanded (a spanned position holds an empty cell, so the text stands once, where it was written);
/// block elements outside tables become running-text rows. Cell text is the element's text content with
/// white space collapsed and <c>&amp;nbsp;</c> read as a space.
/// </summary>
internal sealed class HtmlTableReader : IGridReader
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "header", "footer", "main",
        "blockquote", "pre", "center", "td", "th", "tr", "ul", "ol", "body", "span", "font", "strong", "b",
    };

    public string Name => "html";

    public GridTable Read(string text)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        IHtmlDocument document = parser.ParseDocument(text);
        var rows = new List<GridRow>();
        if (document.Body is not null)
        {
            Walk(document.Body, rows);
        }

        return new GridTable(Name, rows);
    }

    private static void Walk(IElement element, List<GridRow> rows)
    {
        if (element is IHtmlTableElement table)
        {
            ReadTable(table, rows);
            return;
        }

        if (element.LocalName is "script" or "style" or "noscript" or "template")
        {
            return;
        }

        bool hasBlockChild = false;
        foreach (IElement child in element.Children)
        {
            if (child is IHtmlTableElement || Blocks.Contains(child.LocalName) || child.QuerySelector("table") is not null)
            {
                hasBlockChild = true;
                break;
            }
        }

        if (!hasBlockChild)
        {
            AddText(element, CellText(element), rows);
            return;
        }

        var inline = new StringBuilder();
        foreach (INode node in element.ChildNodes)
        {
            if (node is IElement child && (child is IHtmlTableElement || Blocks.Contains(child.LocalName) || child.QuerySelector("table") is not null))
            {
                AddText(element, Collapse(inline.ToString()), rows);
                inline.Clear();
                Walk(child, rows);
            }
            else if (node is IElement br && br.LocalName == "br")
            {
                AddText(element, Collapse(inline.ToString()), rows);
                inline.Clear();
            }
            else
            {
                inline.Append(node.TextContent);
            }
        }

        AddText(element, Collapse(inline.ToString()), rows);
    }

    private static void AddText(IElement element, string text, List<GridRow> rows)
    {
        if (TextLines.IsBlank(text))
        {
            return;
        }

        int line = Line(element);
        rows.Add(new GridRow(line, new[] { GridCell.Create(text, line, Column(element)) }, isTableRow: false));
    }

    private static void ReadTable(IHtmlTableElement table, List<GridRow> rows)
    {
        // Occupied positions from rowspans above: row index → column → true.
        var occupied = new Dictionary<int, HashSet<int>>();
        int rowIndex = 0;
        foreach (IHtmlTableRowElement tr in table.Rows)
        {
            var cells = new SortedDictionary<int, GridCell>();
            occupied.TryGetValue(rowIndex, out HashSet<int>? taken);
            int col = 0;
            int line = Line(tr);
            foreach (IHtmlTableCellElement td in tr.Cells)
            {
                while (taken is not null && taken.Contains(col))
                {
                    cells[col] = new GridCell(string.Empty, default);
                    col++;
                }

                int colSpan = Math.Clamp(td.ColumnSpan, 1, 64);
                int rowSpan = Math.Clamp(td.RowSpan, 1, 256);
                int cellLine = Line(td);
                cells[col] = GridCell.Create(CellText(td), cellLine, Column(td));
                for (int c = 1; c < colSpan; c++)
                {
                    cells[col + c] = new GridCell(string.Empty, default);
                }

                for (int r = 1; r < rowSpan; r++)
                {
                    if (!occupied.TryGetValue(rowIndex + r, out HashSet<int>? below))
                    {
                        occupied[rowIndex + r] = below = new HashSet<int>();
                    }

                    for (int c = 0; c < colSpan; c++)
                    {
                        below.Add(col + c);
                    }
                }

                col += colSpan;
            }

            while (taken is not null && taken.Contains(col))
            {
                cells[col] = new GridCell(string.Empty, default);
                col++;
            }

            var list = new List<GridCell>();
            int expected = 0;
            foreach (KeyValuePair<int, GridCell> pair in cells)
            {
                while (expected < pair.Key)
                {
                    list.Add(new GridCell(string.Empty, default));
                    expected++;
                }

                list.Add(pair.Value);
                expected++;
            }

            if (list.Count > 0)
            {
                rows.Add(new GridRow(line, list, isTableRow: true));
            }

            rowIndex++;
        }
    }

    private static string CellText(IElement element) => Collapse(element.TextContent);

    private static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
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

    private static int Line(IElement element) => element.SourceReference is { } source ? Math.Max(source.Position.Line, 1) : 1;

    private static int Column(IElement element) => element.SourceReference is { } source ? Math.Max(source.Position.Column, 1) : 1;
}
