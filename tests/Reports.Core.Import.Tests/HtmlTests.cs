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
        Assert.Equal(new[] { false, false, true }, rows[0].Cells.Select(c => c.Spanned));
        Assert.Equal(new[] { false, false, false }, rows[1].Cells.Select(c => c.Spanned)); // a rowspan's position is no colspan's
    }

    [Fact]
    public void A_value_cell_written_wide_is_one_cell_of_its_row()
    {
        // As a government page lays Table 2 out: the middle heading and its values span two grid columns (colspan="2"),
        // so the grid has four positions for three cells. The position a colspan covers is no value of its own.
        static string Row(params string[] cells) => "<tr>" + string.Join(string.Empty, cells) + "</tr>";
        const string Wide = "<td colspan=\"2\" nowrap=\"nowrap\"><p align=\"center\">";
        string html = "<html><body><p>某某局2019年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p><table>"
            + Row("<td colspan=\"5\"><p>第二十条第（一）项</p></td>")
            + Row("<td><p>信息内容</p></td><td><p>本年新<br />制作数量</p></td>", Wide + "本年新<br />公开数量</p></td>", "<td><p>对外公开总数量</p></td>")
            + Row("<td><p>规章</p></td><td><p>13</p></td>", Wide + "13</p></td>", "<td><p>524</p></td>")
            + Row("<td><p>规范性文件</p></td><td><p>60</p></td>", Wide + "60</p></td>", "<td><p>2301</p></td>")
            + "</table><p>三、收到和处理政府信息公开申请情况</p></body></html>";
        ImportResult result = ReportImporter.Default.Import(html, "wide.html");
        Reports.ReportCells cells = result.Draft!.Cells;
        Assert.Equal((13, 13, 524), (cells["t2.a1.regulation.made"].Value, cells["t2.a1.regulation.published"].Value, cells["t2.a1.regulation.total_public"].Value));
        Assert.Equal((60, 60, 2301), (cells["t2.a1.normative.made"].Value, cells["t2.a1.normative.published"].Value, cells["t2.a1.normative.total_public"].Value));
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
