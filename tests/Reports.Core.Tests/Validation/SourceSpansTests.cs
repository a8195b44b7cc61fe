using System.Collections.Immutable;
using Reports.Core.Cells;
using Reports.Core.Editions;
using Reports.Core.Reports;
using Reports.Core.Validation;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// Where a finding about a cell without a place of its own is shown: the first related cell that has one (a total is
/// shown where its parts stand, wherever they stand), else the nearest of the eight cells before it, else nowhere.
/// </summary>
public sealed class SourceSpansTests
{
    private const int At = 20; // a cell with twenty cells before it

    private static readonly SourceSpan Part = new(40, 2, 3);
    private static readonly SourceSpan Other = new(41, 2, 3);

    // Cells of the 2021 edition, placed only where given.
    private static ReportCells Placed(params (int Ordinal, SourceSpan Span)[] places)
    {
        ReportCells cells = ReportCells.FromValues(Report2021.Schema, new long[Report2021.Schema.CellCount]);
        foreach ((int ordinal, SourceSpan span) in places)
        {
            cells = cells.With(ordinal, Cell.Number(0, 0, "0", span));
        }

        return cells;
    }

    private static SourceSpan Near(ReportCells? cells, int ordinal, params int[] related) =>
        SourceSpans.Near(cells, ordinal, related.ToImmutableArray());

    [Fact]
    public void A_cell_with_its_own_place_is_shown_there()
    {
        Assert.Equal(Part, Near(Placed((At, Part), (At - 1, Other)), At, At + 5));
    }

    [Fact]
    public void Without_its_own_place_the_first_placed_related_cell_is_used_however_far_it_stands()
    {
        // Related cells after the cell and beyond the eight before it: only the related list finds them.
        Assert.Equal(Part, Near(Placed((At + 30, Part), (At + 31, Other)), At, At + 20, At + 30, At + 31));
        Assert.Equal(Other, Near(Placed((At - 15, Other), (At + 30, Part)), At, At - 15, At + 30));
    }

    [Fact]
    public void Else_the_nearest_placed_cell_before_it_is_used_never_one_after_it()
    {
        Assert.Equal(Other, Near(Placed((At - 3, Part), (At - 1, Other), (At + 1, new SourceSpan(99, 1, 1))), At));
        Assert.Equal(default, Near(Placed((At + 1, Part)), At));
    }

    [Fact]
    public void The_search_before_a_cell_reaches_eight_cells_back_and_no_further()
    {
        Assert.Equal(Part, Near(Placed((At - 8, Part)), At));
        Assert.Equal(default, Near(Placed((At - 9, Part)), At));
    }

    [Fact]
    public void The_first_cell_of_the_report_is_within_reach_of_the_cells_after_it()
    {
        Assert.Equal(Part, Near(Placed((0, Part)), 1));
        Assert.Equal(Part, Near(Placed((0, Part)), 8));
        Assert.Equal(default, Near(Placed((1, Part)), 0));
    }

    [Fact]
    public void Cells_read_without_places_show_nothing()
    {
        Assert.Equal(default, Near(ReportCells.FromValues(Report2021.Schema, new long[Report2021.Schema.CellCount]), At, At - 1));
        Assert.Equal(default, Near(null, At, At - 1));
    }
}
