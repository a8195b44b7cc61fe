using System;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>
/// Properties of published excerpts (pipe tables with rowspan residue, traditional-character mirrors, reports without a
/// title line, tables cut early), each on a small text shaped as real pages print it.
/// </summary>
public sealed class ExcerptLayoutTests
{
    /// <summary>Table 3 as a pipe table whose group labels span rows: the lines below a group label open with an empty cell.</summary>
    private const string PipeTable3 =
        "三、收到和处理政府信息公开申请情况\n" +
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |\n" +
        "自然人 | 法人或其他组织 | 总计 |\n" +
        "商业 | 科研 | 社会公益组织 | 法律服务机构 | 其他 |\n" +
        "企业 | 机构 |\n" +
        "一、本年新收政府信息公开申请数量 | 7 | | | | | | 7 |\n" +
        "二、上年结转政府信息公开申请数量 | | | | | | | 0 |\n" +
        "三、本年度办理结果 | (一)予以公开 | | | | | | | 3 |\n" +
        "| (二)部分公开(区分处理的,只计这一情形,不计其他情形) | | | | | | | 1 |\n" +
        "| (三)不予公开 | 1.属于国家秘密 | | | | | | | 1 |\n" +
        "| | 2.其他法律行政法规禁止公开 | | | | | | | 2 |\n" +
        "| | 3.危及“三安全一稳定” | | | | | | | 0 |\n";

    [Fact]
    public void Empty_cells_before_a_rows_label_are_label_columns_not_values()
    {
        ImportResult result = Excerpts.Import(PipeTable3);
        CellMap cells = new(result);
        Assert.Equal(1, cells.Number("t3.r.withheld.state_secret.tot"));
        Assert.Equal(CellState.Blank, cells.State("t3.r.withheld.state_secret.oth"));
        Assert.Equal(2, cells.Number("t3.r.withheld.law_prohibited.tot"));
        Assert.Equal(CellState.Blank, cells.State("t3.r.withheld.law_prohibited.oth"));
        Assert.Equal(0, cells.Number("t3.r.withheld.security_stability.tot"));
        Assert.Equal(CellState.Blank, cells.State("t3.r.withheld.security_stability.np"));

        // The rows read alike before them stay as they were.
        Assert.Equal(3, cells.Number("t3.r.granted.tot"));
        Assert.Equal(1, cells.Number("t3.r.partial.tot"));
        Assert.Equal(7, cells.Number("t3.new.np"));
    }

    /// <summary>A traditional-character mirror: no title line, narrative numbers before Table 2, no caption before its first part.</summary>
    private const string TraditionalTable2 =
        "根據《中華人民共和國政府信息公開條例》規定,現將某某鎮2022年政府信息公開工作年度報告進行公開。\n" +
        "一、 總體情況\n" +
        "2022年,我鎮主動公開政府信息84條,收到和處理政府信息公開申請3件,辦結率100%。\n" +
        "二、主動公開政府信息情況\n" +
        "信息內容 | 本年制發件數 | 本年廢止件數 | 現行有效件數 |\n" +
        "規章 | 0 | 0 | 0 |\n" +
        "行政規范性文件 | 2 | 0 | 5 |\n" +
        "第二十條第(五)項 |\n" +
        "信息內容 | 本年處理決定數量 |\n" +
        "行政許可 | 6 |\n" +
        "第二十條第(六)項 |\n" +
        "信息內容 | 本年處理決定數量 |\n" +
        "行政處罰 | 4 |\n" +
        "行政強制 | 0 |\n" +
        "第二十條第(八)項 |\n" +
        "信息內容 | 本年收費金額(單位:萬元) |\n" +
        "行政事業性收費 | 0 |\n";

