using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Schema;
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

        Diagnostic inferred = Assert.Single(result.Diagnostics, d => d.Id == ImportDiagnostics.InferredSplit.Id);
        Assert.Equal(DiagnosticSeverity.Warning, inferred.Severity);
        Assert.Contains("80|1|0|0|0|0|81", inferred.Message);
        Assert.Contains("H1", inferred.Message);
    }

    [Fact]
    public void Ambiguous_glued_digits_are_reported_and_left_missing()
    {
        ImportResult result = ReportImporter.Default.Import(Document("一、本年新收政府信息公开申请数量12112012037"));
        Diagnostic ambiguous = Assert.Single(result.Diagnostics, d => d.Id == ImportDiagnostics.AmbiguousSplit.Id);
        Assert.Equal(DiagnosticSeverity.Warning, ambiguous.Severity); // the missing cells are the error, once, in validation
        Assert.Contains("12|1|12|0|12|0|37", ambiguous.Message);
        Assert.Contains("12|11|2|0|12|0|37", ambiguous.Message);
        Assert.Equal(CellState.Missing, result.Draft!.Cells["t3.new.np"].State);
    }

    [Theory]
    [InlineData("一、本年新收政府信息公开申请数量801 000081")]     // a space sprinkled inside the run
    [InlineData("一、本年新收政府信息公开申请数量80 1 0 00 0 81")]  // spaces at some boundaries, not all
    public void Spaces_inside_glued_digits_are_some_of_the_cell_boundaries_when_a_part_opens_with_a_zero(string row)
    {
        ImportResult result = ReportImporter.Default.Import(Document(row));
        long[] expected = { 80, 1, 0, 0, 0, 0, 81 };
        string[] columns = { "np", "biz", "res", "ngo", "law", "oth", "tot" };
        Assert.Equal(expected, columns.Select(c => result.Draft!.Cells["t3.new." + c].Value));
        Diagnostic inferred = Assert.Single(result.Diagnostics, d => d.Id == ImportDiagnostics.InferredSplit.Id);
        Assert.Contains("\"" + row.Substring(row.IndexOf('8')) + "\"", inferred.Message); // the run quoted as written, spaces and all
    }

    [Fact]
    public void A_space_inside_glued_digits_is_a_cell_boundary_so_a_part_never_spans_it()
    {
        // 1|20|0|0|0|0|21 would satisfy H1 if the space could fall inside a cell (1 2|0…); it cannot: 12|0|…|0|12 is the reading.
        ImportResult result = ReportImporter.Default.Import(Document("一、本年新收政府信息公开申请数量12 0000012"));
        string[] columns = { "np", "biz", "res", "ngo", "law", "oth", "tot" };
        Assert.Equal(new long[] { 12, 0, 0, 0, 0, 0, 12 }, columns.Select(c => result.Draft!.Cells["t3.new." + c].Value));
    }

    [Fact]
    public void Spaced_digits_glued_to_words_at_both_ends_too_few_for_the_row_are_one_run_split_at_the_spaces_and_inside()
    {
        // A flattened page: 500000 5 stands between two labels; two values cannot be a row of seven cells, one run of
        // seven digits can (5|0|0|0|0|0|5, H1 holds), read from the space and the digits alike and flagged as inferred.
        string row = "一、本年新收政府信息公开申请数量500000 5二、上年结转政府信息公开申请数量0000000";
        ImportResult result = ReportImporter.Default.Import(Document(row));
        string[] columns = { "np", "biz", "res", "ngo", "law", "oth", "tot" };
        Assert.Equal(new long[] { 5, 0, 0, 0, 0, 0, 5 }, columns.Select(c => result.Draft!.Cells["t3.new." + c].Value));
        Assert.Contains(result.Diagnostics, d => d.Id == ImportDiagnostics.InferredSplit.Id && d.Message.Contains("\"500000 5\"", System.StringComparison.Ordinal));
        Assert.Contains("t3.new.tot", result.InferredCells);
        Assert.Equal((5, 24, 1), (result.Draft!.Cells["t3.new.tot"].Span.Line, result.Draft.Cells["t3.new.tot"].Span.Column, result.Draft.Cells["t3.new.tot"].Span.Length)); // the 5 after the space
    }

    [Fact]
    public void Spaced_digits_glued_to_words_at_both_ends_as_many_as_the_rows_cells_are_read_as_written()
    {
        // The same chain with one value per cell is no run: nothing inferred.
        string row = "一、本年新收政府信息公开申请数量4 0 0 0 0 0 4二、上年结转政府信息公开申请数量0000000";
        ImportResult result = ReportImporter.Default.Import(Document(row));
        Assert.Equal(4, result.Draft!.Cells["t3.new.tot"].Value);
        Assert.DoesNotContain("t3.new.tot", result.InferredCells);
        Assert.DoesNotContain("t3.new.np", result.InferredCells);
    }

    [Fact]
    public void A_space_in_glued_digits_one_short_of_the_row_holds_the_empty_cell()
    {
        // Six digits and a space for seven cells: the space is where the empty cell stood (an empty HTML cell flattened).
        ImportResult result = ReportImporter.Default.Import(Document("一、本年新收政府信息公开申请数量3 00003二、上年结转政府信息公开申请数量0000000"));
        Assert.Equal(3, result.Draft!.Cells["t3.new.np"].Value);
        Assert.Equal(CellState.Blank, result.Draft.Cells["t3.new.biz"].State);
        string[] rest = { "res", "ngo", "law", "oth" };
        Assert.All(rest, c => Assert.Equal(0, result.Draft.Cells["t3.new." + c].Value));
        Assert.Equal(3, result.Draft.Cells["t3.new.tot"].Value);
    }

    [Fact]
    public void A_heading_misspelt_inside_a_run_together_page_still_opens_its_table()
    {
        // No line breaks, and 行政法复议 for 行政复议: the words after 四、 cover the heading nearly all the same.
        string page = "某某局 2021 年政府信息公开工作年度报告 三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量801000081"
            + " 四、政府信息公开行政法复议、行政诉讼情况行政复议 行政诉讼 结果维持结果纠正其他结果尚未审结总计 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0";
        ImportResult result = ReportImporter.Default.Import(page);
        Assert.True(result.TableEditions.ContainsKey("t4"));
        Assert.Equal(2, result.Draft!.Cells["t4.rev.total"].Value);
        Assert.Equal(1, result.Draft.Cells["t4.lit_direct.total"].Value);
        Assert.Equal(81, result.Draft.Cells["t3.new.tot"].Value);
    }

    private static string Article20(string row) =>
        "某某局 2021 年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n" +
        row + "\n三、收到和处理政府信息公开申请情况\n";

    [Fact]
    public void Glued_digits_no_hard_identity_fixes_are_narrowed_to_the_splits_where_the_soft_identities_hold()
    {
        // Issued | repealed | in force, with no hard identity over the row: S3 (in force + repealed ≥ issued) may fail
        // in a true report, so it only chooses among the splits; 584|5|546 and the like are left out of the candidates.
        ImportResult result = ReportImporter.Default.Import(Article20("行政规范性文件5845546"));
        Diagnostic ambiguous = Assert.Single(result.Diagnostics, d => d.Id == ImportDiagnostics.AmbiguousSplit.Id);
        Assert.Contains("fit 9 splits", ambiguous.Message);
        Assert.DoesNotContain("584|5|546", ambiguous.Message);
        Assert.Equal(CellState.Missing, result.Draft!.Cells["t2.a1.admin_normative.issued"].State);

        // One split left by S3: read, flagged as inferred, with the identity that chose it.
        result = ReportImporter.Default.Import(Article20("行政规范性文件9101"));
        Diagnostic inferred = Assert.Single(result.Diagnostics, d => d.Id == ImportDiagnostics.InferredSplit.Id);
        Assert.Contains("9|10|1", inferred.Message);
        Assert.Contains("S3", inferred.Message);
        Assert.Equal(new long[] { 9, 10, 1 }, new[] { "issued", "repealed", "in_force" }.Select(c => (long)result.Draft!.Cells["t2.a1.admin_normative." + c].Value));
        Assert.Contains("t2.a1.admin_normative.repealed", result.InferredCells);
    }

    [Fact]
    public void Glued_digits_fitting_no_split_are_reported()
    {
        ImportResult result = ReportImporter.Default.Import(Document("二、上年结转政府信息公开申请数量1000011"));
        Assert.Single(result.Diagnostics, d => d.Id == ImportDiagnostics.UnsplittableRun.Id);
    }

    [Fact]
    public void Splitter_enumerates_only_splits_written_as_their_cells_are()
    {
        var schema = Editions.Report2019.Edition.Schema;
        Schema.CellInfo[] licensing = { Cell(schema, "t2.a5.licensing.prev_items"), Cell(schema, "t2.a5.licensing.delta_items"), Cell(schema, "t2.a5.licensing.decisions") };
        var all = RunTogether.GluedDigits.Split("1001", new[] { licensing[0], licensing[2] }, _ => true, out bool complete);
        Assert.True(complete);
        Assert.Equal(new[] { "100|1" }, all.Select(s => s.Format()));

        // A sign only in a signed cell: 2648-18538 is 2648 | -18 | 538 or another split with the sign in the middle cell.
        var signed = RunTogether.GluedDigits.Split("2648-18538", licensing, _ => true, out _);
        Assert.Contains(signed, s => s.Format() == "2648|-18|538");
        Assert.All(signed, s => Assert.StartsWith("-", s.Parts![1]));
    }

    [Fact]
    public void A_unit_after_glued_digits_stays_with_the_last_cell_when_that_cell_takes_it()
    {
        var schema = Editions.Report2019.Edition.Schema;
        Schema.CellInfo[] procurement = schema.Cells.Where(c => c.Key.StartsWith("t2.a9.", System.StringComparison.Ordinal)).ToArray();
        Assert.Equal(new[] { ValueKind.Count, ValueKind.Money }, procurement.Select(c => c.Kind));

        // 采购项目数量 then 采购总金额 with its decimals and unit: every split keeps 元 in the amount.
        var splits = RunTogether.GluedDigits.Split("13575394432.52元", procurement, _ => true, out bool complete);
        Assert.True(complete);
        Assert.Contains(splits, s => s.Format() == "135|75394432.52元");
        Assert.All(splits, s => Assert.EndsWith(".52元", s.Parts![1], System.StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, splits.Count).Select(n => "13575394432.52元".Length), splits.Select(s => s.Ends[1]));

        // A unit the last cell does not take (件 after an amount) makes it no run; nor do words longer than a unit.
        Assert.Empty(RunTogether.GluedDigits.Split("1357539443件", procurement, _ => true, out _));
        Assert.Equal(0, RunTogether.GluedDigits.RunDigits("1357万元整"));
        Assert.Equal(13, RunTogether.GluedDigits.RunDigits("13575394432.52元"));
    }

    [Fact]
    public void Splitter_work_is_bounded_by_visited_nodes()
    {
        var schema = Editions.Report2021.Edition.Schema;
        var cells = schema.Cells.Where(c => c.TableKey == "t4").ToArray();
        var splits = RunTogether.GluedDigits.Split(new string('1', 60), cells, _ => true, out bool complete);
        Assert.False(complete);
        Assert.True(splits.Count <= RunTogether.GluedDigits.MaxSplits);
    }

    private static Schema.CellInfo Cell(Schema.ReportSchema schema, string key)
    {
        Assert.True(schema.TryGetCell(key, out Schema.CellInfo cell));
        return cell;
    }
}
