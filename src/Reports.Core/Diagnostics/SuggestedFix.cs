using System.Collections.Immutable;
using Reports.Core.Cells;

namespace Reports.Core.Diagnostics;

/// <summary>
/// A repair a finding proposes: the cells to change and their new text, and whether it is the only explanation
/// (views show it as a fix: SARIF <c>fixes</c>, the HTML report's corrections).
/// </summary>
public sealed class SuggestedFix
{
    /// <summary>Creates a suggested fix.</summary>
    public SuggestedFix(string description, ImmutableArray<CellEdit> edits, bool isUnique)
    {
        Description = description;
        Edits = edits.IsDefault ? ImmutableArray<CellEdit>.Empty : edits;
        IsUnique = isUnique;
    }

    /// <summary>What the fix does, in words.</summary>
    public string Description { get; }

    /// <summary>The cells it changes.</summary>
    public ImmutableArray<CellEdit> Edits { get; }

    /// <summary>True when no other repair of as few cells explains the report.</summary>
    public bool IsUnique { get; }

    /// <inheritdoc />
    public override string ToString() => Description;
}

/// <summary>One cell of a <see cref="SuggestedFix"/>: its key, label and source span, the text as published and the replacement.</summary>
/// <param name="CellKey">The cell key (<c>t3.r.total.np</c>).</param>
/// <param name="Label">The cell's official label path.</param>
/// <param name="Span">Where the published text stands (default when unknown).</param>
/// <param name="Published">The text as published (the number, or <c>(blank)</c>).</param>
/// <param name="Replacement">The replacement text; null when the identities do not determine it.</param>
public readonly record struct CellEdit(string CellKey, string Label, SourceSpan Span, string Published, string? Replacement);
