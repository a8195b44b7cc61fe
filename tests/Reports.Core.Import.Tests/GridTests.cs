using System.Linq;
using Reports.Core.Import.Grid;
using Reports.Core.Import.Matching;
using Xunit;

namespace Reports.Core.Import.Tests;

public class GridTests
{
    [Fact]
    public void Pipe_reader_joins_br_and_skips_separators()
    {
        GridTable grid = new PipeTableReader().Read("text\n| a | b |\n|---|---|\n| 1. 本机关不掌握相关<br>政府信息 | 21 |\n");
        Assert.Equal(3, grid.Rows.Length);
        Assert.Equal("1. 本机关不掌握相关政府信息", grid.Rows[2].Cells[0].Text);
        Assert.Equal(4, grid.Rows[2].Line);
    }

    [Fact]
    public void Cell_per_line_reader_groups_cells_until_an_empty_line()
    {
        GridTable grid = new CellPerLineReader().Read("\t一、本年新收\n\t\u3000\n\t0\n\n\t第二行\n");
        Assert.Equal(2, grid.Rows.Length);
        Assert.Equal(new[] { "一、本年新收", "\u3000", "0" }, grid.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(3, grid.Rows[0].Cells[2].Span.Line);
    }

    [Fact]
    public void Layout_reader_splits_on_two_spaces_and_drops_page_numbers()
    {
        GridTable grid = new LayoutTextReader().Read("规章            1          0        11\n                 -3-\n\f行政许可 0 0\n总 计 结果  12 3");
        Assert.Equal(3, grid.Rows.Length);
        Assert.Equal(new[] { "规章", "1", "0", "11" }, grid.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(15, grid.Rows[0].Cells[1].Span.Column);
        Assert.Equal(new[] { "总 计 结果", "12", "3" }, grid.Rows[2].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Sniffer_picks_the_reader_per_sample()
    {
        Assert.IsType<PipeTableReader>(LayoutSniffer.Choose(Samples.Read(Samples.S000)));
        Assert.IsType<TabSeparatedReader>(LayoutSniffer.Choose(Samples.Read(Samples.S001)));
        Assert.IsType<CellPerLineReader>(LayoutSniffer.Choose(Samples.Read(Samples.S003)));
        Assert.IsType<LayoutTextReader>(LayoutSniffer.Choose(Samples.Read(Samples.Huaian2024)));
        Assert.IsType<HtmlTableReader>(LayoutSniffer.Choose("<table><tr><td>1</td></tr></table>"));
    }

    [Theory]
    [InlineData("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "(二) 部分公开(区分处理的,只计这一情形,不计其他情形)")]
    [InlineData("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1、申请人无正当理由逾期不补\n正，行政机关不再处理其政府信息公开申请")]
    [InlineData("5.要求行政机关确认或重新出具已获取信息", "5. 要求行政機關確認或重新出具 已獲取信息")]
    [InlineData("结果维持", "结 果 维 持")]
    public void Label_variants_normalize_alike(string label, string variant)
    {
        Assert.Equal(LabelText.Body(label), LabelText.Body(variant));
        Assert.Equal(LabelText.NumberingTokens(label), LabelText.NumberingTokens(variant));
    }

    [Fact]
    public void Core_drops_parentheticals()
    {
        Assert.Equal("部分公开", LabelText.Core("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"));
        Assert.Equal(new[] { "p2" }, LabelText.NumberingTokens("（二）部分公开"));
        Assert.Equal(new[] { "c3", "p3", "a1" }, LabelText.NumberingTokens("三、本年度办理结果（三）不予公开1.属于国家秘密"));
    }
}
