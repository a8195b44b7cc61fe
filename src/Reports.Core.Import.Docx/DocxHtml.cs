using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Reports.Core.Import.Docx;

/// <summary>
/// Writes a Word body as the HTML the importer reads: each paragraph a <c>&lt;p&gt;</c>, each table a
/// <c>&lt;table&gt;</c> whose merged cells carry <c>colspan</c> (<c>gridSpan</c>, legacy <c>hMerge</c>) and
/// <c>rowspan</c> (<c>vMerge</c>), so the HTML table reader unfolds them as it does a web page's. Linear in the body.
/// </summary>
internal static class DocxHtml
{
    public static string Write(Body body)
    {
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
        Blocks(body, html);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    // Paragraphs and tables in document order; content controls and other containers are looked into.
    private static void Blocks(OpenXmlElement container, StringBuilder html)
    {
        foreach (OpenXmlElement element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    html.Append("<p>");
                    Text(paragraph, html);
                    html.Append("</p>\n");
                    break;
                case Table table:
                    WriteTable(table, html);
                    break;
                case SectionProperties:
                    break;
                default:
                    Blocks(element, html);
                    break;
            }
        }
    }

    private static void WriteTable(Table table, StringBuilder html)
    {
        List<List<Cell>> rows = Rows(table);
        SpanRows(rows);
        html.Append("<table>\n");
        foreach (List<Cell> row in rows)
        {
            html.Append("<tr>");
            foreach (Cell cell in row)
            {
                if (cell.Covered)
                {
                    continue;
                }

                html.Append("<td");
                if (cell.ColSpan > 1)
                {
                    html.Append(" colspan=\"").Append(cell.ColSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
                }

                if (cell.RowSpan > 1)
                {
                    html.Append(" rowspan=\"").Append(cell.RowSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
                }

                html.Append('>');
                if (cell.Element is not null)
                {
                    CellContent(cell.Element, html);
                }

                html.Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    // Each row's cells with their grid columns; cells skipped before or after a row (gridBefore/gridAfter) are empty cells.
    private static List<List<Cell>> Rows(Table table)
    {
        var rows = new List<List<Cell>>();
        foreach (TableRow row in RowsOf(table))
        {
            var cells = new List<Cell>();
            int column = 0;
            int before = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            if (before > 0)
            {
                cells.Add(new Cell(null, column, before, Merge.None));
                column += before;
            }

            foreach (TableCell tc in CellsOf(row))
            {
                TableCellProperties? props = tc.TableCellProperties;
                int span = System.Math.Max(1, props?.GridSpan?.Val?.Value ?? 1);
                HorizontalMerge? hMerge = props?.HorizontalMerge;
                if (hMerge is not null && hMerge.Val?.Value != MergedCellValues.Restart && cells.Count > 0 && cells[cells.Count - 1].Element is not null)
                {
                    // Legacy horizontal merge: the cell belongs to the one on its left.
                    cells[cells.Count - 1].ColSpan += span;
                    column += span;
                    continue;
                }

                VerticalMerge? vMerge = props?.VerticalMerge;
                Merge merge = vMerge is null ? Merge.None : vMerge.Val?.Value == MergedCellValues.Restart ? Merge.Restart : Merge.Continue;
                cells.Add(new Cell(tc, column, span, merge));
                column += span;
            }

            rows.Add(cells);
        }

        return rows;
    }

    private static IEnumerable<TableRow> RowsOf(Table table)
    {
        foreach (OpenXmlElement element in table.ChildElements)
        {
            if (element is TableRow row)
            {
                yield return row;
            }
            else if (element is SdtRow or CustomXmlRow)
            {
                foreach (TableRow inner in element.Descendants<TableRow>())
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<TableCell> CellsOf(TableRow row)
    {
        foreach (OpenXmlElement element in row.ChildElements)
        {
            if (element is TableCell cell)
            {
                yield return cell;
            }
            else if (element is SdtCell or CustomXmlCell)
            {
                foreach (TableCell inner in element.Descendants<TableCell>())
                {
                    yield return inner;
                }
            }
        }
    }

    // vMerge: a restarting cell spans down over the continuing cells of the same grid column below it. Each cell is
    // looked at once as a restart and at most once as a continuation.
    private static void SpanRows(List<List<Cell>> rows)
    {
        var byColumn = new List<Dictionary<int, Cell>>(rows.Count);
        foreach (List<Cell> row in rows)
        {
            var index = new Dictionary<int, Cell>(row.Count);
            foreach (Cell cell in row)
            {
                index[cell.Column] = cell;
            }

            byColumn.Add(index);
        }

        for (int r = 0; r < rows.Count; r++)
        {
            foreach (Cell cell in rows[r])
            {
                if (cell.Merge != Merge.Restart)
                {
                    continue;
                }

                for (int below = r + 1; below < rows.Count; below++)
                {
                    if (!byColumn[below].TryGetValue(cell.Column, out Cell? next) || next.Merge != Merge.Continue || next.Covered)
                    {
                        break;
                    }

                    next.Covered = true;
                    cell.RowSpan++;
                }
            }
        }
    }

    private static void CellContent(TableCell cell, StringBuilder html)
    {
        foreach (OpenXmlElement element in cell.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    html.Append("<p>");
                    Text(paragraph, html);
                    html.Append("</p>");
                    break;
                case Table nested:
                    // A table inside a cell: its text, paragraph by paragraph, as the cell's.
                    foreach (Paragraph paragraph in nested.Descendants<Paragraph>())
                    {
                        html.Append("<p>");
                        Text(paragraph, html);
                        html.Append("</p>");
                    }

                    break;
                case TableCellProperties:
                    break;
                default:
                    foreach (Paragraph paragraph in element.Descendants<Paragraph>())
                    {
                        html.Append("<p>");
                        Text(paragraph, html);
                        html.Append("</p>");
                    }

                    break;
            }
        }
    }

    // The visible text of a paragraph: text, tabs and breaks; deleted text (w:delText) and field codes are not text.
    private static void Text(Paragraph paragraph, StringBuilder html)
    {
        foreach (OpenXmlElement element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text text:
                    html.Append(WebUtility.HtmlEncode(text.Text));
                    break;
                case TabChar:
                    html.Append(' ');
                    break;
                case Break or CarriageReturn:
                    html.Append("<br>");
                    break;
                case NoBreakHyphen:
                    html.Append('-');
                    break;
            }
        }
    }

    private enum Merge
    {
        None,
        Restart,
        Continue,
    }

    private sealed class Cell
    {
        public Cell(TableCell? element, int column, int colSpan, Merge merge)
        {
            Element = element;
            Column = column;
            ColSpan = colSpan;
            Merge = merge;
        }

        /// <summary>Null for the empty cell a row's <c>gridBefore</c> stands for.</summary>
        public TableCell? Element { get; }

        public int Column { get; }

        public int ColSpan { get; set; }

        public int RowSpan { get; set; } = 1;

        public Merge Merge { get; }

        /// <summary>Covered by a cell above that spans down over it (written as that cell's rowspan).</summary>
        public bool Covered { get; set; }
    }
}
