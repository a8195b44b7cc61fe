using System;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>Published deviations the samples do not show, made by editing a real sample (004, E2021, tab-separated).</summary>
public sealed class VariantTests
{
    private static string Sample004 => Samples.Read(Samples.S004);

    private static ImportResult Import(string text) => ReportImporter.Default.Import(text, "variant.txt");

    private static string ReplaceOnce(string text, string from, string to)
    {
        int at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, "sample text not found: " + from);
        return text.Substring(0, at) + to + text.Substring(at + from.Length);
    }

    [Fact]
    public void RC2013_fee_amount_written_in_yuan_is_flagged_and_kept_as_written()
    {
        ImportResult result = Import(ReplaceOnce(Sample004, "行政事业性收费\t0", "行政事业性收费\t3940元"));
        Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == ReportDiagnostics.MoneyUnitMismatch.Id);
        Assert.Equal("t2.a8.fee.amount", d.Location.CellKey ?? "t2.a8.fee.amount");
        Cell fee = result.Draft!.Cells["t2.a8.fee.amount"];
        Assert.Equal("3940元", fee.Raw);
        Assert.Equal(3940m, fee.Amount);
    }

    [Fact]
    public void RC2014_unrecognised_label_between_recognised_rows_is_read_by_position_and_said()
    {
        ImportResult result = Import(ReplaceOnce(Sample004, "4. 保护第三方合法权益", "4. 某某某某某某"));
        Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == ImportDiagnostics.RowMatchedByPosition.Id);
        Assert.Contains("third_party", d.Message);
        Assert.True(result.Draft!.Cells["t3.r.withheld.third_party.np"].IsNumber);
    }

    [Fact]
    public void A_row_printed_twice_is_never_merged_silently()
    {
        string line = Sample004.Split('\n').First(l => l.Contains("予以公开", StringComparison.Ordinal) && l.Contains('\t'));
        string doubled = ReplaceOnce(Sample004, line, line + "\n" + line.Replace("\t2\t", "\t9\t", StringComparison.Ordinal));
        ImportResult result = Import(doubled);

        // One reading becomes the row, the other is quoted as the row printed twice, and the tables then disagree (H2).
        Diagnostic twice = Assert.Single(result.Diagnostics, x => x.Id == ImportDiagnostics.DuplicateRow.Id);
        Assert.Contains("|0|0|0|0|0|", twice.Message, StringComparison.Ordinal);
        Assert.Equal("r.granted", twice.Location.RowKey);
        var validation = result.Edition!.Validate(result.Draft!);
        Assert.Contains(validation.Diagnostics, x => x.Identity == "H2[np]");
    }

    [Fact]
    public void An_item_read_twice_in_a_long_format_table_is_quoted_once()
    {
        string s003 = Samples.Read(Samples.S003);
        string[] lines = s003.Split('\n');
        int at = Array.FindIndex(lines, l => l.Contains("采购项目数量", StringComparison.Ordinal));
        Assert.True(at > 0);
        // Repeat the item and its value (the next lines up to the next item) right after it.
        string block = string.Join("\n", lines.Skip(at).Take(3));
        ImportResult result = Import(ReplaceOnce(s003, block, block + "\n" + block));
        // One of the two readings is quoted as a row outside the template or read twice; nothing is merged silently.
        Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == ImportDiagnostics.DuplicateRow.Id || x.Id == ImportDiagnostics.NonStandardRow.Id);
        Assert.InRange(d.Location.Span.Line, at + 1, at + 12); // the repeated item and the item after it
        Assert.True(result.Draft!.Cells["t2.a9.procurement.projects"].IsNumber);
    }

    [Fact]
    public void A_column_heading_with_a_remark_inside_still_tells_the_edition()
    {
        ImportResult result = Import(ReplaceOnce(Sample004, "信息内容\t本年制发件数\t本年废止件数", "信息内容\t本年(2023)制发件数\t本年（2023）废止件数"));
        Diagnostic t2 = Assert.Single(result.Diagnostics, x => x.Id == ImportDiagnostics.TableEditionDetected.Id && x.Location.TableKey == "t2");
        Assert.Equal("2021", result.TableEditions["t2"]);
        Assert.Contains("本年制发件数", t2.Message);
        Assert.Contains("本年废止件数", t2.Message);
    }
}

/// <summary>Import diagnostics about the input as a whole.</summary>
public sealed class InputDiagnosticTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\u3000\n")]
    [InlineData("这不是一份年度报告。\n只有一些文字，没有表格。\n")]
    public void RC2001_input_without_any_report_table_gives_no_draft_and_says_why(string text)
    {
        ImportResult result = ReportImporter.Default.Import(text, "x.txt");
        Assert.Null(result.Draft);
        Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == ImportDiagnostics.UnreadableInput.Id);
        Assert.True(d.IsError);
        Assert.Equal("x.txt", d.Location.Source);
    }

    [Fact]
    public void RC2015_missing_title_metadata_is_reported_and_the_tables_still_read()
    {
        string s004 = Samples.Read(Samples.S004);
        int tables = s004.IndexOf("二、主动公开政府信息情况", StringComparison.Ordinal);
        ImportResult result = ReportImporter.Default.Import(s004.Substring(tables), "no-title.txt");
        Assert.NotNull(result.Draft);
        Assert.Contains(result.Diagnostics, x => x.Id == ImportDiagnostics.MetadataNotFound.Id && x.Message.Contains("agency", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, x => x.Id == ImportDiagnostics.MetadataNotFound.Id && x.Message.Contains("year", StringComparison.Ordinal));
        Assert.Equal(2021, result.Draft!.Info.Year); // no title, but the text names the year
        Assert.Equal(2, result.Draft!.Cells["t3.new.np"].Value);
    }

    [Fact]
    public void RC2016_each_table_says_which_edition_it_was_read_as_and_why()
    {
        ImportResult result = ReportImporter.Default.Import(Samples.Read(Samples.Hongze2024), "hongze-2024");
        Diagnostic t2 = Assert.Single(result.Diagnostics, x => x.Id == ImportDiagnostics.TableEditionDetected.Id && x.Location.TableKey == "t2");
        Diagnostic t3 = Assert.Single(result.Diagnostics, x => x.Id == ImportDiagnostics.TableEditionDetected.Id && x.Location.TableKey == "t3");
        Assert.Equal(DiagnosticSeverity.Info, t2.Severity);
        Assert.Contains("2021", t2.Message);
        Assert.Contains("本年制发件数", t2.Message);
        Assert.Contains("2019", t3.Message);
    }
}
