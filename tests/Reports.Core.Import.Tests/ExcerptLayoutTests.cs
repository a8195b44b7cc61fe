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
    private static ImportResult Import(string text) => ReportImporter.Default.Import(text, "excerpt.txt");

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
        ImportResult result = Import(PipeTable3);
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
