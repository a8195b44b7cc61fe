namespace Reports.Core.Diagnostics;

/// <summary>Bulk validation diagnostics (RC12xx): problems with one line of an NDJSON corpus.</summary>
public static partial class ReportDiagnostics
{
    private const string Bulk = "Bulk";

    /// <summary>RC1201: an NDJSON line names no edition, or one the validator does not know.</summary>
    public static readonly DiagnosticDescriptor BulkUnknownEdition = new(
        "RC1201", "Line has no known edition",
        "line {0}: \"edition\" is {1}; expected {2}", Bulk, DiagnosticSeverity.Error);

    /// <summary>RC1202: an NDJSON line is longer than the validator's limit; it is skipped, not read.</summary>
    public static readonly DiagnosticDescriptor BulkLineTooLong = new(
        "RC1202", "Line too long",
        "line {0} is longer than {1} bytes; it was skipped", Bulk, DiagnosticSeverity.Error);

    /// <summary>RC1203: reading or validating one NDJSON line failed unexpectedly; the line is reported and the run goes on.</summary>
    public static readonly DiagnosticDescriptor BulkLineFailed = new(
        "RC1203", "Line could not be processed",
        "line {0} could not be processed ({1}); the run went on with the next line", Bulk, DiagnosticSeverity.Error);
}
