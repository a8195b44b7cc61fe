using System.Collections.Generic;
using System.ComponentModel;
using Reports.Core.Reports;
using Reports.Core.Validation;

namespace Reports.Core.Infrastructure;

/// <summary>
/// Collects the identity instances that do not hold, with both sides' sums. Generated identity code
/// calls <see cref="Add"/> only on a violation, so a report that holds costs nothing here.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class IdentityFindings
{
    private List<IdentityFinding>? _items;

    /// <summary>Records that instance <paramref name="identity"/> does not hold.</summary>
    public void Add(int identity, long left, long right) => (_items ??= new List<IdentityFinding>()).Add(new IdentityFinding(identity, left, right));

    /// <summary>The findings, in the order the identities were checked.</summary>
    public IReadOnlyList<IdentityFinding> Items => (IReadOnlyList<IdentityFinding>?)_items ?? System.Array.Empty<IdentityFinding>();

    /// <summary>Number of findings.</summary>
    public int Count => _items?.Count ?? 0;

    /// <summary>Forgets every finding so the instance can be reused (bulk validation keeps one per thread).</summary>
    public void Clear() => _items?.Clear();
}

/// <summary>One identity instance that does not hold: the sums of its left and right sides.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct IdentityFinding(int Identity, long Left, long Right);
