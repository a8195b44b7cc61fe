namespace Reports.Core.Diagnostics;

/// <summary>
/// The one reading diagnostic the core library raises itself (RC2013, when a JSON cell's text names another money unit);
/// every other RC2xxx id, and RC4001/RC4002, belong to the importer (<c>Reports.Core.Import.ImportDiagnostics</c>).
/// </summary>
public static partial class ReportDiagnostics
{
    private const string Import = "Import";

    /// <summary>RC2013: a money amount written in another unit than the template's (S5, E2021 收费金额 in 元).</summary>
    public static readonly DiagnosticDescriptor MoneyUnitMismatch = new(
        "RC2013", "Money amount in an unexpected unit",
        "{0} is \"{1}\", written in {2}, but the template's unit is {3} (S5); the number was kept as written", Import, DiagnosticSeverity.Warning);
}
