using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;
using Reports.Core.Schema;

namespace Reports.Core.Localization;

/// <summary>Turns a localization into RC1015 findings, in the template's words, each with its suggested fix.</summary>
internal static class LocalizationFindings
{
    /// <summary>At most this many ambiguous candidates are reported (best first); the message says how many there are.</summary>
    public const int MaxShown = 5;

    public static ImmutableArray<Diagnostic> Create(LocalizationResult result, ReportCells cells, string? source)
    {
        if (result.HoldsAsPublished || result.Candidates.IsEmpty)
        {
            return ImmutableArray<Diagnostic>.Empty;
        }

        int size = result.Candidates[0].Size;
        // A repair that changes no number and determines no blank or missing cell names no cell: nothing to say (the
        // identities wait on cells the report leaves open).
        RepairCandidate[] tier = result.Candidates.TakeWhile(c => c.Size == size).Where(c => c.Size > 0 || c.Filled.Length > 0).ToArray();
        bool unique = result.IsUnique;
        var findings = ImmutableArray.CreateBuilder<Diagnostic>();
        for (int i = 0; i < tier.Length && i < MaxShown; i++)
        {
            findings.Add(Create(tier[i], i, tier.Length, unique, cells, source));
        }

        return findings.ToImmutable();
    }

    private static Diagnostic Create(RepairCandidate candidate, int rank, int count, bool unique, ReportCells cells, string? source)
    {
        List<CellRepair> shown = candidate.Size > 0 ? candidate.Changes.ToList() : candidate.Filled.ToList();
        string who = Join(shown.Select(c => c.Cell.Label).ToList());
        bool one = shown.Count == 1;
        string role = candidate.Size == 0
            ? (one ? "is not a number; filling it" : "are not numbers; filling them") + (unique ? " is the only repair that explains" : " explains")
            : unique
                ? (one ? "is the only cell that explains" : "are the only " + shown.Count.ToString(CultureInfo.InvariantCulture) + " cells that together explain")
                : (one ? "is" : "are") + " candidate " + (rank + 1).ToString(CultureInfo.InvariantCulture) + " of " + count.ToString(CultureInfo.InvariantCulture)
                  + (one ? " that explains" : " that together explain");
        string identities = string.Join(", ", candidate.Explains.Select(i => i.Name));
        string values = one
            ? Values(shown[0])
            : string.Join("; ", shown.Select(c => c.Cell.Label + ": " + Values(c)));

        CellRepair first = shown[0];
        SourceSpan span = cells.SpanAt(first.Cell.Ordinal);
        DiagnosticLocation location = DiagnosticLocation.ForCell(first.Cell, span, source);
        var edits = shown
            .Select(c => new CellEdit(c.Cell.Key, c.Cell.Label, cells.SpanAt(c.Cell.Ordinal), c.PublishedText, c.RepairedText))
            .ToImmutableArray();
        string description = string.Join("; ", shown.Select(c => c.RepairedText is null ? c.Cell.Label + ": not determined" : c.Cell.Label + " = " + c.RepairedText));
        var fix = new SuggestedFix(description, edits, unique);
        return Diagnostic.Create(
            ReportDiagnostics.CellLocalized, DiagnosticSeverity.Info, location, null,
            shown.Select(c => c.Cell.Key).ToImmutableArray(), first.PublishedText, first.RepairedText,
            who, role, identities, values).WithFix(fix);
    }

    private static string Values(CellRepair repair)
    {
        if (repair.RepairedText is not string repaired)
        {
            return "the identities do not determine its value (" + repair.PublishedText + " published)";
        }

        string slip = Plausibility.Describe(repair.Error);
        return repaired + " expected, " + repair.PublishedText + " published" + (slip.Length == 0 ? string.Empty : " (" + slip + ")");
    }

    private static string Join(List<string> labels) => labels.Count switch
    {
        1 => labels[0],
        2 => labels[0] + " and " + labels[1],
        _ => string.Join(", ", labels.Take(labels.Count - 1)) + " and " + labels[labels.Count - 1],
    };
}
