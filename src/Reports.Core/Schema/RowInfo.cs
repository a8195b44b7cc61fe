using System.Collections.Immutable;
using System.ComponentModel;

namespace Reports.Core.Schema;

/// <summary>A row of a table as declared in the schema: a group (with <see cref="Children"/>, no cells) or a data row.</summary>
public sealed class RowInfo
{
    /// <summary>Creates row metadata (called by generated code).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RowInfo(
        string key,
        string label,
        ImmutableArray<string> aliases,
        ImmutableArray<RowInfo> children,
        ImmutableArray<ColumnInfo> columns,
        ImmutableArray<int> cells)
    {
        Key = key;
        Label = label;
        Aliases = aliases;
        Children = children;
        Columns = columns;
        Cells = cells;
    }

    /// <summary>Key path of the row within its table (empty for the single row of a one-row table or a keyless group).</summary>
    public string Key { get; }

    /// <summary>Official label, verbatim.</summary>
    public string Label { get; }

    /// <summary>Label variants seen in published reports.</summary>
    public ImmutableArray<string> Aliases { get; }

    /// <summary>Child rows of a group; empty for a data row.</summary>
    public ImmutableArray<RowInfo> Children { get; }

    /// <summary>The column tree that applies to this row (declared here, on an ancestor or on the table).</summary>
    public ImmutableArray<ColumnInfo> Columns { get; }

    /// <summary>For a data row: the cell ordinal under each leaf column in order, or -1 where the template has no cell.</summary>
    public ImmutableArray<int> Cells { get; }

    /// <summary>True for a row that carries cells.</summary>
    public bool IsData => Children.IsDefaultOrEmpty;

    /// <inheritdoc />
    public override string ToString() => Key.Length == 0 ? Label : Key + " (" + Label + ")";
}
