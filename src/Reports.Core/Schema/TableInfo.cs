using System.Collections.Immutable;
using System.ComponentModel;

namespace Reports.Core.Schema;

/// <summary>A table of an edition, with its row tree.</summary>
public sealed class TableInfo
{
    /// <summary>Creates table metadata (called by generated code).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public TableInfo(string key, string name, string label, string? note, ImmutableArray<RowInfo> rows)
    {
        Key = key;
        Name = name;
        Label = label;
        Note = note;
        Rows = rows;
    }

    /// <summary>Table key, e.g. <c>t3</c>.</summary>
    public string Key { get; }

    /// <summary>C# name of the table's property.</summary>
    public string Name { get; }

    /// <summary>Official heading, verbatim.</summary>
    public string Label { get; }

    /// <summary>The note printed in the table (Table 3's 勾稽关系 note), if any.</summary>
    public string? Note { get; }

    /// <summary>Top-level rows (a tree).</summary>
    public ImmutableArray<RowInfo> Rows { get; }

    /// <inheritdoc />
    public override string ToString() => Key + " (" + Label + ")";
}
