using System.Collections.Immutable;
using System.ComponentModel;

namespace Reports.Core.Schema;

/// <summary>
/// A number the narrative states (spec §9.4, N1–N3), declared in the schema's <c>statements</c>: the patterns that find
/// it (regular expressions whose one group is the number, over the narrative with white space removed), the cells whose
/// sum it must equal, and the statements that may follow it within the same clause (e.g. the outcomes of 行政复议).
/// </summary>
public sealed class StatementInfo
{
    /// <summary>Creates the statement (called by generated code).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public StatementInfo(string id, string title, ImmutableArray<string> patterns, ImmutableArray<int> cells, ImmutableArray<StatementInfo> details)
    {
        Id = id;
        Title = title;
        Patterns = patterns.IsDefault ? ImmutableArray<string>.Empty : patterns;
        Cells = cells.IsDefault ? ImmutableArray<int>.Empty : cells;
        Details = details.IsDefault ? ImmutableArray<StatementInfo>.Empty : details;
    }

    /// <summary>The check's id, e.g. <c>N1</c>.</summary>
    public string Id { get; }

    /// <summary>What is stated, e.g. <c>applications received</c> or <c>予以公开</c>.</summary>
    public string Title { get; }

    /// <summary>Regular expressions (culture-invariant) whose one group is the number stated; the first that matches is taken.</summary>
    public ImmutableArray<string> Patterns { get; }

    /// <summary>Ordinals of the cells whose sum the number must equal.</summary>
    public ImmutableArray<int> Cells { get; }

    /// <summary>Statements looked for in the rest of the clause after this one.</summary>
    public ImmutableArray<StatementInfo> Details { get; }
}
