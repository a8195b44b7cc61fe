using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;

namespace Reports.Core.Localization;

/// <summary>
/// Says which number is wrong: for a report that breaks hard identities, every minimal set of cells (up to three)
/// whose change lets every hard identity hold, with the values they need, ranked by size and plausibility
/// (Fellegi–Holt error localization, exact over the schema's integer identities). Blank, missing and unreadable
/// cells are free: the identities may fill them at no cost. The constraint system is built once per schema.
/// </summary>
public static class ErrorLocalizer
{
    /// <summary>The default and largest number of cells a candidate may change.</summary>
    public const int MaxCells = 3;

    /// <summary>Localizes the errors of <paramref name="draft"/>.</summary>
    /// <param name="draft">The report as published.</param>
    /// <param name="maxCells">The largest set of cells to consider, 1 to <see cref="MaxCells"/>.</param>
    public static LocalizationResult Localize(IReportDraft draft, int maxCells = MaxCells)
    {
        if (draft is null)
        {
            throw new ArgumentNullException(nameof(draft));
        }

        return Localize(draft.Cells, maxCells);
    }

    /// <summary>Localizes the errors of <paramref name="cells"/> (of any schema, built-in or custom).</summary>
    public static LocalizationResult Localize(ReportCells cells, int maxCells = MaxCells)
    {
        if (cells is null)
        {
            throw new ArgumentNullException(nameof(cells));
        }

        if (maxCells is < 1 or > MaxCells)
        {
            throw new ArgumentOutOfRangeException(nameof(maxCells), maxCells, "Between 1 and " + MaxCells + " cells.");
        }

        return new CandidateSearch(ConstraintSystem.For(cells.Schema), cells, maxCells).Run();
    }

    /// <summary>
    /// Solves the repair that changes exactly the cells <paramref name="ordinals"/> (no search): the values they need
    /// so that every hard identity holds, or null when these cells cannot explain the report, or when some of them
    /// would keep their value (a smaller set explains it). The reference for brute-force enumeration.
    /// </summary>
    public static RepairCandidate? TryRepair(ReportCells cells, IReadOnlyCollection<int> ordinals)
    {
        if (cells is null)
        {
            throw new ArgumentNullException(nameof(cells));
        }

        if (ordinals is null)
        {
            throw new ArgumentNullException(nameof(ordinals));
        }

        var set = new int[ordinals.Count];
        int i = 0;
        foreach (int o in ordinals)
        {
            if (o < 0 || o >= cells.Count || Array.IndexOf(set, o, 0, i) >= 0)
            {
                throw new ArgumentException("Distinct cell ordinals of the schema are required.", nameof(ordinals));
            }

            set[i++] = o;
        }

        return new CandidateSearch(ConstraintSystem.For(cells.Schema), cells, MaxCells).Repair(set);
    }

    /// <summary>
    /// The localization of <paramref name="draft"/> as findings (RC1015, info): the only explanation when it is unique,
    /// else each of the fewest-cell candidates, best first. Empty when every hard identity holds or nothing explains the report.
    /// </summary>
    public static ImmutableArray<Diagnostic> Diagnose(IReportDraft draft)
    {
        if (draft is null)
        {
            throw new ArgumentNullException(nameof(draft));
        }

        // Only the fewest-cell tier is reported: search one cell, then two, then three, and stop at the first that explains.
        LocalizationResult result = Localize(draft.Cells, 1);
        for (int size = 2; size <= MaxCells && !result.HoldsAsPublished && result.Candidates.IsEmpty; size++)
        {
            result = Localize(draft.Cells, size);
        }

        return LocalizationFindings.Create(result, draft.Cells, draft.Info?.Source);
    }
}
