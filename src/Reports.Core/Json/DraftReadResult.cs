using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Reports.Core.Diagnostics;

namespace Reports.Core.Json;

/// <summary>The outcome of reading a draft from JSON: the draft when the JSON could be read, and every finding.</summary>
/// <typeparam name="TDraft">The draft type.</typeparam>
public sealed class DraftReadResult<TDraft>
    where TDraft : class
{
    /// <summary>Creates a result.</summary>
    public DraftReadResult(TDraft? draft, ImmutableArray<Diagnostic> diagnostics)
    {
        Draft = draft;
        Diagnostics = diagnostics.IsDefault ? ImmutableArray<Diagnostic>.Empty : diagnostics;
    }

    /// <summary>The draft, or null when the JSON could not be read.</summary>
    public TDraft? Draft { get; }

    /// <summary>True when the JSON could be read: <see cref="Draft"/> is not null (findings may still hold errors).</summary>
    [MemberNotNullWhen(true, nameof(Draft))]
    public bool Succeeded => Draft is not null;

    /// <summary>Findings while reading (unknown properties, malformed values, …).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
