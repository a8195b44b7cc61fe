using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Reports.Core.Import.Grid;

/// <summary>The whole document read as rows of cells, in source order, with the name of the layout that produced it.</summary>
internal sealed class GridTable
{
    public GridTable(string layout, IEnumerable<GridRow> rows)
    {
        Layout = layout;
        Rows = rows.Where(r => r.Cells.Length > 0).ToImmutableArray();
    }

    /// <summary>Layout name: <c>pipe</c>, <c>tab</c>, <c>cell-per-line</c>, <c>layout</c> or <c>html</c>.</summary>
    public string Layout { get; }

    /// <summary>Rows in source order (running text included, one cell per line).</summary>
    public ImmutableArray<GridRow> Rows { get; }
}
