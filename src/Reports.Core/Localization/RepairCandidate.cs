using System.Collections.Immutable;
using System.Linq;
using Reports.Core.Schema;

namespace Reports.Core.Localization;

/// <summary>
/// One minimal explanation of a broken report: a set of cells whose change lets every hard identity hold,
/// with the values they need (when determined) and how plausible the explanation is.
/// </summary>
public sealed class RepairCandidate
{
    internal RepairCandidate(ImmutableArray<CellRepair> changes, ImmutableArray<CellRepair> filled, ImmutableArray<IdentityInfo> explains, double plausibility)
    {
        Changes = changes;
        Filled = filled;
        Explains = explains;
        Plausibility = plausibility;
    }

    /// <summary>The published numbers that change, in ordinal order (empty when filling blank cells suffices).</summary>
    public ImmutableArray<CellRepair> Changes { get; }

    /// <summary>Blank, missing or unreadable cells (free variables) whose value the repair determines.</summary>
    public ImmutableArray<CellRepair> Filled { get; }

    /// <summary>The violated hard identity instances that the changed (or filled) cells take part in.</summary>
    public ImmutableArray<IdentityInfo> Explains { get; }

    /// <summary>Number of published numbers that change.</summary>
    public int Size => Changes.Length;

    /// <summary>True when the identities determine every changed value.</summary>
    public bool IsDetermined => Changes.All(c => c.Repaired is not null);

    /// <summary>
    /// Plausibility weight (higher first among candidates of one size): typing slips (transposed, doubled or dropped
    /// digits, sign flips, row shifts) weigh most, a total is preferred over its parts, an impossible value weighs against.
    /// </summary>
    public double Plausibility { get; }

    /// <inheritdoc />
    public override string ToString() =>
        "{" + string.Join(", ", Changes.Select(c => c.Cell.Key + ": " + c.PublishedText + " → " + (c.RepairedText ?? "?"))) + "}";
}
