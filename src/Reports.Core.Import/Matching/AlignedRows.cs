using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Reports.Core.Import.Matching;

/// <summary>
/// The rows of a template an alignment reads (data rows with cells, in template order) and their indexes grouped by
/// number of cells, in order of first appearance: the DP scores a span of cells once per width.
/// </summary>
internal sealed class AlignedRows
{
    private AlignedRows(ImmutableArray<RowTarget> rows, ImmutableArray<int> widths, ImmutableArray<ImmutableArray<int>> byWidth)
    {
        Rows = rows;
        Widths = widths;
        ByWidth = byWidth;
    }

    public ImmutableArray<RowTarget> Rows { get; }

    /// <summary>The rows' numbers of cells, each once, in order of first appearance.</summary>
    public ImmutableArray<int> Widths { get; }

    /// <summary>For each of <see cref="Widths"/>, the indexes (into <see cref="Rows"/>) of the rows of that width.</summary>
    public ImmutableArray<ImmutableArray<int>> ByWidth { get; }

    /// <summary>The rows of <paramref name="rows"/> to align, leaving out those whose path <paramref name="readAlready"/> holds.</summary>
    public static AlignedRows Of(IEnumerable<RowTarget> rows, HashSet<string>? readAlready)
    {
        var kept = ImmutableArray.CreateBuilder<RowTarget>();
        foreach (RowTarget row in rows)
        {
            if (!row.IsGroup && row.Columns.Length > 0 && (readAlready is null || !readAlready.Contains(row.Path)))
            {
                kept.Add(row);
            }
        }

        var widths = new List<int>();
        var groups = new List<ImmutableArray<int>.Builder>();
        for (int j = 0; j < kept.Count; j++)
        {
            int at = widths.IndexOf(kept[j].Columns.Length);
            if (at < 0)
            {
                widths.Add(kept[j].Columns.Length);
                groups.Add(ImmutableArray.CreateBuilder<int>());
                at = widths.Count - 1;
            }

            groups[at].Add(j);
        }

        return new AlignedRows(kept.ToImmutable(), widths.ToImmutableArray(), groups.Select(g => g.ToImmutable()).ToImmutableArray());
    }
}
