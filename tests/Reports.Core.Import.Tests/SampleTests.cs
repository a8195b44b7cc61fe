using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;
using Xunit;
using static Reports.Core.Import.Tests.Excerpts;

namespace Reports.Core.Import.Tests;

public class SampleTests
{
    private static ImportResult Import(string name) => ReportImporter.Default.Import(Samples.Read(name), name);

    private static void AssertNumber(ImportResult result, string key, decimal expected, int? line = null)
    {
        Cell cell = CellOf(result, key);
        Assert.True(cell.IsNumber, key + " is " + cell);
        Assert.Equal(expected, cell.Amount);
        Assert.True(cell.Span.IsKnown, key + " has no source location");
        Assert.NotNull(cell.Raw);
        if (line is not null)
        {
            Assert.Equal(line.Value, cell.Span.Line);
        }
    }

    private static int Count(ImportResult result, DiagnosticDescriptor descriptor) => result.Diagnostics.Count(d => d.Id == descriptor.Id);

    private static void AssertNoHardViolation(ImportResult result, bool valid)
    {
        var validation = result.Edition!.Validate(result.Draft!);
        Assert.DoesNotContain(validation.Diagnostics, d => d.Id == ReportDiagnostics.IdentityViolated.Id);
        if (valid)
        {
            Assert.True(validation.IsValid, string.Join("\n", validation.Errors));
        }
    }

