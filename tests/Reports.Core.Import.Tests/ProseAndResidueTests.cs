using System;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>
/// Properties of layouts that put table-like things where no table is: narrative sub-headings that word a table's
/// heading, residue lines of collapsed cells, label numerals cut off at the end of an excerpt, pinyin glosses.
/// </summary>
public sealed class ProseAndResidueTests
{
    private static ImportResult Import(string text) => ReportImporter.Default.Import(text, "excerpt.txt");

    private static Cell CellOf(ImportResult result, string key)
    {
        Assert.NotNull(result.Draft);
        return result.Draft!.Cells[key];
    }

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
        ImportResult result = Import(OverviewWithTableWordedSubheadings);
        Assert.Equal(4, CellOf(result, "t2.a1.regulation.issued").Value);
        Assert.Equal(5, CellOf(result, "t2.a1.admin_normative.in_force").Value);
        Assert.Equal(6, CellOf(result, "t2.a5.licensing.decisions").Value);
        Assert.Equal(CellState.Missing, CellOf(result, "t3.new.np").State);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == ImportDiagnostics.TableNotFound.Id && d.Location.TableKey == "t2");
    }
}
