using System;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>Most published excerpts end mid-table or lack a table: one finding per table, never one per cell.</summary>
public sealed class PartialReportTests
{
    private static string Sample004 => Samples.Read(Samples.S004);

    private static string CutBefore(string text, string marker)
    {
        int at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at > 0, "sample text not found: " + marker);
        return text.Substring(0, at);
    }

    [Fact]
    public void RC2020_a_table_that_ends_early_is_said_once_and_its_missing_cells_are_one_error()
    {
        // Sample 004 cut after （三）5, before （三）6: Table 3 ends early, Table 4 is absent.
        ImportResult result = ReportImporter.Default.Import(CutBefore(Sample004, "6. 属于四类过程性信息"), "cut.txt");
        Diagnostic ends = Assert.Single(result.Diagnostics, d => d.Id == ImportDiagnostics.TableEndsEarly.Id);
        Assert.Equal("t3", ends.Location.TableKey);
        Assert.Contains("5.属于三类内部事务信息", ends.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Warning, ends.Severity);
        Assert.Single(result.Diagnostics, d => d.Id == ImportDiagnostics.TableNotFound.Id && d.Location.TableKey == "t4");

        var validation = result.Edition!.Validate(result.Draft!);
        var errors = validation.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(new[] { "t3", "t4" }, errors.Select(d => d.Location.TableKey).OrderBy(t => t).ToArray());
        Assert.All(errors, d => Assert.Equal(ReportDiagnostics.MissingCell.Id, d.Id));
        Assert.False(validation.IsValid);

        Diagnostic notChecked = Assert.Single(validation.Diagnostics, d => d.Id == ReportDiagnostics.IdentitiesNotChecked.Id && d.Location.TableKey == "t4");
        Assert.Contains("H4[rev]", notChecked.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Info, notChecked.Severity);
    }

    [Fact]
    public void Every_identity_whose_cells_were_all_read_is_still_checked_in_a_cut_table()
    {
        // Break H1 in row 一 (a row read whole), then cut the table: H1[new] is still reported.
        string text = CutBefore(Sample004, "6. 属于四类过程性信息");
        string line = text.Split('\n').First(l => l.StartsWith("一、本年新收", StringComparison.Ordinal));
        string row = line.TrimEnd('\t', '\r');
        string broken = row.Substring(0, row.LastIndexOf('\t')) + "\t99";
        ImportResult result = ReportImporter.Default.Import(text.Replace(line, broken, StringComparison.Ordinal), "cut.txt");
        var validation = result.Edition!.Validate(result.Draft!);
        Assert.Contains(validation.Diagnostics, d => d.Id == ReportDiagnostics.IdentityViolated.Id && d.Identity == "H1[new]");
        Assert.DoesNotContain(validation.Diagnostics, d => d.Id == ReportDiagnostics.IdentityViolated.Id && d.Identity!.StartsWith("H2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_without_year_or_title_says_so_and_still_reads_its_tables()
    {
        string tables = Sample004.Substring(Sample004.IndexOf("二、主动公开政府信息情况", StringComparison.Ordinal));
        string noYears = System.Text.RegularExpressions.Regex.Replace(tables, "20[0-9]{2}", "本");
        ImportResult result = ReportImporter.Default.Import(noYears, "excerpt.txt");
        Assert.Contains(result.Diagnostics, d => d.Id == ImportDiagnostics.MetadataNotFound.Id && d.Message.Contains("year", StringComparison.Ordinal));
        Assert.Null(result.Draft!.Info.Year);
        Assert.Null(result.Draft.Info.Agency);
        Assert.Equal(CellState.Number, result.Draft.Cells["t3.r.total.np"].State);
    }

    [Fact]
    public void Headings_without_any_table_give_a_draft_of_missing_tables_said_per_table()
    {
        const string text = "某某局2022年政府信息公开工作年度报告\n一、总体情况\n本局未收到申请。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n";
        ImportResult result = ReportImporter.Default.Import(text, "headings.txt");
        Assert.NotNull(result.Draft);
        Assert.Equal("2021", result.Edition!.Id); // from the year
        Assert.Equal(3, result.Diagnostics.Count(d => d.Id == ImportDiagnostics.TableNotFound.Id));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.Equal(3, result.Edition.Validate(result.Draft!).Diagnostics.Count(d => d.IsError));
    }

    [Theory]
    [InlineData("2022", "本年新制作数量\n本年新公开数量\n对外公开总数量", "2019")]
    [InlineData("2020", "本年制发件数\n本年废止件数\n现行有效件数", "2021")]
    public void A_table_of_labels_without_values_gives_the_edition_its_column_headings_name_over_the_year(string year, string headings, string edition)
    {
        // A page that kept the template's labels and lost every value (one label per line): the headings are the only
        // evidence of the template, and they outweigh a year that belongs to the other edition.
        string text = year + "年度某某镇政府信息公开工作年度报告\n一、总体情况\n本镇扎实推进政务公开。\n二、主动公开政府信息情况\n第二十条第(一)项\n信息内容\n"
            + headings.Replace("\\n", "\n", StringComparison.Ordinal) + "\n规章\n规范性文件\n三、收到和处理政府信息公开申请情况\n";
        ImportResult result = ReportImporter.Default.Import(text, "labels.txt");
        Assert.NotNull(result.Draft);
        Assert.Equal(edition, result.Edition!.Id);
        Assert.Equal(int.Parse(year, System.Globalization.CultureInfo.InvariantCulture), result.Draft!.Info.Year);
        Assert.DoesNotContain(Enumerable.Range(0, result.Draft.Cells.Count), k => result.Draft.Cells.StateAt(k) == CellState.Number);
    }
}

/// <summary>A table region with more values than the aligner reads says how many it left.</summary>
public sealed class RegionLimitTests
{
    [Fact]
    public void Values_beyond_the_cell_limit_of_a_region_are_reported_not_dropped()
    {
        string text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n"
            + string.Join("\n", Enumerable.Repeat("0 0 0 0 0 0 0", (Alignment.AlignmentOptions.MaxCells / 7) + 3));
        ImportResult result = ReportImporter.Default.Import(text, "big.txt");
        Diagnostic limit = Assert.Single(result.Diagnostics, d => d.Id == ImportDiagnostics.ImportLimitReached.Id && d.Location.TableKey == "t3");
        Assert.Contains("more values were not read", limit.Message, StringComparison.Ordinal);
        Assert.Equal(0, result.Draft!.Cells["t3.new.np"].Value);
    }
}
