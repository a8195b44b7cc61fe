using System.Linq;
using Reports.Core.Reports;
using Reports.Core.Synthetic;
using Xunit;

namespace Reports.Core.Import.Tests;

public class HtmlTests
{
    [Theory]
    [InlineData(Samples.S004)]
    [InlineData(Samples.Huaian2024)]
    [InlineData(Samples.S000)]
    public void Government_style_html_page_imports_to_the_same_cells(string name)
    {
        ImportResult text = ReportImporter.Default.Import(Samples.Read(name), name);
        Assert.NotNull(text.Draft);
        string html = ReportTextRenderer.Render(text.Draft!.Cells, RenderLayout.Html, text.Draft.Info.Agency!, text.Draft.Info.Year!.Value);
        Assert.Contains("rowspan", html);
        Assert.Contains("colspan", html);
        ImportResult page = ReportImporter.Default.Import(html, name + ".html");
        Assert.Equal("html", page.Layout);
        Assert.Same(text.Edition, page.Edition);
        ReportCells a = text.Draft.Cells, b = page.Draft!.Cells;
        for (int i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].State, b[i].State);
            Assert.Equal(a[i].Value, b[i].Value);
            Assert.True(!b[i].IsNumber || b[i].Span.IsKnown);
        }

        Assert.Equal(text.Draft.Info.Agency, page.Draft.Info.Agency);
        Assert.Equal(text.Draft.Info.Year, page.Draft.Info.Year);
    }

    [Fact]
    public void Html_reader_expands_rowspan_and_colspan()
    {
        const string html = "<html><body><p>前言</p><table><tr><td rowspan=\"2\">A</td><td colspan=\"2\">B</td></tr><tr><td>1</td><td><p><span>2</span></p></td></tr></table></body></html>";
        var grid = new Grid.HtmlTableReader().Read(html);
        var rows = grid.Rows.Where(r => r.IsTableRow).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(new[] { "A", "B", string.Empty }, rows[0].Cells.Select(c => c.Text));
        Assert.Equal(new[] { string.Empty, "1", "2" }, rows[1].Cells.Select(c => c.Text));
        Assert.Equal("前言", grid.Rows[0].Text);
    }
}

public class HtmlAttributeTests
{
    // Word writes a style, class and lang on every run; the reader blanks them before parsing (rowspan and colspan
    // kept), and nothing read may move or change: quoted values with '>' or line breaks in them included.
    private const string WordCell = "<td width=\"120\" valign=top style='border:solid windowtext 1.0pt;\n  padding:0cm 5.4pt > 0cm'>";

    [Fact]
    public void Attributes_other_than_spans_change_neither_text_nor_positions()
    {
        string html = "<html><body><p class=MsoNormal style='text-indent:2em'><span lang=EN-US style=\"font-size:12pt\">2023</span><span style='x'>年</span></p>\n"
            + "<table border=1><tr>" + WordCell + "<p class=\"a>b\"><span lang=ZH-CN>规章</span></p></td><td rowspan=\"2\" style='color:red'>5</td></tr>\n"
            + "<tr>" + WordCell + "1<o:p></o:p></td></tr></table></body></html>";
        var grid = new Grid.HtmlTableReader().Read(html);
        Assert.Equal("2023年", grid.Rows[0].Text);
        var rows = grid.Rows.Where(r => r.IsTableRow).ToList();
        Assert.Equal(new[] { "规章", "5" }, rows[0].Cells.Select(c => c.Text));
        Assert.Equal(new[] { "1", string.Empty }, rows[1].Cells.Select(c => c.Text)); // the rowspan of 5 is kept
        string[] lines = html.Split('\n');
        Grid.GridCell five = rows[0].Cells[1];
        Assert.Equal(lines[five.Span.Line - 1].IndexOf("<td rowspan", System.StringComparison.Ordinal) + 1, five.Span.Column);
        Assert.Equal(4, rows[1].Cells[0].Span.Line); // the quoted line break in the cell's style is still a line
    }
}
