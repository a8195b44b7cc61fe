using System;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Xunit;
using static Reports.Core.Import.Tests.Excerpts;

namespace Reports.Core.Import.Tests;

/// <summary>
/// Headings worded as local templates word them, items of the overview numbered like parts, column headings parted
/// by bars, and empty cells written as bare lines where a blank line follows every cell.
/// </summary>
public sealed class HeadingAndBlankCellTests
{
    // One cell per line, a blank line after each; the overview's items are numbered (一)…(四) and (四) words the
    // heading of part 四 (the review/litigation table); the excerpt ends within Table 2.
    private const string OverviewItemWordsALaterTable =
        "某某街道办事处2020年政府信息公开工作年度报告\n\n" +
        "一、总体情况\n\n" +
        "(一)主动公开情况\n\n本年主动公开信息12条。\n\n" +
        "(四)因政府信息公开申请的行政复议、行政诉讼情况\n\n" +
        "2020年未发生因政府信息公开申请提起的行政复议和行政诉讼案件。\n\n" +
        "二、主动公开政府信息情况\n\n" +
        "第二十条第(一)项\n\n信息内容\n\n本年新制作数量\n\n本年新公开数量\n\n对外公开总数量\n\n" +
        "规章\n\n0\n\n0\n\n0\n\n" +
        "规范性文件\n\n3\n\n3\n\n17\n\n" +
        "第二十条第(五)项\n\n信息内容\n\n上一年项目数量\n\n本年增/减\n\n处理决定数量\n\n" +
        "行政许可\n\n4\n\n0\n\n9\n\n";

