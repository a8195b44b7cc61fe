using Reports.Core.Cells;
using Reports.Core.Schema;

namespace Reports.Core.Diagnostics;

/// <summary>
/// Where a finding is: the report source, the table, row and column (keys and the official label) and the
/// line in the source text or JSON, whichever are known.
/// </summary>
public sealed record DiagnosticLocation
{
    /// <summary>No location.</summary>
    public static DiagnosticLocation None { get; } = new();

    /// <summary>The file or stream the report came from.</summary>
    public string? Source { get; init; }

    /// <summary>Table key (<c>t3</c>).</summary>
    public string? TableKey { get; init; }

    /// <summary>Row key path within the table.</summary>
    public string? RowKey { get; init; }

    /// <summary>Column key path.</summary>
    public string? ColumnKey { get; init; }

    /// <summary>Full cell key (<c>t3.new.tot</c>).</summary>
    public string? CellKey { get; init; }

    /// <summary>Official label path of the cell, row or column.</summary>
    public string? Label { get; init; }

    /// <summary>Line and column in the source text.</summary>
    public SourceSpan Span { get; init; }

    /// <summary>The location of a schema cell, at <paramref name="span"/> when known.</summary>
    public static DiagnosticLocation ForCell(CellInfo cell, SourceSpan span = default, string? source = null) => new()
    {
        Source = source,
        TableKey = cell.TableKey,
        RowKey = cell.RowKey,
        ColumnKey = cell.ColumnKey,
        CellKey = cell.Key,
        Label = cell.Label,
        Span = span,
    };

    /// <summary>Returns this location attributed to <paramref name="source"/>.</summary>
    public DiagnosticLocation WithSource(string? source) => source == Source ? this : this with { Source = source };

    /// <inheritdoc />
    public override string ToString()
    {
        string where = CellKey ?? (TableKey is null ? string.Empty : TableKey + (RowKey is null ? string.Empty : "." + RowKey));
        string line = Span.IsKnown ? (Source is null ? "line " : ":") + Span.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        string head = Source is null ? line : Source + line;
        if (head.Length > 0 && where.Length > 0)
        {
            head += " ";
        }

        return head + where + (Label is null ? string.Empty : " [" + Label + "]");
    }
}
