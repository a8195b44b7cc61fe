using Reports.Core.Diagnostics;

namespace Reports.Cli;

/// <summary>
/// Findings only the command line raises (RC4003 onwards): about the folders it is given, the accepted-findings file and
/// what <c>sum</c> was given. RC4001/RC4002 (a file that cannot be found or read) are the importer's
/// (<see cref="Reports.Core.Import.ImportDiagnostics"/>).
/// Every id is documented in docs/diagnostics.md.
/// </summary>
public static class CliDiagnostics
{
    private const string CommandLine = "CommandLine";

    /// <summary>RC4003: a folder given on the command line holds no file at all.</summary>
    public static readonly DiagnosticDescriptor NoReportFiles = new(
        "RC4003", "No report files in folder",
        "{0}: no files found (every file of a folder is checked)", CommandLine, DiagnosticSeverity.Error);

    /// <summary>RC4004: an entry of the accepted-findings file matches no current finding.</summary>
    public static readonly DiagnosticDescriptor StaleBaselineEntry = new(
        "RC4004", "Accepted finding no longer occurs",
        "accepted finding {0} for {1} ({2}) matches nothing any more; remove it from the baseline", CommandLine, DiagnosticSeverity.Warning);

    /// <summary>RC4005: the accepted-findings file cannot be used.</summary>
    public static readonly DiagnosticDescriptor BadBaseline = new(
        "RC4005", "Accepted-findings file cannot be used",
        "{0}: not an accepted-findings file: {1}", CommandLine, DiagnosticSeverity.Error);

    /// <summary>RC4006: the parts of a sum are of different agencies.</summary>
    public static readonly DiagnosticDescriptor SumAgenciesDiffer = new(
        "RC4006", "Parts of a sum differ in agency",
        "the parts summed are of {0} agencies: {1}; check that they belong together", CommandLine, DiagnosticSeverity.Warning);

    /// <summary>RC4007: the parts of a sum are of different reporting years.</summary>
    public static readonly DiagnosticDescriptor SumYearsDiffer = new(
        "RC4007", "Parts of a sum differ in year",
        "the parts summed are of different years: {0}; the aggregate has no year", CommandLine, DiagnosticSeverity.Warning);
}
