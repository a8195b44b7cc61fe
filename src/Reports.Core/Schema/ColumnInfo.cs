using System.Collections.Immutable;
using System.ComponentModel;

namespace Reports.Core.Schema;

/// <summary>A column of a table as declared in the schema: a group (with <see cref="Children"/>) or a leaf.</summary>
public sealed class ColumnInfo
{
    /// <summary>Creates column metadata (called by generated code).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ColumnInfo(string key, string label, ImmutableArray<string> aliases, ImmutableArray<ColumnInfo> children)
    {
        Key = key;
        Label = label;
        Aliases = aliases;
        Children = children;
    }

    /// <summary>Key path of the column (empty for a group without a key).</summary>
    public string Key { get; }

    /// <summary>Official label, verbatim.</summary>
    public string Label { get; }

    /// <summary>Label variants seen in published reports.</summary>
    public ImmutableArray<string> Aliases { get; }

    /// <summary>Sub-columns of a group; empty for a leaf.</summary>
    public ImmutableArray<ColumnInfo> Children { get; }

    /// <summary>True for a leaf column, which carries cells.</summary>
    public bool IsLeaf => Children.IsDefaultOrEmpty;

    /// <inheritdoc />
    public override string ToString() => Key.Length == 0 ? Label : Key + " (" + Label + ")";
}
