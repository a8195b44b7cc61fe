namespace Reports.Core.Diagnostics;

/// <summary>
/// The catalog of every diagnostic the library reports. Ids are stable: RC1xxx validation and JSON,
/// RC2xxx import, RC3xxx cross-report checks, RC4xxx command line. Each is documented in docs/diagnostics.md.
/// </summary>
public static partial class ReportDiagnostics
{
    private const string Validation = "Validation";
    private const string Json = "Json";

    /// <summary>RC1001: a hard identity (H1–H4) does not hold.</summary>
    public static readonly DiagnosticDescriptor IdentityViolated = new(
        "RC1001", "Identity does not hold",
        "{0} {1} — {2}: {3} = {4}, but it should equal {5} = {6}", Validation, DiagnosticSeverity.Error);

    /// <summary>RC1002: a soft plausibility check (S1–S3) does not hold.</summary>
    public static readonly DiagnosticDescriptor SoftCheckFailed = new(
        "RC1002", "Plausibility check does not hold",
        "{0} {1} — {2}: {3} = {4}, but it should be {5} {6} = {7}", Validation, DiagnosticSeverity.Warning);

    /// <summary>RC1003: a count or amount is negative.</summary>
    public static readonly DiagnosticDescriptor NegativeValue = new(
        "RC1003", "Negative value",
        "{0} is {1}; a {2} cannot be negative", Validation, DiagnosticSeverity.Error);

    /// <summary>RC1004: a value is outside the range its cell can hold.</summary>
    public static readonly DiagnosticDescriptor ValueOutOfRange = new(
        "RC1004", "Value out of range",
        "{0} is {1}, outside the range {2} to {3}", Validation, DiagnosticSeverity.Error);

    /// <summary>RC1005: a cell holds text that is not a number.</summary>
    public static readonly DiagnosticDescriptor UnreadableCell = new(
        "RC1005", "Unreadable cell",
        "{0}: cannot read \"{1}\" as a {2}", Validation, DiagnosticSeverity.Error);

    /// <summary>RC1006: a blank part cell is counted as 0.</summary>
    public static readonly DiagnosticDescriptor BlankCountedAsZero = new(
        "RC1006", "Blank cell counted as 0",
        "{0} is blank; counted as 0 in identities", Validation, DiagnosticSeverity.Warning);

    /// <summary>RC1007: a total cell is blank; it is computed from its parts, never read as 0.</summary>
    public static readonly DiagnosticDescriptor TotalNotFilled = new(
        "RC1007", "Total not filled",
        "{0} is not filled; computed from its parts: {1}", Validation, DiagnosticSeverity.Warning);

    /// <summary>RC1008: a cell holds a not-applicable marker.</summary>
    public static readonly DiagnosticDescriptor NotApplicableMarker = new(
        "RC1008", "Not-applicable marker",
        "{0} holds the not-applicable marker \"{1}\"; {2}", Validation, DiagnosticSeverity.Warning);

    /// <summary>RC1009: cells are missing from the report; one finding per table, naming the first and the last.</summary>
    public static readonly DiagnosticDescriptor MissingCell = new(
        "RC1009", "Cells missing",
        "missing from the report: {0}", Validation, DiagnosticSeverity.Error);

    /// <summary>RC1014: identities that could not be checked because cells they add up are missing (one per table).</summary>
    public static readonly DiagnosticDescriptor IdentitiesNotChecked = new(
        "RC1014", "Identities not checked",
        "{0}: not checked, for cells missing: {1}", Validation, DiagnosticSeverity.Info);

    /// <summary>
    /// RC1015: error localization names the cells whose change lets every broken hard identity hold, with the value
    /// they need; unique or one of several candidates (a suggestion: the identity findings stay errors).
    /// </summary>
    public static readonly DiagnosticDescriptor CellLocalized = new(
        "RC1015", "Wrong cell located",
        "{0} {1} {2}; {3}", Validation, DiagnosticSeverity.Info);

    /// <summary>RC1010: a total cell is missing from the report; it is computed from its parts.</summary>
    public static readonly DiagnosticDescriptor MissingTotal = new(
        "RC1010", "Total missing",
        "{0} is missing from the report; computed from its parts: {1}", Validation, DiagnosticSeverity.Warning);

    /// <summary>RC1011: a total is not filled and cannot be computed because a part cannot be read.</summary>
    public static readonly DiagnosticDescriptor TotalNotComputable = new(
        "RC1011", "Total cannot be computed",
        "{0} is not filled and cannot be computed: a part is unreadable or missing", Validation, DiagnosticSeverity.Error);

    /// <summary>RC1012: a computed total exceeds what a cell can hold.</summary>
    public static readonly DiagnosticDescriptor DerivedOverflow = new(
        "RC1012", "Computed total out of range",
        "{0}: its parts sum to {1}, more than the cell can hold ({2})", Validation, DiagnosticSeverity.Error);

    /// <summary>RC1013: the reporting year is outside the years of the edition.</summary>
    public static readonly DiagnosticDescriptor EditionYearMismatch = new(
        "RC1013", "Edition does not match the reporting year",
        "reporting year {0} is outside the years of edition {1} ({2})", Validation, DiagnosticSeverity.Warning);

    /// <summary>RC1101: the JSON text is malformed.</summary>
    public static readonly DiagnosticDescriptor MalformedJson = new(
        "RC1101", "Malformed JSON",
        "malformed JSON at line {0}, byte {1}: {2}", Json, DiagnosticSeverity.Error);

    /// <summary>RC1102: a JSON property is not part of the edition.</summary>
    public static readonly DiagnosticDescriptor UnknownProperty = new(
        "RC1102", "Unknown property",
        "unknown property \"{0}\" (value {1}) is not part of edition {2}; it was not read", Json, DiagnosticSeverity.Warning);

    /// <summary>RC1103: a JSON cell value has the wrong shape.</summary>
    public static readonly DiagnosticDescriptor InvalidCellValue = new(
        "RC1103", "Invalid cell value",
        "{0}: expected a number, null or a cell object, found {1}", Json, DiagnosticSeverity.Error);

    /// <summary>RC1104: the edition named in JSON is unknown or does not match the type requested.</summary>
    public static readonly DiagnosticDescriptor UnknownEdition = new(
        "RC1104", "Unknown edition",
        "edition \"{0}\" is not known here; expected {1}", Json, DiagnosticSeverity.Error);

    /// <summary>RC1105: a JSON property appears twice (in the report, a row object or a cell object); both values are quoted.</summary>
    public static readonly DiagnosticDescriptor DuplicateProperty = new(
        "RC1105", "Duplicate property",
        "property \"{0}\" appears more than once (values {1} and {2}; the last one was read)", Json, DiagnosticSeverity.Error);

    /// <summary>RC1106: report metadata in JSON has the wrong type.</summary>
    public static readonly DiagnosticDescriptor InvalidMetadata = new(
        "RC1106", "Invalid metadata",
        "\"{0}\": expected {1}, found {2}", Json, DiagnosticSeverity.Error);
}
