using System.Collections.Immutable;
using Reports.Core.Cells;
using Reports.Core.Reports;

namespace Reports.Core.Validation;

/// <summary>Finds the source line a finding belongs to: the cell's own span, else that of a related cell.</summary>
internal static class SourceSpans
{
    /// <summary>
    /// The span of <paramref name="ordinal"/> when the draft recorded one; else the first known span among
    /// <paramref name="related"/> (a missing total is reported where its parts stand); else the nearest earlier cell's.
    /// </summary>
    public static SourceSpan Near(ReportCells? cells, int ordinal, ImmutableArray<int> related)
    {
        if (cells is null || !cells.HasSpans)
        {
            return default;
        }

        SourceSpan own = cells.SpanAt(ordinal);
        if (own.IsKnown)
        {
            return own;
        }

        foreach (int other in related)
        {
            SourceSpan span = cells.SpanAt(other);
            if (span.IsKnown)
            {
                return span;
            }
        }

        for (int i = ordinal - 1; i >= 0 && i >= ordinal - 8; i--)
        {
            SourceSpan span = cells.SpanAt(i);
            if (span.IsKnown)
            {
                return span;
            }
        }

        return default;
    }
}
