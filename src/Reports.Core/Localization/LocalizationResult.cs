using System.Collections.Immutable;
using Reports.Core.Schema;

namespace Reports.Core.Localization;

/// <summary>
/// What <see cref="ErrorLocalizer"/> found: the violated hard identity instances and every minimal set of cells (up to
/// <see cref="MaxSize"/>) whose change lets all of them hold, ranked by size, then plausibility.
/// </summary>
public sealed class LocalizationResult
{
    internal LocalizationResult(ReportSchema schema, ImmutableArray<IdentityInfo> violated, ImmutableArray<RepairCandidate> candidates, int maxSize, int examined)
    {
        Schema = schema;
        Violated = violated;
        Candidates = candidates;
        MaxSize = maxSize;
        Examined = examined;
    }

    /// <summary>The schema of the report.</summary>
    public ReportSchema Schema { get; }

    /// <summary>Hard identity instances that do not hold as published (blank, missing and unreadable cells read as 0).</summary>
    public ImmutableArray<IdentityInfo> Violated { get; }

    /// <summary>The minimal repairs, best first: fewer cells first, then more plausible.</summary>
    public ImmutableArray<RepairCandidate> Candidates { get; }

    /// <summary>The largest set of cells searched.</summary>
    public int MaxSize { get; }

    /// <summary>Number of cell sets whose repair was solved (a measure of the work done).</summary>
    public int Examined { get; }

    /// <summary>True when every hard identity holds as published: nothing to localize.</summary>
    public bool HoldsAsPublished => Violated.IsEmpty;

    /// <summary>The best candidate, or null when no set of up to <see cref="MaxSize"/> cells explains the report.</summary>
    public RepairCandidate? Best => Candidates.IsEmpty ? null : Candidates[0];

    /// <summary>
    /// True when exactly one candidate has the fewest cells and its values are determined: the localization names the
    /// wrong cells and their values. Otherwise it is ambiguous (or there is none) and the candidates must be shown.
    /// </summary>
    public bool IsUnique => Candidates.Length > 0 && Candidates[0].IsDetermined && (Candidates.Length == 1 || Candidates[1].Size > Candidates[0].Size);
}
