using System;
using System.IO;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.CrossReport;
using Reports.Core.Diagnostics;
using Reports.Core.Import;
using Reports.Core.Reports;
using Xunit;

namespace Reports.Core.Tests.CrossReport;

/// <summary>
/// The published pair 洪泽区人民政府 2023 → 2024 (samples/hongze-*.txt, spec §10.1): X1 holds (0 → 0 in every column)
/// and X2 holds (行政规范性文件 5 + 3 − 0 = 8). Neither report validates as imported (2023 breaks H4 twice; 2024's
/// hybrid Table 3 leaves the 2021 （六） sub-rows missing), so the checks run on the drafts' published numbers.
/// </summary>
public sealed class HongzeFixtureTests
{
    private static IReportDraft Import(string name)
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", name));
        return ReportImporter.Default.Import(text, name).Draft!;
    }

    private static readonly IReportDraft Y2023 = Import("hongze-2023-pdftotext.txt");
    private static readonly IReportDraft Y2024 = Import("hongze-2024-pdftotext.txt");

    [Fact]
    public void The_cells_of_X1_and_X2_are_read_as_published()
    {
        Assert.Equal(2023, Y2023.Info.Year);
        Assert.Equal(2024, Y2024.Info.Year);
        foreach (string column in new[] { "np", "biz", "res", "ngo", "law", "oth", "tot" })
        {
            Assert.True(Y2023["t3.carried_out." + column].IsNumber, column);
            Assert.Equal(0, Y2023["t3.carried_out." + column].Value);
            Assert.True(Y2024["t3.carried_in." + column].IsNumber, column);
            Assert.Equal(0, Y2024["t3.carried_in." + column].Value);
        }

        Assert.Equal(5, Y2023["t2.a1.admin_normative.in_force"].Value);
        Assert.Equal(3, Y2024["t2.a1.admin_normative.issued"].Value);
        Assert.Equal(0, Y2024["t2.a1.admin_normative.repealed"].Value);
        Assert.Equal(8, Y2024["t2.a1.admin_normative.in_force"].Value);

        // 规章: published as numbers too, so X2[regulation] is checked, not skipped.
        Assert.All(new[] { Y2023["t2.a1.regulation.in_force"], Y2024["t2.a1.regulation.issued"], Y2024["t2.a1.regulation.repealed"], Y2024["t2.a1.regulation.in_force"] }, c => Assert.True(c.IsNumber));
        Assert.Equal(
            Y2023["t2.a1.regulation.in_force"].Value + Y2024["t2.a1.regulation.issued"].Value - Y2024["t2.a1.regulation.repealed"].Value,
            Y2024["t2.a1.regulation.in_force"].Value);
    }

    [Fact]
    public void X1_and_X2_hold_from_2023_to_2024()
    {
        Assert.Empty(CrossYearChecks.Check(Y2023, Y2024));
        SeriesCheckResult series = ReportSeries.Check(new[] { Y2024, Y2023 });
        Assert.Empty(series.Diagnostics);
        Assert.Equal(new[] { (2023, 2024) }, series.Pairs);
    }

    [Fact]
    public void The_two_names_of_the_agency_are_one_series()
    {
        // 2023 is signed 洪泽区人民政府, 2024 淮安市洪泽区人民政府.
        Assert.True(ReportSeries.SameAgency(Y2023.Info.Agency, Y2024.Info.Agency));
        Assert.False(ReportSeries.SameAgency("人民政府", "洪泽区人民政府"));
        SeriesCheckResult only = Assert.Single(ReportSeries.CheckByAgency(new[] { Y2023, Y2024 }));
        Assert.Empty(only.Diagnostics);
        Assert.Single(only.Pairs);
    }

    [Fact]
    public void Changing_the_2024_in_force_count_breaks_X2_with_its_line_and_both_reports_named()
    {
        var cell = Y2024.Cells["t2.a1.admin_normative.in_force"];
        Y2024.Edition.Schema.TryGetCell("t2.a1.admin_normative.in_force", out var info);
        IReportDraft changed = Y2024.Edition.CreateDraft(Y2024.Info, Y2024.Cells.With(info.Ordinal, Cell.Number(9, 0, "9", cell.Span)));
        Diagnostic d = Assert.Single(CrossYearChecks.Check(Y2023, changed));
        Assert.Equal("RC3002", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("X2[admin_normative]", d.Identity);
        Assert.Equal("9", d.Reported);
        Assert.Equal("8", d.Computed);
        Assert.Equal(cell.Span.Line, d.Location.Span.Line);
        Assert.True(d.Location.Span.IsKnown);
        Assert.Contains("hongze-2023-pdftotext.txt", d.Message, StringComparison.Ordinal);
        Assert.Contains("hongze-2024-pdftotext.txt", d.Message, StringComparison.Ordinal);
        Assert.Contains("现行有效件数", d.Message, StringComparison.Ordinal);
    }
}
