using System.Collections.Generic;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Import.Alignment;

namespace Reports.Core.Import.Matching;

/// <summary>A raw value assigned to a cell key, with where it stands; inferred when split from glued digits.</summary>
internal readonly record struct RawValue(string Text, SourceSpan Span, bool Inferred = false);

/// <summary>What one table region reads as against one edition's template: values by cell key, and the findings.</summary>
internal sealed class TableReading
{
    public TableReading(TableAlignment alignment)
    {
        Alignment = alignment;
        int cells = 0;
        foreach (AlignedRow row in alignment.Rows)
        {
            cells += row.Target.Columns.Length;
        }

        Values = new Dictionary<string, RawValue>(cells, System.StringComparer.Ordinal); // one entry per cell of the rows read
    }

    public TableAlignment Alignment { get; }

    public TableTargets Targets => Alignment.Targets;

    public string TableKey => Targets.Table.Key;

    public string Edition => Targets.Schema.Edition;

    /// <summary>Values by cell key of <see cref="Edition"/>.</summary>
    public Dictionary<string, RawValue> Values { get; }

    /// <summary>Data-row paths read, in template order.</summary>
    public List<string> MatchedRows { get; } = new();

    /// <summary>Findings of the reading.</summary>
    public List<Diagnostic> Diagnostics { get; } = new();

    /// <summary>Rows read, or glued runs taken for rows.</summary>
    public int RowsRead => Alignment.Rows.Count;
}
