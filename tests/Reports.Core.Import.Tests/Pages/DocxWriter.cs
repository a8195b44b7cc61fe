using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Reports.Core.Import.Tests.Pages;

/// <summary>
/// Writes a report page as a Word document, as Word stores it: paragraphs split into short runs, tables on a grid with
/// merged cells as <c>gridSpan</c> (across) and <c>vMerge</c> restart/continue cells (down), which Word writes in every
/// row a merge covers.
/// </summary>
internal static class DocxWriter
{
    public static byte[] Write(ReportPage page)
    {
        using var stream = new MemoryStream();
        using (WordprocessingDocument document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (PageBlock block in page.Blocks)
            {
                body.Append(block.Rows is null ? Paragraph(block.Text!) : Table(block.Rows));
            }

            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    // Word cuts text into runs where formatting or language changes: here every two characters.
    private static Paragraph Paragraph(string text)
    {
        var paragraph = new Paragraph();
        for (int i = 0; i < text.Length; i += 2)
        {
            paragraph.Append(new Run(new RunProperties(new RunFonts { EastAsia = "宋体" }), new Text(text.Substring(i, Math.Min(2, text.Length - i))) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return paragraph;
    }

    private static Table Table(IReadOnlyList<IReadOnlyList<PageCell>> rows)
    {
        // Grid columns still covered from above: column → (rows left, span).
        var down = new SortedDictionary<int, (int Left, int Span)>();
        var written = new List<TableRow>();
        int columns = 0;
        foreach (IReadOnlyList<PageCell> row in rows)
        {
            var tr = new TableRow();
            int column = 0;
            foreach (PageCell cell in row)
            {
                column = Continue(down, tr, column, onlyAt: true);
                tr.Append(Cell(cell.Text, cell.ColSpan, cell.RowSpan > 1 ? MergedCellValues.Restart : null));
                if (cell.RowSpan > 1)
                {
                    down[column] = (cell.RowSpan - 1, cell.ColSpan);
                }

                column += cell.ColSpan;
            }

            column = Continue(down, tr, column, onlyAt: false);
            columns = Math.Max(columns, column);
            written.Add(tr);
        }

        var table = new Table(
            new TableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4U },
                new LeftBorder { Val = BorderValues.Single, Size = 4U },
                new BottomBorder { Val = BorderValues.Single, Size = 4U },
                new RightBorder { Val = BorderValues.Single, Size = 4U },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U })),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = "851" })));
        table.Append(written);
        return table;
    }

    // Writes the vMerge continuation cells due at the current column (onlyAt), or all those left in the row, and
    // returns the column after them.
    private static int Continue(SortedDictionary<int, (int Left, int Span)> down, TableRow tr, int column, bool onlyAt)
    {
        while (true)
        {
            int next = -1;
            foreach (int key in down.Keys)
            {
                if (key >= column)
                {
                    next = key;
                    break;
                }
            }

            if (next < 0 || (onlyAt && next != column))
            {
                return column;
            }

            if (next > column)
            {
                tr.Append(Cell(string.Empty, next - column, null));
            }

            (int left, int span) = down[next];
            tr.Append(Cell(string.Empty, span, MergedCellValues.Continue));
            if (left == 1)
            {
                down.Remove(next);
            }
            else
            {
                down[next] = (left - 1, span);
            }

            column = next + span;
        }
    }

    private static TableCell Cell(string text, int span, MergedCellValues? merge)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = (851 * span).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is MergedCellValues value)
        {
            // Word writes a bare <w:vMerge/> for a continuation.
            properties.Append(value == MergedCellValues.Restart ? new VerticalMerge { Val = MergedCellValues.Restart } : new VerticalMerge());
        }

        return new TableCell(properties, Paragraph(text));
    }
}
