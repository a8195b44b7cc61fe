using System.Collections.Generic;
using System.Collections.Immutable;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;

namespace Reports.Cli;

/// <summary>What the importer returned for one text or HTML report.</summary>
internal sealed record ImportOutcome(
    IReportDraft? Draft,
    ReportEdition? Edition,
    IReadOnlyDictionary<string, string>? TableEditions,
    ImmutableArray<Diagnostic> Diagnostics);

/// <summary>Adapter over the importer (<c>Reports.Core.Import.ReportImporter</c>).</summary>
internal static class TextImport
{
    public static ImportOutcome Import(string text, string source)
    {
        _ = text;
        return new ImportOutcome(null, null, null, ImmutableArray.Create(
            Diagnostic.Create(ReportDiagnostics.ImporterUnavailable, new DiagnosticLocation { Source = source }, source)));
    }
}
