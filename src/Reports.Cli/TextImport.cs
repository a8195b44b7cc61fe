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

/// <summary>Adapter over the importer (<see cref="Reports.Core.Import.ReportImporter"/>).</summary>
internal static class TextImport
{
    public static ImportOutcome Import(string text, string source)
    {
        Reports.Core.Import.ImportResult result = Reports.Core.Import.ReportImporter.Default.Import(text, source);
        return new ImportOutcome(result.Draft, result.Edition, result.TableEditions, result.Diagnostics);
    }
}
