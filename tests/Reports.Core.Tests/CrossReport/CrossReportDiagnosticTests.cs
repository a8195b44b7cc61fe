using System;
using System.Collections.Generic;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.CrossReport;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Reports;
using Reports.Core.Tests.Support;
using Xunit;

namespace Reports.Core.Tests.CrossReport;

/// <summary>Each cross-report diagnostic id (RC3001–RC3011) is triggered here, with its location and values checked.</summary>
public sealed class CrossReportDiagnosticTests
{
    private static IReportDraft Draft(IValidatedReport report) => report.Edition.CreateDraft(report.Info, ReportCells.FromValues(report.Edition.Schema, report.Values));

    private static IReportDraft With(IReportDraft draft, string key, Cell cell)
    {
        draft.Edition.Schema.TryGetCell(key, out var info);
        return draft.Edition.CreateDraft(draft.Info, draft.Cells.With(info.Ordinal, cell));
    }

    private static IValidatedReport WithInfo(IValidatedReport report, ReportInfo info) =>
        report.Edition.Validate(report.Edition.CreateDraft(info, ReportCells.FromValues(report.Edition.Schema, report.Values))).Report!;

    [Fact]
    public void RC3001_carry_over_across_the_2020_to_2021_edition_change_names_both_reports_and_the_column()
    {
        List<IValidatedReport> series = ConsistentSeries.Build(5, 2020, 2);
        Assert.Same(Report2019.Edition, series[0].Edition);
        Assert.Same(Report2021.Edition, series[1].Edition);
        IReportDraft current = Draft(series[1]);
        long carriedIn = current["t3.carried_in.law"].Value;
        current = With(current, "t3.carried_in.law", Cell.Number(carriedIn + 3, 0, null, new SourceSpan(88, 1, 1)));
        Diagnostic d = Assert.Single(CrossYearChecks.Check(Draft(series[0]), current));
        Assert.Equal("RC3001", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("X1[law]", d.Identity);
        Assert.Equal("t3.carried_in.law", d.Location.CellKey);
        Assert.Equal(88, d.Location.Span.Line);
        Assert.Equal((carriedIn + 3).ToString(), d.Reported);
        Assert.Equal(carriedIn.ToString(), d.Computed);
        Assert.Contains("二、上年结转政府信息公开申请数量", d.Message);
        Assert.Contains("四、结转下年度继续办理", d.Message);
        Assert.Contains("法律服务机构", d.Message);
        Assert.Contains("report-2020.json", d.Message);
        Assert.Contains("report-2021.json", d.Message);
        Assert.Equal(new[] { "t3.carried_in.law", "Y-1:t3.carried_out.law" }, d.CellKeys);
    }

    [Fact]
    public void RC3002_X3_uses_last_years_delta_and_is_a_warning()
    {
        List<IValidatedReport> series = ConsistentSeries.Build(9, 2019, 2);
        IReportDraft previous = Draft(series[0]);
        long expected = previous["t2.a6.penalty.prev_items"].Value + previous["t2.a6.penalty.delta_items"].Value;
        Assert.Equal(expected, series[1]["t2.a6.penalty.prev_items"]);
        IReportDraft current = With(Draft(series[1]), "t2.a6.penalty.prev_items", Cell.Number(expected + 1));
        Diagnostic d = Assert.Single(CrossYearChecks.Check(previous, current));
        Assert.Equal("RC3002", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("X3[a6.penalty]", d.Identity);
        Assert.Contains("2019 第二十条第（六）项 › 行政处罚 › 本年增/减", d.Message);
    }

    [Fact]
    public void RC3003_gap_names_the_missing_year()
    {
        var series = ConsistentSeries.Build(3, 2021, 4);
        series.RemoveAt(1);
        Diagnostic d = Assert.Single(ReportSeries.Check(series).Diagnostics);
        Assert.Equal("RC3003", d.Id);
        Assert.Contains("no report for 2022", d.Message);
    }

    [Fact]
    public void RC3004_two_reports_for_one_year()
    {
        var series = ConsistentSeries.Build(3, 2021, 3);
        series.Add(WithInfo(series[1], series[1].Info with { Source = "copy.json" }));
        var result = ReportSeries.Check(series);
        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal("RC3004", d.Id);
        Assert.Contains("copy.json", d.Message);
        Assert.Empty(result.Pairs);
    }

    [Fact]
    public void RC3005_report_without_year_or_agency_is_left_out()
    {
        var series = ConsistentSeries.Build(3, 2021, 2);
        series.Add(WithInfo(series[0], new ReportInfo { Agency = series[0].Info.Agency, Source = "undated.json" }));
        Diagnostic d = Assert.Single(ReportSeries.Check(series).Diagnostics);
        Assert.Equal("RC3005", d.Id);
        Assert.Equal("undated.json", d.Location.Source);

        var grouped = ReportSeries.CheckByAgency(new[] { WithInfo(series[0], new ReportInfo { Year = 2022, Source = "anon.json" }) });
        Assert.Equal("RC3005", Assert.Single(grouped.SelectMany(g => g.Diagnostics)).Id);
    }

    [Fact]
    public void RC3006_series_of_several_agencies()
    {
        var series = ConsistentSeries.Build(3, 2021, 2);
        series[1] = WithInfo(series[1], series[1].Info with { Agency = "另一个县人民政府" });
        Assert.Contains(ReportSeries.Check(series).Diagnostics, d => d.Id == "RC3006");
        Assert.Equal(2, ReportSeries.CheckByAgency(series).Length);
    }

    [Fact]
    public void RC3007_reports_of_different_editions_are_not_summed()
    {
        var result = ReportAggregation.Sum(new[] { RandomReports.Build(Report2019.Edition, 1), RandomReports.Build(Report2021.Edition, 1) });
        Assert.Null(result.Report);
        Assert.Equal("RC3007", Assert.Single(result.Diagnostics).Id);
        Assert.Equal("RC3007", Assert.Single(ReportAggregation.CheckAgainstChildren(RandomReports.Build(Report2019.Edition, 1), new[] { RandomReports.Build(Report2021.Edition, 1) })).Id);
    }

    [Fact]
    public void RC3008_sum_beyond_a_cells_range_is_an_error_never_a_wrap()
    {
        var builder = new Report2021Builder();
        builder.ActiveDisclosure.Item5.Licensing.Decisions = int.MaxValue;
        Report2021 big = builder.Build().Report!;
        var result = ReportAggregation.Sum(new[] { big, big });
        Assert.Null(result.Report);
        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal("RC3008", d.Id);
        Assert.Equal("t2.a5.licensing.decisions", d.Location.CellKey);
        Assert.Equal("4294967294", d.Computed);

        var drafts = ReportAggregation.SumDrafts(new[] { big.ToDraft(), big.ToDraft() });
        Assert.Equal("RC3008", Assert.Single(drafts.Diagnostics).Id);
    }

    [Fact]
    public void RC3009_unreadable_part_cell_makes_that_cell_of_the_sum_unknown()
    {
        IReportDraft a = Draft(RandomReports.Build(Report2021.Edition, 1));
        IReportDraft b = With(Draft(RandomReports.Build(Report2021.Edition, 2)) , "t4.rev.upheld", Cell.Text("十二"));
        DraftSumResult sum = ReportAggregation.SumDrafts(new[] { a, b });
        Diagnostic d = Assert.Single(sum.Diagnostics);
        Assert.Equal("RC3009", d.Id);
        Assert.Equal("t4.rev.upheld", d.Location.CellKey);
        Assert.Contains("十二", d.Message);
        Assert.Equal(CellState.Text, sum.Draft!["t4.rev.upheld"].State);
        Assert.False(sum.Draft.Edition.Validate(sum.Draft).IsValid);
    }

    [Fact]
    public void RC3010_parent_differs_from_its_children()
    {
        var children = new[] { RandomReports.Build(Report2021.Edition, 1), RandomReports.Build(Report2021.Edition, 2) };
        var builder = new Report2021Builder { Info = new ReportInfo { Agency = "某市", Year = 2022, Source = "city.json" } };
        foreach (var cell in Report2021.Schema.Cells.Where(c => !c.IsDerived))
        {
            builder.Set(cell.Key, (decimal)(children[0].Values[cell.Ordinal] + children[1].Values[cell.Ordinal]) / (decimal)Math.Pow(10, cell.Scale));
        }

        builder.Set("t2.a6.coercion.decisions", children[0]["t2.a6.coercion.decisions"] + children[1]["t2.a6.coercion.decisions"] + 2);
        Diagnostic d = Assert.Single(ReportAggregation.CheckAgainstChildren(builder.Build().Report!, children));
        Assert.Equal("RC3010", d.Id);
        Assert.Equal("t2.a6.coercion.decisions", d.Location.CellKey);
        Assert.Equal("city.json", d.Location.Source);
        Assert.Equal(long.Parse(d.Computed!) + 2, long.Parse(d.Reported!));
        Assert.Contains("2 children", d.Message);
    }

    [Fact]
    public void RC3011_pair_that_is_not_consecutive_is_not_compared()
    {
        var series = ConsistentSeries.Build(3, 2021, 3);
        Diagnostic d = Assert.Single(CrossYearChecks.Check(series[0], series[2]));
        Assert.Equal("RC3011", d.Id);
    }
}
