using System;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Xunit;
using static Reports.Core.Import.Tests.Excerpts;

namespace Reports.Core.Import.Tests;

/// <summary>
/// Properties of layouts that put table-like things where no table is: narrative sub-headings that word a table's
/// heading, residue lines of collapsed cells, label numerals cut off at the end of an excerpt, pinyin glosses.
/// </summary>
public sealed class ProseAndResidueTests
{
    /// <summary>One cell per line with a blank line between cells; the overview's sub-headings word the tables' headings.</summary>
    private const string OverviewWithTableWordedSubheadings =
        "某某街道2022年政府信息公开工作年度报告\n\n" +
        "一、总体情况\n\n" +
        "2022年,某某街道积极推动政府信息公开工作有序开展。\n\n" +
        "(一)主动公开情况。\n\n" +
        "2022年度,主动公开事项共计273余项。\n\n" +
        "(二)收到和处理政府信息公开申请情况。\n\n" +
        "2022年度,收到和处理政府信息公开申请办理事项为0件。\n\n" +
        "(三)政府信息管理情况\n\n" +
        "做好政府信息的发布工作。\n\n" +
        "  二、主动公开政府信息情况\n\n" +
        "第二十条第(一)项\n\n信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n" +
        "规章\n\n4\n\n0\n\n4\n\n" +
        "行政规范性文件\n\n2\n\n1\n\n5\n\n" +
        "第二十条第(五)项\n\n信息内容\n\n本年处理决定数量\n\n" +
        "行政许可\n\n6\n\n";