    [Fact]
    public void A_heading_in_traditional_characters_opens_its_table()
    {
        ImportResult result = Excerpts.Import(TraditionalTable2);

        // The heading bounds Table 2: the narrative's numbers above it are no rows of the table.
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == ImportDiagnostics.NonStandardRow.Id);
        CellMap cells = new(result);
        Assert.Equal(2, cells.Number("t2.a1.admin_normative.issued"));
        Assert.Equal(5, cells.Number("t2.a1.admin_normative.in_force"));
        Assert.Equal(6, cells.Number("t2.a5.licensing.decisions"));
        Assert.Equal(4, cells.Number("t2.a6.penalty.decisions"));
    }

    [Theory]
    [InlineData("根据《中华人民共和国政府信息公开条例》规定,现公布区统计局2023年政府信息公开工作年度报告。本报告由总体情况等部分组成。", "区统计局")]
    [InlineData("根據《中華人民共和國政府信息公開條例》規定,現將北坡鎮2022年政府信息公開工作年度報告進行公開。", "北坡鎮")]
    [InlineData("根据《条例》要求,现予公布某某县农业农村局2021年度政府信息公开工作年度报告。", "某某县农业农村局")]
    [InlineData("现将某某区人民政府办公室关于2021年度政府信息公开工作年度报告公布如下。", "某某区人民政府办公室")]
    [InlineData("根据《条例》精神,现把某某市信访局2019年度政府信息公开工作情况报告如下:", "某某市信访局")]
    [InlineData("某某区国资局\n根据《条例》相关要求,现公布区政府国资局2022年政府信息公开工作年度报告。", "某某区国资局")]
    [InlineData("某某区人民政府\n根据《条例》相关要求,现公布区统计局2023年政府信息公开工作年度报告。", "区统计局")]
    public void An_agency_named_only_in_the_sentence_that_publishes_the_report_is_read(string opening, string agency)
    {
        ImportResult result = Excerpts.Import(opening + "\n" + TraditionalTable2.Substring(TraditionalTable2.IndexOf('\n', StringComparison.Ordinal) + 1));
        Assert.Equal(agency, result.Draft!.Info.Agency);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == ImportDiagnostics.MetadataNotFound.Id && d.Message.Contains("agency", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅")] // the year first
    [InlineData("2021年度某某县农业农村局政府信息公开工作年度报告", "某某县农业农村局")]
    [InlineData("臨夏州交通運輸局2019年政府信息公開工作年度報告", "臨夏州交通運輸局")] // traditional characters, kept as written
    [InlineData("臨夏州交通運(yùn)輸局2019年政府信息公開工作年度報(bào)告", "臨夏州交通運輸局")] // a mirror's pinyin glosses dropped
    [InlineData("某某区统计局２０２３年政府信息公开工作年度报告", "某某区统计局")] // full-width digits
    [InlineData("驼峰路街道办事处政府信息公开工作年度报告", "驼峰路街道办事处")] // no year in the title
    [InlineData("某某街道办事处政府信息公开工作年度报告\n某某县人民政府2022年政府信息公开工作年度报告", "某某县人民政府")] // a title with its year wins
    public void A_title_names_its_agency_whatever_the_order_script_or_glosses(string title, string agency)
    {
        ImportResult result = Excerpts.Import(title + "\n" + TraditionalTable2.Substring(TraditionalTable2.IndexOf('\n', StringComparison.Ordinal) + 1));
        Assert.Equal(agency, result.Draft!.Info.Agency);
    }

    [Theory]
    [InlineData("根据《条例》规定,现公布我局2022年政府信息公开工作年度报告。")]
    [InlineData("根据《条例》规定,现将2021年度政府信息公开工作情况报告如下。")]
    [InlineData("本机关2022年政府信息公开工作年度报告由总体情况等部分组成。")]
    [InlineData("现将全县2022年政府信息公开工作年度报告公布如下。")]
    [InlineData("我局政府信息公开工作年度报告")]
    public void An_agency_the_text_does_not_name_is_not_guessed(string opening)
    {
        ImportResult result = Excerpts.Import(opening + "\n" + TraditionalTable2.Substring(TraditionalTable2.IndexOf('\n', StringComparison.Ordinal) + 1));
        Assert.Null(result.Draft!.Info.Agency);
        Assert.Contains(result.Diagnostics, d => d.Id == ImportDiagnostics.MetadataNotFound.Id && d.Message.Contains("agency", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_cut_before_the_rows_that_tell_the_editions_apart_follows_the_report()
    {
        // Table 2 is edition 2021 by its headings; Table 3 stops at （三）3, where both editions' rows are alike.
        ImportResult result = Excerpts.Import(TraditionalTable2 + PipeTable3);
        Assert.Equal("2021", result.Edition!.Id);
        Assert.Equal("2021", result.TableEditions["t3"]);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == ImportDiagnostics.TableEditionMismatch.Id);
        Assert.Equal(2, new CellMap(result).Number("t3.r.withheld.law_prohibited.tot"));
    }

    [Fact]
    public void An_absent_table_follows_the_report_edition()
    {
        ImportResult result = Excerpts.Import(TraditionalTable2);
        Assert.Equal("2021", result.Edition!.Id);
        Assert.All(new[] { "t3", "t4" }, t => Assert.Equal("2021", result.TableEditions.TryGetValue(t, out string? e) ? e : "2021"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == ImportDiagnostics.TableEditionMismatch.Id);
    }

    [Theory]
    [InlineData("2020年,本局共收到政府信息公开申请7件。", "2019")]
    [InlineData("2022年,本局共收到政府信息公开申请7件。", "2021")]
    public void Tables_that_cannot_tell_the_editions_apart_take_the_edition_of_the_year_the_text_states(string narrative, string edition)
    {
        ImportResult result = Excerpts.Import(narrative + "\n" + PipeTable3);
        Assert.Equal(edition, result.Edition!.Id);
        Assert.Equal(edition, result.TableEditions["t3"]);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == ImportDiagnostics.TableEditionMismatch.Id);
    }

    [Fact]
    public void A_cut_table_whose_identities_wait_on_unread_cells_is_checked_without_an_internal_error()
    {
        // Row 一 is 7 and the rows read of 三 sum to less: the identities fail only through cells the excerpt cut off,
        // so no repair names a cell (RC1015 has nothing to say), and the file is still read and checked.
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(TraditionalTable2 + PipeTable3);
        ReportFileResult file = ReportFile.Read(bytes, "excerpt.txt", ".txt");
        Assert.DoesNotContain(file.Diagnostics, d => d.Id == ImportDiagnostics.UnreadableInput.Id);
        Assert.NotNull(file.Draft);
        Assert.Equal(2, file.Draft!.Cells["t3.r.withheld.law_prohibited.tot"].Value);
    }

    private sealed class CellMap
    {
        private readonly ImportResult _result;

        public CellMap(ImportResult result)
        {
            _result = result;
            Assert.NotNull(result.Draft);
        }

        public CellState State(string key) => _result.Draft!.Cells[key].State;

        public long Number(string key)
        {
            Cell cell = _result.Draft!.Cells[key];
            Assert.True(cell.IsNumber, key + " is " + cell.State + " '" + cell.Raw + "'");
            return cell.Value;
        }
    }
}
