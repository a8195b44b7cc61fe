using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Reports.Core.Import.Tests.Pages;

/// <summary>A cell of a page's table, with its spans.</summary>
internal sealed record PageCell(string Text, int ColSpan, int RowSpan);

/// <summary>A paragraph (<see cref="Rows"/> null) or a table of a page, in document order.</summary>
internal sealed record PageBlock(string? Text, IReadOnlyList<IReadOnlyList<PageCell>>? Rows);

/// <summary>
/// The content of a rendered report page — its title, paragraphs and tables with their spans — so the tests can write
/// the same report as pages are really published (site chrome, saved pages, Word markup) and as a Word document.
/// </summary>
internal sealed class ReportPage
{
    private ReportPage(string title, IReadOnlyList<PageBlock> blocks)
    {
        Title = title;
        Blocks = blocks;
    }

    public string Title { get; }

    public IReadOnlyList<PageBlock> Blocks { get; }

    /// <summary>The headings, paragraphs and top-level tables of <paramref name="html"/> (a <c>ReportTextRenderer</c> page).</summary>
    public static ReportPage FromHtml(string html)
    {
        IDocument document = new HtmlParser().ParseDocument(html);
        var blocks = new List<PageBlock>();
        foreach (IElement element in document.Body!.QuerySelectorAll("h1, h2, p, table"))
        {
            if (element.ParentElement?.Closest("table") is not null)
            {
                continue;
            }

            blocks.Add(element.LocalName == "table" ? new PageBlock(null, Rows(element)) : new PageBlock(Text(element), null));
        }

        return new ReportPage(document.Title ?? string.Empty, blocks);
    }

    private static List<IReadOnlyList<PageCell>> Rows(IElement table) =>
        table.QuerySelectorAll("tr")
            .Select(tr => (IReadOnlyList<PageCell>)tr.Children
                .Where(c => c.LocalName is "td" or "th")
                .Select(c => new PageCell(Text(c), Span(c, "colspan"), Span(c, "rowspan")))
                .ToList())
            .ToList();

    private static string Text(IElement element) => element.TextContent.Replace('\u00a0', ' ').Trim();

    private static int Span(IElement cell, string name) =>
        int.TryParse(cell.GetAttribute(name), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 1 ? n : 1;
}