    [Fact]
    public void An_item_numbered_in_brackets_opens_no_table_even_where_it_words_a_tables_heading()
    {
        ImportResult result = Excerpts.Import(OverviewItemWordsALaterTable);

        Assert.Equal("2019", result.Draft!.Edition.Id);
        Assert.Equal(17, CellOf(result, "t2.a1.normative.total_public").Value);
        Assert.Equal(9, CellOf(result, "t2.a5.licensing.decisions").Value);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == ImportDiagnostics.TableNotFound.Id && d.Location.TableKey == "t2");
        Assert.Equal(CellState.Missing, CellOf(result, "t4.rev.upheld").State);
    }

    // Pipes between cells; the heading of part 三 names the agency (三、行政机关收到和处理…) and the template's writing
    // note follows it; the column headings stand on lines of their own, each closed by the collapsed bars of merged
    // cells; the excerpt ends within row 二.
    private const string Table3WithLocalHeadingAndBarredColumnHeadings =
        "二、行政机关主动公开政府信息情况\n" +
        "第二十条第(一)项 | |||\n" +
        "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n" +
        "规章 | 0 | 0 | 0 |\n" +
        "规范性文件 | 2 | 2 | 8 |\n" +
        "三、行政机关收到和处理政府信息公开申请情况\n" +
        "编写说明:可先适当综述。要注意数据间的逻辑关系:第一项加第二项之和,等于第三项加第四项之和。“其他处理”项目:主要考虑极少数特殊情况。\n" +
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||\n" +
        "自然人 | 法人或其他组织 | 总计 | |||||||\n" +
        "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||\n" +
        "一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 | ||\n" +
        "二、上年结转政府信息公开\n";

    [Fact]
    public void A_table_heading_with_words_inserted_opens_the_table_and_barred_column_headings_read_as_no_row()
    {
        ImportResult result = Excerpts.Import(Table3WithLocalHeadingAndBarredColumnHeadings);

        Assert.Equal(5, CellOf(result, "t3.new.np").Value);
        Assert.Equal(6, CellOf(result, "t3.new.tot").Value);

        // The line of column headings ending in 总计 is not the row （七）总计: no cell of it is read, none is in error.
        Assert.Equal(CellState.Missing, CellOf(result, "t3.r.total.np").State);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Location.CellKey is { } key && key.StartsWith("t3.r.total", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == ImportDiagnostics.RowMatchedByPosition.Id && d.Location.TableKey == "t3");
    }

    // One cell per line with a blank line after each (Table 2's values show the separator); an empty cell is a bare
    // line of its own: six applicant cells left empty, then the row's total.
    private const string EmptyCellsAsBareLines =
        "二、主动公开政府信息情况\n\n" +
        "第二十条第(一)项\n\n信息内容\n\n本年新制作数量\n\n本年新公开数量\n\n对外公开总数量\n\n" +
        "规章\n\n0\n\n0\n\n0\n\n" +
        "规范性文件\n\n3\n\n3\n\n17\n\n" +
        "三、收到和处理政府信息公开申请情况\n\n" +
        "申请人情况\n\n自然人\n\n法人或其他组织\n\n总计\n\n商业企业\n\n科研机构\n\n社会公益组织\n\n法律服务机构\n\n其他\n\n\n" +
        "一、本年新收政府信息公开申请数量\n\n\n\n\n\n\n\n 0\n\n" +
        "二、上年结转政府信息公开申请数量\n\n\n\n\n\n\n\n 2\n\n" +
        "三、本年度办理结果\n\n";

    [Fact]
    public void Where_a_blank_line_follows_every_cell_each_further_blank_line_is_an_empty_cell()
    {
        ImportResult result = Excerpts.Import(EmptyCellsAsBareLines);

        Assert.Equal(0, CellOf(result, "t3.new.tot").Value);
        Assert.Equal(2, CellOf(result, "t3.carried_in.tot").Value);
        foreach (string column in new[] { "np", "biz", "res", "ngo", "law", "oth" })
        {
            Assert.Equal(CellState.Blank, CellOf(result, "t3.new." + column).State);
            Assert.Equal(CellState.Blank, CellOf(result, "t3.carried_in." + column).State);
        }
    }

    // Rows open without a bar and close with one (规章 | 0 | 0 | 0 |); in Table 3 a row's label and first value stand
    // on one line, each empty cell after them is a bar alone on a line, and the line of the 总计 begins with the bar
    // that closes the last empty cell (| 25 |).
    private const string EmptyCellsAsLoneBarsAfterOpenLeftRows =
        "二、主动公开政府信息情况\n" +
        "第二十条第(一)项 |\n" +
        "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n" +
        "规章 | 0 | 0 | 0 |\n" +
        "规范性文件 | 1 | 1 | 2 |\n" +
        "第二十条第(五)项 |\n" +
        "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n" +
        "行政许可 | 22 | +1 | 23 |\n" +
        "三、收到和处理政府信息公开申请情况\n" +
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |\n" +
        "自然人 | 法人或其他组织 | 总计 |\n" +
        "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n" +
        "一、本年新收政府信息公开申请数量 | 25 |\n|\n|\n|\n|\n| 25 |\n" +
        "二、上年结转政府信息公开申请数量 |\n|\n|\n|\n|\n|\n| 0 |\n" +
        "三、本年度办理结果 | (一)予以公开 | 7 |\n|\n|\n|\n|\n| 7 |\n" +
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 1 |\n|\n|\n|\n|\n| 1 ";

    [Fact]
    public void A_lone_bar_after_a_closed_row_line_is_an_empty_cell_and_so_is_the_bar_that_opens_the_totals_line()
    {
        ImportResult result = Excerpts.Import(EmptyCellsAsLoneBarsAfterOpenLeftRows);

        Assert.Equal(2, CellOf(result, "t2.a1.normative.total_public").Value);
        Assert.Equal(23, CellOf(result, "t2.a5.licensing.decisions").Value);
        Assert.Equal(25, CellOf(result, "t3.new.np").Value);
        Assert.Equal(CellState.Blank, CellOf(result, "t3.new.biz").State);
        Assert.Equal(CellState.Blank, CellOf(result, "t3.new.oth").State);
        Assert.Equal(25, CellOf(result, "t3.new.tot").Value);
        Assert.Equal(CellState.Blank, CellOf(result, "t3.carried_in.np").State);
        Assert.Equal(0, CellOf(result, "t3.carried_in.tot").Value);
        Assert.Equal(7, CellOf(result, "t3.r.granted.tot").Value);
        Assert.Equal(1, CellOf(result, "t3.r.partial.tot").Value);
    }
}
