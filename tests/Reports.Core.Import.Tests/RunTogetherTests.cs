using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Xunit;

namespace Reports.Core.Import.Tests;

public class RunTogetherTests
{
    private static string Document(string row) =>
        "某某局 2021 年政府信息公开工作年度报告\n一、总体情况\n本局做好政府信息公开工作。\n" +
        "三、收到和处理政府信息公开申请情况\n" + row + "\n四、政府信息公开行政复议、行政诉讼情况\n";

    [Fact]
    public void Glued_digits_resolve_by_h1_with_an_inferred_warning()
    {
        ImportResult result = ReportImporter.Default.Import(Document("一、本年新收政府信息公开申请数量801000081"));
        Assert.NotNull(result.Draft);
        long[] expected = { 80, 1, 0, 0, 0, 0, 81 };
        string[] columns = { "np", "biz", "res", "ngo", "law", "oth", "tot" };
        for (int i = 0; i < columns.Length; i++)
        {
            Cell cell = result.Draft!.Cells["t3.new." + columns[i]];
            Assert.True(cell.IsNumber);
            Assert.Equal(expected[i], cell.Value);
            Assert.Equal(5, cell.Span.Line);
        }

        Diagnostic inferred = Assert.Single(result.Diagnostics, d => d.Id == ReportDiagnostics.InferredSplit.Id);
        Assert.Equal(DiagnosticSeverity.Warning, inferred.Severity);
        Assert.Contains("80|1|0|0|0|0|81", inferred.Message);
        Assert.Contains("H1", inferred.Message);
    }

    [Fact]
    public void Ambiguous_glued_digits_are_reported_and_left_missing()
    {
        ImportResult result = ReportImporter.Default.Import(Document("一、本年新收政府信息公开申请数量12112012037"));
        Diagnostic ambiguous = Assert.Single(result.Diagnostics, d => d.Id == ReportDiagnostics.AmbiguousSplit.Id);
        Assert.True(ambiguous.IsError);
        Assert.Contains("12|1|12|0|12|0|37", ambiguous.Message);
        Assert.Contains("12|11|2|0|12|0|37", ambiguous.Message);
        Assert.Equal(CellState.Missing, result.Draft!.Cells["t3.new.np"].State);
    }

    [Fact]
    public void Glued_digits_fitting_no_split_are_reported()
    {
        ImportResult result = ReportImporter.Default.Import(Document("二、上年结转政府信息公开申请数量1000011"));
        Assert.Single(result.Diagnostics, d => d.Id == ReportDiagnostics.UnsplittableRun.Id);
    }

    [Fact]
    public void Splitter_enumerates_only_splits_without_leading_zeros()
    {
        var all = RunTogether.RunTogetherSplitter.Split("1001", 2, _ => true, 10, out bool exhausted);
        Assert.True(exhausted);
        Assert.Equal(new[] { "1|001", "10|01", "100|1" }.Where(s => !s.Contains("|0", System.StringComparison.Ordinal) || s.EndsWith("|0", System.StringComparison.Ordinal)).Count(), all.Count);
        Assert.Contains(all, p => p[0] == 100 && p[1] == 1);
    }
}
