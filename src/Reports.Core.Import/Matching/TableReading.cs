using System.Collections.Generic;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;

namespace Reports.Core.Import.Matching;

/// <summary>A raw value assigned to a cell key, with where it stands.</summary>
internal readonly record struct RawValue(string Text, SourceSpan Span, bool Inferred = false);

/// <summary>What the matcher read from one table against one edition's template.</summary>
internal sealed class TableReading
{
    public TableReading(TableTargets targets)
    {
        Targets = targets;
    }

    public TableTargets Targets { get; }

    public string TableKey => Targets.Table.Key;

    public string Edition => Targets.Schema.Edition;

    /// <summary>Values by cell key. Keys of group rows (another edition's data row) are not in this edition's schema.</summary>
    public Dictionary<string, RawValue> Values { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Group rows that carried values (path → source line).</summary>
    public Dictionary<string, int> ValuedGroups { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Data-row paths that were matched.</summary>
    public HashSet<string> MatchedRows { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Value rows read in the zone.</summary>
    public int ValueRows { get; set; }

    /// <summary>Sum of the label scores of the alignment (higher is a better fit).</summary>
    public double Score { get; set; }

    /// <summary>True when Table 2 was read in long format.</summary>
    public bool LongFormat { get; set; }

    /// <summary>Findings of the reading.</summary>
    public List<Diagnostic> Diagnostics { get; } = new();
}