    [Fact]
    public void A_narrative_subheading_that_words_a_table_heading_does_not_open_the_table()
    {
        ImportResult result = Excerpts.Import(OverviewWithTableWordedSubheadings);
        Assert.Equal(4, CellOf(result, "t2.a1.regulation.issued").Value);
        Assert.Equal(5, CellOf(result, "t2.a1.admin_normative.in_force").Value);
        Assert.Equal(6, CellOf(result, "t2.a5.licensing.decisions").Value);
        Assert.Equal(CellState.Missing, CellOf(result, "t3.new.np").State);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == ImportDiagnostics.TableNotFound.Id && d.Location.TableKey == "t2");
    }

    /// <summary>One cell per line, each closed by a bar; a row's empty cells collapsed into one line of bars after its values.</summary>
    private const string CollapsedEmptiesTable3 =
        "三、收到和处理政府信息公开申请情况\n" +
        "申请人情况 |\n||||||||\n自然人 |\n法人或其他组织 |\n总计 |\n|||||||\n" +
        "商业企业 |\n科研机构 |\n社会公益组织 |\n法律服务机构 |\n其他 |\n|||||\n" +
        "一、本年新收政府信息公开申请数量 |\n3 |\n3 |\n|||||||\n" +
        "二、上年结转政府信息公开申请数量 |\n0 |\n0 |\n|||||||\n" +
        "三、本年度办理结果 |\n(一)予以公开 |\n3 |\n3 |\n||||||\n" +
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形) |\n0 |\n||||||||\n" +
        "(三)不予公开 |\n1.\n";

    [Fact]
    public void A_line_of_bars_after_a_rows_values_closes_the_row_and_a_bare_numeral_is_no_value()
    {
        ImportResult result = Excerpts.Import(CollapsedEmptiesTable3);

        // Row 一 holds two values: it does not run on into the values of rows 二 and （一）.
        foreach (string column in new[] { "res", "ngo", "law", "oth", "tot" })
        {
            Assert.NotEqual(CellState.Number, CellOf(result, "t3.new." + column).State);
        }

        // "1." is the numbering of （三）1.属于国家秘密, cut off: no cell of （二）.
        Assert.NotEqual("1.", CellOf(result, "t3.r.partial.biz").Raw);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("12", StringComparison.Ordinal) && d.Location.TableKey == "t3" && d.Id.StartsWith("RC10", StringComparison.Ordinal));

        // Values no row could take are not lost silently: each run is quoted.
        Assert.Contains(result.Diagnostics, d => d.Id == ImportDiagnostics.NonStandardRow.Id && d.Message.Contains("values 3 were not imported", StringComparison.Ordinal));
    }

    /// <summary>One cell per line, blank lines between; the excerpt ends on the numeral of the next row's label.</summary>
    private static string CutAfterSubRowNumeral()
    {
        var lines = new System.Collections.Generic.List<string> { "某某镇2020年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
            "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他" };
        void Row(string label, params string[] values)
        {
            lines.Add(label);
            lines.AddRange(values);
        }

        string[] zeros = Enumerable.Repeat(" 0", 7).ToArray();
        Row("一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1");
        Row("二、上年结转政府信息公开申请数量", zeros);
        Row("三、本年度办理结果");
        Row("(一)予以公开", "1", "0", "0", "0", "0", "0", "1");
        Row("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", zeros);
        Row("(三)不予公开");
        Row("1.属于国家秘密", zeros);
        lines.Add("2");
        return string.Join("\n\n", lines) + "\n";
    }

    [Fact]
    public void A_label_numeral_cut_off_at_the_end_of_the_text_is_no_value()
    {
        ImportResult result = Excerpts.Import(CutAfterSubRowNumeral());
        Assert.Equal("2019", result.Edition!.Id);
        Assert.Equal(0, CellOf(result, "t3.r.withheld.state_secret.tot").Value);
        Assert.Equal(CellState.Number, CellOf(result, "t3.r.withheld.state_secret.tot").State);
        Assert.Equal(1, CellOf(result, "t3.r.granted.tot").Value);
        Assert.All(new[] { "t3.carried_out.np", "t3.r.withheld.law_prohibited.np", "t3.r.total.np" }, k => Assert.Equal(CellState.Missing, CellOf(result, k).State));
    }

    /// <summary>A traditional mirror with pinyin glosses, cells closed by bars, header cells followed by colspan residue.</summary>
    private const string GlossedHeaderResidue =
        "三、收到和處理政府信息公開申請(qǐng)情況\n" +
        "(本列數(shù)據(jù)的勾稽關(guān)系為:第一項(xiàng)加第二項(xiàng)之和,等于第三項(xiàng)加第四項(xiàng)之和) |\n" +
        "申請(qǐng)人情況 | ||||||||\n自然人 |\n法人或其他組織 |\n總計(jì) | |||||||\n" +
        "商業(yè) 企業(yè) |\n科研 機(jī)構(gòu) |\n社會(huì)公益組織 |\n法律服務(wù)機(jī)構(gòu) |\n其他 | |||||\n" +
        "一、本年新收政府信息公開申請(qǐng)數(shù)量 |\n3 |\n0";

    [Fact]
    public void Residue_bars_after_a_header_cell_are_no_empty_cells_and_glossed_labels_are_read()
    {
        ImportResult result = Excerpts.Import(GlossedHeaderResidue);

        // 總計(jì) is a column heading: its residue bars are not the seven blank cells of （七）总计.
        Assert.Equal(CellState.Missing, CellOf(result, "t3.r.total.tot").State);
        Assert.Equal(CellState.Missing, CellOf(result, "t3.carried_out.np").State);
        Assert.Equal(3, CellOf(result, "t3.new.np").Value);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == ImportDiagnostics.RowMatchedByPosition.Id);
        Assert.DoesNotContain(result.Edition!.Validate(result.Draft!).Diagnostics, d => d.Id == ReportDiagnostics.TotalNotComputable.Id);
    }

    [Theory]
    [InlineData("本年新收政府信息公開申請(qǐng)數(shù)量")]
    [InlineData("本年新收政府信息公開申請(qǐng)數(ǹg)量")]
    [InlineData("本年新收政府信息公開申(shēn)請(qǐng)數(shù)量")]
    public void Pinyin_glosses_are_no_part_of_a_label(string label)
    {
        Assert.Equal("本年新收政府信息公开申请数量", Matching.LabelText.Fold(label));
    }

    /// <summary>A pipe table whose first block carries a local extra row, cut before the next block's caption.</summary>
    private const string LocalExtraRowAtTheEnd =
        "某某市人民政府办公室\n2020年政府信息公开工作年度报告\n" +
        "二、行政机关主动公开政府信息情况\n" +
        "第二十条第(一)项 | |||\n" +
        "信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量 |\n" +
        "规章 | 2 | 2 | 3 |\n" +
        "规范性文件 | 11 | 11 | 119 |\n" +
        "其他主动公开文件 | 56 | 45 \n";

    [Fact]
    public void A_row_read_by_position_does_not_open_a_block_whose_caption_the_text_never_shows()
    {
        ImportResult result = Excerpts.Import(LocalExtraRowAtTheEnd);
        Assert.Equal("2019", result.Edition!.Id);
        Assert.Equal(119, CellOf(result, "t2.a1.normative.total_public").Value);
        Assert.Equal(CellState.Missing, CellOf(result, "t2.a9.procurement.projects").State);
        Assert.Equal(CellState.Missing, CellOf(result, "t2.a9.procurement.amount").State);
        Assert.Contains(result.Diagnostics, d => d.Id == ImportDiagnostics.NonStandardRow.Id && d.Message.Contains("56", StringComparison.Ordinal));

        // The values Table 2 declined are its own: the table after it, unfound, does not take them (其他 → 3.其他).
        Assert.DoesNotContain(result.Diagnostics, d => d.Location.TableKey == "t3" && d.Id != ImportDiagnostics.TableNotFound.Id && d.Id != ReportDiagnostics.MissingCell.Id);
    }

    /// <summary>A report of a later year laid out with the earlier edition's tables, labels only, no value anywhere.</summary>
    private const string LabelsOnlySkeleton =
        "2022年度某某镇政府信息公开工作年度报告\n" +
        "一、总体情况\n2022年以来,某某镇政府信息公开工作有序开展。\n" +
        "二、主动公开政府信息情况\n第二十条第(一)项\n信息内容\n本年新制作数量\n本年新公开数量\n对外公开总数量\n规章\n规范性文件\n" +
        "第二十条第(五)项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n行政许可\n其他对外管理服务事项\n" +
        "第二十条第(九)项\n信息内容\n采购项目数量\n采购总金额\n政府集中采购\n" +
        "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n法人或其他组织\n总计\n" +
        "一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n";

    [Fact]
    public void Without_any_value_the_column_headings_shown_tell_the_edition_before_the_year()
    {
        ImportResult result = Excerpts.Import(LabelsOnlySkeleton);
        Assert.Equal("2019", result.Edition!.Id);
        Assert.Equal(2022, result.Draft!.Info.Year);
    }

    /// <summary>
    /// One cell per line, a lone bar on the line after each cell (two at a row's end), and lines of several bars where
    /// cells were spanned; the excerpt ends after Table 3's column headings.
    /// </summary>
    private static string LoneBarsWithSpannedCellResidue()
    {
        var lines = new System.Collections.Generic.List<string> { "某某街道办事处2021年政府信息公开工作年度报告", "二、主动公开政府信息情况" };
        void Cells(params string[] cells)
        {
            foreach (string cell in cells)
            {
                lines.Add(cell);
                lines.Add("|");
            }
        }

        Cells("第二十条第(一)项");
        lines.Add("||||");
        Cells("信息内容", "本年制发件数", "本年废止件数", "现行有效件数");
        lines.Add("|");
        Cells("规章", "0", "0", "0");
        lines.Add("|");
        Cells("行政规范性文件", "1", "0", "4");
        lines.Add("|");
        Cells("第二十条第(五)项");
        lines.Add("||||");
        Cells("信息内容", "本年处理决定数量");
        lines.Add("|||");
        Cells("行政许可", "2910");
        lines.Add("|||");
        lines.Add("三、收到和处理政府信息公开申请情况");
        lines.Add("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)");
        lines.Add("|");
        Cells("申请人情况");
        lines.Add("||||||||");
        Cells("自然人", "法人或其他组织", "总计");
        lines.Add("|||||||");
        Cells("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他");
        lines.Add("|||||");
        lines.Add("一、本年");
        return string.Join("\n", lines);
    }

    [Fact]
    public void A_line_of_bars_among_lone_bars_is_residue_of_spanned_cells_not_empty_cells()
    {
        ImportResult result = Excerpts.Import(LoneBarsWithSpannedCellResidue());
        Assert.Equal(4, CellOf(result, "t2.a1.admin_normative.in_force").Value);
        Assert.Equal(2910, CellOf(result, "t2.a5.licensing.decisions").Value);

        // The column heading 总计 followed by a line of bars is no row （七）总计 of empty cells: Table 3 shows no cell.
        Assert.Equal(CellState.Missing, CellOf(result, "t3.r.total.np").State);
        Assert.Equal(CellState.Missing, CellOf(result, "t3.r.total.tot").State);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Location.CellKey is { } key && key.StartsWith("t3.r.total", StringComparison.Ordinal));
    }
}
