namespace Reports.Core.Diagnostics;

/// <summary>Command-line diagnostics (RC4xxx): problems with the inputs given to <c>reports-check</c>.</summary>
public static partial class ReportDiagnostics
{
    private const string CommandLine = "CommandLine";

    /// <summary>RC4001: a path given on the command line does not exist.</summary>
    public static readonly DiagnosticDescriptor InputNotFound = new(
        "RC4001", "Input not found",
        "{0}: no such file or folder", CommandLine, DiagnosticSeverity.Error);

    /// <summary>RC4002: an input exists but cannot be read (I/O error, access denied).</summary>
    public static readonly DiagnosticDescriptor InputUnreadable = new(
        "RC4002", "Input cannot be read",
        "{0}: cannot be read: {1}", CommandLine, DiagnosticSeverity.Error);

    /// <summary>RC4003: a folder given on the command line holds no file at all.</summary>
    public static readonly DiagnosticDescriptor NoReportFiles = new(
        "RC4003", "No report files in folder",
        "{0}: no files found (every file of a folder is checked)", CommandLine, DiagnosticSeverity.Error);

}
