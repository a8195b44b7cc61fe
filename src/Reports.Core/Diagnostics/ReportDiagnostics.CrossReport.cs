namespace Reports.Core.Diagnostics;

/// <summary>
/// Cross-report diagnostics (RC3xxx): checks between one agency's reports of consecutive years (spec §9.2, X1–X3),
/// placing reports in a series, and sums of reports (aggregation). Raised by
/// <see cref="CrossReport.CrossYearChecks"/>, <see cref="CrossReport.ReportSeries"/> and <see cref="CrossReport.ReportAggregation"/>.
/// </summary>
public static partial class ReportDiagnostics
{
    private const string CrossReportCategory = "CrossReport";

    /// <summary>RC3001: a hard cross-year identity (X1: 上年结转 = last year's 结转下年度) does not hold.</summary>
    public static readonly DiagnosticDescriptor CrossYearIdentityViolated = new(
        "RC3001", "Cross-year identity does not hold",
        "{0} {1}: {2} = {3}, but it should equal {4} = {5} (this year: {6}; last year: {7})", CrossReportCategory, DiagnosticSeverity.Error);

    /// <summary>RC3002: a soft cross-year check (X2 现行有效件数, X3 上一年项目数量) does not hold.</summary>
    public static readonly DiagnosticDescriptor CrossYearCheckFailed = new(
        "RC3002", "Cross-year check does not hold",
        "{0} {1}: {2} = {3}, but it should equal {4} = {5} (this year: {6}; last year: {7})", CrossReportCategory, DiagnosticSeverity.Warning);

    /// <summary>RC3003: a series of one agency's reports lacks one or more years; the reports around the gap are not compared.</summary>
    public static readonly DiagnosticDescriptor SeriesGap = new(
        "RC3003", "Year missing from a series",
        "{0}: no report for {1}; {2} and {3} are not compared", CrossReportCategory, DiagnosticSeverity.Warning);

    /// <summary>RC3004: a series holds more than one report for one year; that year is not compared.</summary>
    public static readonly DiagnosticDescriptor SeriesDuplicateYear = new(
        "RC3004", "More than one report for a year",
        "{0}: {1} reports for {2} ({3}); that year is not compared with its neighbours", CrossReportCategory, DiagnosticSeverity.Warning);

    /// <summary>RC3005: a report cannot be placed in a series because its reporting year or agency is not known.</summary>
    public static readonly DiagnosticDescriptor SeriesReportNotPlaced = new(
        "RC3005", "Report cannot be placed in a series",
        "{0}: the {1} is not known; the report is left out of the cross-year checks", CrossReportCategory, DiagnosticSeverity.Warning);

    /// <summary>RC3006: a series given as one agency's holds reports of several agencies.</summary>
    public static readonly DiagnosticDescriptor SeriesMixedAgencies = new(
        "RC3006", "Series mixes agencies",
        "the series holds reports of {0} agencies ({1}); carry-over between different agencies is not expected to hold", CrossReportCategory, DiagnosticSeverity.Warning);

    /// <summary>RC3007: reports of different editions cannot be summed or compared cell by cell.</summary>
    public static readonly DiagnosticDescriptor EditionsDiffer = new(
        "RC3007", "Editions differ",
        "{0} follows edition {1}, but {2} follows edition {3}; reports of different editions cannot be added cell by cell", CrossReportCategory, DiagnosticSeverity.Error);

    /// <summary>RC3008: a cell of a sum exceeds what the cell can hold; the sum is never wrapped silently.</summary>
    public static readonly DiagnosticDescriptor SumOutOfRange = new(
        "RC3008", "Sum out of range",
        "{0}: the parts sum to {1}, outside the range {2} to {3}", CrossReportCategory, DiagnosticSeverity.Error);

    /// <summary>RC3009: a part cell of a sum of drafts holds no number (text or missing), so the sum of that cell is not known.</summary>
    public static readonly DiagnosticDescriptor SumPartUnreadable = new(
        "RC3009", "Part cell cannot be summed",
        "{0}: {1} holds {2}, so the sum of this cell is not known", CrossReportCategory, DiagnosticSeverity.Error);

    /// <summary>RC3010: a cell of a parent report differs from the sum of its children's.</summary>
    public static readonly DiagnosticDescriptor ParentDisagreesWithChildren = new(
        "RC3010", "Parent differs from the sum of its children",
        "{0}: {1} reports {2}, but its {3} children sum to {4}", CrossReportCategory, DiagnosticSeverity.Error);

    /// <summary>RC3011: two reports given as consecutive years have known years that are not consecutive; they are not compared.</summary>
    public static readonly DiagnosticDescriptor NotConsecutiveYears = new(
        "RC3011", "Reports are not of consecutive years",
        "{0} and {1} are not reports of consecutive years; the cross-year checks are skipped", CrossReportCategory, DiagnosticSeverity.Warning);
}