    [Theory]
    [InlineData(Samples.S000, "pipe", "2019", "2019", "泉港区人民政府办公室", 2020)]
    [InlineData(Samples.S001, "tab", "2019", "2019", "鲤城区人民政府临江街道办事处", 2020)]
    [InlineData(Samples.S002, "tab", "2019", "2019", "河市镇", 2020)]
    [InlineData(Samples.S003, "cell-per-line", "2019", "2019", "泉港区科学技术局", 2020)]
    [InlineData(Samples.S004, "tab", "2021", "2021", "泉州市数字泉州建设办公室", 2021)]
    [InlineData(Samples.Hongze2023, "layout", "2021", "2019", "洪泽区人民政府", 2023)]
    [InlineData(Samples.Hongze2024, "layout", "2021", "2019", "淮安市洪泽区人民政府", 2024)]
    [InlineData(Samples.Huaian2024, "layout", "2021", "2021", "淮安市人民政府", 2024)]
    public void Sample_imports_with_editions_and_metadata(string name, string layout, string t2, string t3, string agency, int year)
    {
        ImportResult result = Import(name);
        Assert.Equal(layout, result.Layout);
        Assert.NotNull(result.Draft);
        Assert.Equal(t2, result.Edition!.Id);
        Assert.Equal(t2, result.TableEditions["t2"]);
        Assert.Equal(t3, result.TableEditions["t3"]);
        Assert.Equal(t2, result.TableEditions["t4"]);
        Assert.Equal(agency, result.Draft!.Info.Agency);
        Assert.Equal(year, result.Draft.Info.Year);
        Assert.Equal(name, result.Draft.Info.Source);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == ImportDiagnostics.TableNotFound.Id || d.Id == ImportDiagnostics.RowNotFound.Id || d.Id == ImportDiagnostics.NonStandardRow.Id);
    }

    [Theory]
    [InlineData(Samples.S000, true)]
    [InlineData(Samples.S001, true)]
    [InlineData(Samples.S002, true)]
    [InlineData(Samples.S003, true)]
    [InlineData(Samples.S004, true)]
    [InlineData(Samples.Huaian2024, true)]
    [InlineData(Samples.Hongze2024, true)] // hybrid: the single （六） row is counted under 3.其他, the other sub-rows blank
    public void No_hard_violation(string name, bool valid) => AssertNoHardViolation(Import(name), valid);

    [Fact]
    public void Sample000_markdown_with_shifted_columns()
    {
        ImportResult result = Import(Samples.S000);
        AssertNumber(result, "t3.new.np", 40, line: 79);
        AssertNumber(result, "t3.new.tot", 40, line: 79);
        AssertNumber(result, "t3.r.granted.tot", 10, line: 81);
        AssertNumber(result, "t3.r.unable.not_held.np", 21, line: 96);
        AssertNumber(result, "t3.r.other.np", 8, line: 104);
        AssertNumber(result, "t3.r.total.tot", 40, line: 105);
        AssertNumber(result, "t2.a1.normative.total_public", 13, line: 57);
        Assert.Equal(0, Count(result, ImportDiagnostics.NarrativeMismatch));
        Assert.Equal(0, Count(result, ImportDiagnostics.MoneyWithoutUnit)); // 采购总金额 is 0: no unit is needed
    }

    [Fact]
    public void Sample001_extra_16th_value_in_table4()
    {
        ImportResult result = Import(Samples.S001);
        Diagnostic extra = Assert.Single(result.Diagnostics, d => d.Id == ImportDiagnostics.ExtraValues.Id);
        Assert.Equal("t4", extra.Location.TableKey);
        Assert.Equal(117, extra.Location.Span.Line);
        Assert.Contains("16 values for 15 cells", extra.Message);
        AssertNumber(result, "t2.a5.other_service.decisions", 3600, line: 66);
        AssertNumber(result, "t2.a9.procurement.amount", 1827190, line: 77);
        Assert.Equal(0, Count(result, ImportDiagnostics.MoneyWithoutUnit));
        AssertNumber(result, "t3.r.withheld.third_party.tot", 0, line: 91);
        AssertNumber(result, "t3.r.declined.confirm_reissue.tot", 0, line: 105);
    }

    [Fact]
    public void Sample002_missing_total_column_and_money_without_unit()
    {
        ImportResult result = Import(Samples.S002);
        var missing = result.Diagnostics.Where(d => d.Id == ImportDiagnostics.MissingValues.Id).ToList();
        Assert.Equal(7, missing.Count);
        Assert.All(missing, d => Assert.Contains("总计", d.Message));
        Assert.Equal(CellState.Missing, CellOf(result, "t3.new.tot").State);
        AssertNumber(result, "t3.r.withheld.third_party.tot", 0, line: 54);
        Diagnostic unit = Assert.Single(result.Diagnostics, d => d.Id == ImportDiagnostics.MoneyWithoutUnit.Id);
        Assert.Equal("t2.a9.procurement.amount", unit.Location.CellKey);
        AssertNumber(result, "t2.a9.procurement.amount", 39340, line: 39);
        AssertNumber(result, "t4.lit_direct.corrected", 1, line: 78);
        AssertNumber(result, "t4.lit_direct.total", 1, line: 78);
    }

    [Fact]
    public void Sample003_cell_per_line_long_format_and_blanks()
    {
        ImportResult result = Import(Samples.S003);
        Assert.Equal(1, Count(result, ImportDiagnostics.LongFormatTable));
        Assert.Equal(CellState.Blank, CellOf(result, "t3.new.np").State);
        AssertNumber(result, "t3.new.tot", 0, line: 173);
        AssertNumber(result, "t2.a9.procurement.amount", 0, line: 145);
        AssertNumber(result, "t2.a1.normative.total_public", 0, line: 65);
        AssertNumber(result, "t4.lit_after_rev.total", 0, line: 453);
    }

    [Fact]
    public void Sample004_e2021_tab()
    {
        ImportResult result = Import(Samples.S004);
        AssertNumber(result, "t2.a1.admin_normative.issued", 1, line: 64);
        AssertNumber(result, "t2.a1.admin_normative.in_force", 3, line: 64);
        AssertNumber(result, "t2.a8.fee.amount", 0, line: 75);
        AssertNumber(result, "t3.r.granted.tot", 2, line: 84);
        AssertNumber(result, "t3.r.other.fee_unpaid.tot", 0, line: 105);
        AssertNumber(result, "t3.r.total.np", 2, line: 107);
        Assert.Equal(0, Count(result, ImportDiagnostics.NarrativeMismatch));
    }

    [Fact]
    public void Hongze2023_hybrid_and_h4_violated_twice()
    {
        ImportResult result = Import(Samples.Hongze2023);
        Diagnostic mismatch = Assert.Single(result.Diagnostics, d => d.Id == ImportDiagnostics.TableEditionMismatch.Id);
        Assert.Contains("the single row r.other is counted under r.other.other", mismatch.Message);
        Assert.Equal(CellState.Blank, CellOf(result, "t3.r.other.no_correction.np").State);
        Assert.Equal(CellState.Blank, CellOf(result, "t3.r.other.fee_unpaid.tot").State);
        AssertNumber(result, "t3.r.other.other.tot", 0, line: 130);
        AssertNumber(result, "t4.rev.upheld", 10, line: 149);
        AssertNumber(result, "t4.rev.total", 0, line: 149);
        AssertNumber(result, "t4.lit_after_rev.upheld", 5, line: 149);
        AssertNumber(result, "t2.a8.fee.amount", 7730.28m, line: 79);
        AssertNumber(result, "t3.r.partial.tot", 4, line: 101);
        AssertNumber(result, "t3.r.declined.confirm_reissue.tot", 0, line: 129);
        var validation = result.Edition!.Validate(result.Draft!);
        var h4 = validation.Diagnostics.Where(d => d.Id == ReportDiagnostics.IdentityViolated.Id).ToList();
        Assert.Equal(2, h4.Count);
        Assert.All(h4, d => Assert.StartsWith("H4", d.Identity));
        Assert.Contains(h4, d => d.Location.CellKey == "t4.rev.total");
        Assert.Contains(h4, d => d.Location.CellKey == "t4.lit_after_rev.total");
        Assert.All(h4, d => Assert.Equal(149, d.Location.Span.Line)); // findings point at the source line of the total
    }

    [Fact]
    public void Huaian2024_layout_text()
    {
        ImportResult result = Import(Samples.Huaian2024);
        AssertNumber(result, "t3.new.tot", 3119, line: 123);
        AssertNumber(result, "t3.carried_in.tot", 34, line: 125);
        AssertNumber(result, "t3.r.partial.tot", 454, line: 130);
        AssertNumber(result, "t3.r.declined.confirm_reissue.tot", 1, line: 176);
        AssertNumber(result, "t3.r.other.no_correction.tot", 71, line: 182);
        AssertNumber(result, "t3.r.other.fee_unpaid.tot", 6, line: 188);
        AssertNumber(result, "t3.r.other.other.tot", 110, line: 192);
        AssertNumber(result, "t3.r.total.tot", 3050, line: 194);
        AssertNumber(result, "t3.carried_out.tot", 103, line: 197);
        AssertNumber(result, "t4.rev.total", 351, line: 220);
        AssertNumber(result, "t4.lit_direct.total", 26, line: 220);
        AssertNumber(result, "t4.lit_after_rev.total", 20, line: 220);
        AssertNumber(result, "t2.a5.licensing.decisions", 447228, line: 82);
        AssertNumber(result, "t2.a8.fee.amount", 96171.6m, line: 106);
        Assert.Equal(0, Count(result, ImportDiagnostics.NarrativeMismatch));
    }

    [Fact]
    public void Narrative_mismatch_is_reported()
    {
        string text = Samples.Read(Samples.Huaian2024).Replace("申请 3119 件", "申请 3118 件").Replace("行政复议 351", "行政复议 350");
        ImportResult result = ReportImporter.Default.Import(text);
        var n = result.Diagnostics.Where(d => d.Id == ImportDiagnostics.NarrativeMismatch.Id).ToList();
        Assert.Contains(n, d => d.Identity == "N1" && d.Reported == "3118" && d.Computed == "3119");
        Assert.Contains(n, d => d.Identity == "N3" && d.Reported == "350" && d.Computed == "351");
        Assert.All(n, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void A_narrative_sum_of_granted_and_partial_is_checked_against_both_cells_not_taken_for_partial_alone()
    {
        string original = Samples.Read(Samples.Huaian2024);
        ReportCells cells = ReportImporter.Default.Import(original).Draft!.Cells;
        long sum = Value(cells, "t3.r.granted.tot") + Value(cells, "t3.r.partial.tot");
        int cut = original.IndexOf('\n') + 1;

        ImportResult agreeing = ReportImporter.Default.Import(original.Insert(cut, "其中：予以公开及部分公开" + sum + "件。\n"));
        Assert.DoesNotContain(agreeing.Diagnostics, d => d.Id == ImportDiagnostics.NarrativeMismatch.Id);

        ImportResult differing = ReportImporter.Default.Import(original.Insert(cut, "其中：予以公开和“部分公开”" + (sum + 1) + "件。\n"));
        Diagnostic mismatch = Assert.Single(differing.Diagnostics, d => d.Id == ImportDiagnostics.NarrativeMismatch.Id);
        Assert.Equal((sum + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), mismatch.Reported);
        Assert.Equal(sum.ToString(System.Globalization.CultureInfo.InvariantCulture), mismatch.Computed);
    }

    private static long Value(ReportCells cells, string key)
    {
        Assert.True(cells.Schema.TryGetCell(key, out var cell));
        return cells[cell.Ordinal].Value;
    }
}
