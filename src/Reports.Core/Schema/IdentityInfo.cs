using System.Collections.Immutable;
using System.ComponentModel;
using Reports.Core.Diagnostics;

namespace Reports.Core.Schema;

/// <summary>
/// One applied instance of a schema identity, e.g. H1 on row 一、本年新收政府信息公开申请数量:
/// Σ <see cref="Left"/> relates to Σ <see cref="Right"/>.
/// </summary>
public sealed class IdentityInfo
{
    /// <summary>Creates identity metadata (called by generated code).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IdentityInfo(
        int index,
        string id,
        string title,
        string tableKey,
        string scopeKey,
        string scopeLabel,
        ImmutableArray<int> left,
        ImmutableArray<int> right,
        IdentityRelation relation,
        DiagnosticSeverity severity,
        bool isSummation)
    {
        Index = index;
        Id = id;
        Title = title;
        TableKey = tableKey;
        ScopeKey = scopeKey;
        ScopeLabel = scopeLabel;
        Left = left;
        Right = right;
        Relation = relation;
        Severity = severity;
        IsSummation = isSummation;
    }

    /// <summary>Position in <see cref="ReportSchema.Identities"/>.</summary>
    public int Index { get; }

    /// <summary>The schema identity id (H1, H2, …).</summary>
    public string Id { get; }

    /// <summary>The identity in words.</summary>
    public string Title { get; }

    /// <summary>The table the identity applies to.</summary>
    public string TableKey { get; }

    /// <summary>Which row or column this instance applies to (a key path), e.g. <c>new</c> or <c>tot</c>.</summary>
    public string ScopeKey { get; }

    /// <summary>Official label of the row or column this instance applies to.</summary>
    public string ScopeLabel { get; }

    /// <summary>Cell ordinals of the left side (for a summation: the total alone).</summary>
    public ImmutableArray<int> Left { get; }

    /// <summary>Cell ordinals of the right side (for a summation: the parts).</summary>
    public ImmutableArray<int> Right { get; }

    /// <summary>How the sides relate.</summary>
    public IdentityRelation Relation { get; }

    /// <summary>Error for hard identities, warning for soft checks.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>True when <see cref="Left"/> is a single total cell and <see cref="Right"/> its parts.</summary>
    public bool IsSummation { get; }

    /// <summary>Stable name of this instance, e.g. <c>H1[new]</c>.</summary>
    public string Name => Id + "[" + ScopeKey + "]";

    /// <summary>True when the instance involves the cell with <paramref name="ordinal"/>.</summary>
    public bool Contains(int ordinal) => Left.Contains(ordinal) || Right.Contains(ordinal);

    /// <inheritdoc />
    public override string ToString() => Name + " " + Title;
}
