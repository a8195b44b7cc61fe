using System;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>
/// The importer's catch-all loses one finding's worth, never the whole report (issue 13): a step made to fail through
/// the internal <see cref="ReportImporter.BeforeStep"/> hook is one RC2026 naming the step and where it threw, and every
/// other table is read exactly as without the failure.
/// </summary>
public sealed class StepFailureTests
{
    private static ReportImporter FailingAt(string step) =>
        new() { BeforeStep = s => { if (s == step) { throw new InvalidOperationException("injected failure"); } } };

    private static ReportCells CellsOf(ImportResult result) => Assert.IsAssignableFrom<IReportDraft>(result.Draft).Cells;

    [Theory]
    [InlineData("t2")]
    [InlineData("t3")]
    [InlineData("t4")]
    public void A_table_that_fails_is_one_RC2026_and_the_other_tables_are_still_read(string failing)
    {
        string text = Samples.Read(Samples.S004);
        ImportResult normal = new ReportImporter().Import(text, "004.txt");
        ImportResult result = FailingAt("table " + failing).Import(text, "004.txt");

        Diagnostic failure = Assert.Single(result.Diagnostics, d => d.Descriptor == ImportDiagnostics.ImportStepFailed);
        Assert.Equal("RC2026", failure.Id);
        Assert.True(failure.IsError);
        Assert.Equal(failing, failure.Location.TableKey);
        Assert.Contains("reading table " + failing, failure.Message);
        Assert.Contains("InvalidOperationException: injected failure", failure.Message);
        Assert.Contains("at ", failure.Message); // the frame it was thrown in
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "RC2001");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "RC2002" && d.Location.TableKey == failing); // said once, as RC2026

        // The other tables: every cell as the normal import read it; the failed table's cells are missing.
        ReportCells expected = CellsOf(normal), actual = CellsOf(result);
        Assert.Equal(normal.Edition, result.Edition);
        var schema = normal.Edition!.Schema;
        int survivors = 0;
        foreach (var cell in schema.Cells)
        {
            if (cell.TableKey == failing)
            {
                Assert.Equal(CellState.Missing, actual[cell.Ordinal].State);
            }
            else
            {
                Assert.Equal(expected[cell.Ordinal], actual[cell.Ordinal]);
                survivors += expected[cell.Ordinal].State == CellState.Number ? 1 : 0;
            }
        }

        Assert.True(survivors > 20, survivors + " numbers survive");
        Assert.Equal(normal.Draft!.Info, result.Draft!.Info);
    }

    [Theory]
    [InlineData("title", "reading the title")]
    [InlineData("headings", "finding the table headings")]
    [InlineData("cells t3", "taking the cells of table t3")]
    [InlineData("money", "checking the money units")]
    [InlineData("narrative", "reading the narrative")]
    [InlineData("narrative check", "checking the narrative against the tables")]
    public void Any_other_step_that_fails_is_one_RC2026_and_the_draft_is_still_returned(string step, string said)
    {
        string text = Samples.Read(Samples.S004);
        ImportResult normal = new ReportImporter().Import(text);
        ImportResult result = FailingAt(step).Import(text);

        Diagnostic failure = Assert.Single(result.Diagnostics, d => d.Id == "RC2026");
        Assert.Contains(said, failure.Message);
        Assert.NotNull(result.Draft);
        Assert.True(result.HasErrors);

        // t2 is read before every step but its own cells: it survives them all.
        var schema = normal.Edition!.Schema;
        foreach (var cell in schema.Cells.Where(c => c.TableKey == "t2"))
        {
            Assert.Equal(CellsOf(normal)[cell.Ordinal], CellsOf(result)[cell.Ordinal]);
        }
    }

    [Fact]
    public void A_draft_with_a_failed_step_never_becomes_a_validated_report()
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(Samples.Read(Samples.S004));
        ReportFileResult normal = ReportFile.Read(bytes, "004.txt", ".txt");
        Assert.True(normal.IsValid, string.Join("\n", normal.Diagnostics));

        // The failure of a step that loses no cell still blocks: the draft validates, the read does not.
        ReportFileResult failed = ReportFile.Read(bytes, "004.txt", ".txt", new ReportFileOptions { Importer = FailingAt("narrative check") });
        Assert.NotNull(failed.Draft);
        Assert.True(failed.Draft!.Edition.Validate(failed.Draft).IsValid);
        Assert.False(failed.IsValid);
        Assert.Null(failed.Report);
        Assert.Contains(failed.Diagnostics, d => d.Descriptor == ImportDiagnostics.ImportStepFailed);
    }
}
