using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Reports.Core.Import.Grid;

/// <summary>One row of a grid: the cells of one table row, or one line of running text (a single cell).</summary>
internal sealed class GridRow
{
    public GridRow(int line, IEnumerable<GridCell> cells, bool isTableRow)
    {
        Line = line;
        Cells = cells.ToImmutableArray();
        IsTableRow = isTableRow;
    }

    /// <summary>A row of one cell (a line of running text): no list is made for it.</summary>
    public GridRow(int line, GridCell cell, bool isTableRow)
    {
        Line = line;
        Cells = ImmutableArray.Create(cell);
        IsTableRow = isTableRow;
    }

    /// <summary>1-based line of the row's first cell in the source.</summary>
    public int Line { get; }

    /// <summary>The cells, left to right.</summary>
    public ImmutableArray<GridCell> Cells { get; }

    /// <summary>True when the row came from a table structure (pipe, tab, HTML table, aligned columns).</summary>
    public bool IsTableRow { get; }

    private string? _text;

    /// <summary>All cell texts joined by a space (made once: the title, year and narrative readers all ask for it).</summary>
    public string Text => _text ??= Cells.Length == 1 && !Cells[0].IsEmpty ? Cells[0].Text : string.Join(" ", Cells.Where(c => !c.IsEmpty).Select(c => c.Text));

    /// <inheritdoc />
    public override string ToString() => Line + ": " + string.Join(" | ", Cells.Select(c => c.Text));
}
