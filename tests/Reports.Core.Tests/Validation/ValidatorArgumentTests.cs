using System;
using System.Collections.Immutable;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Infrastructure;
using Reports.Core.Reports;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// The validator's entry points refuse what is no data but a caller's mistake (no edition, no cells, cells of another
/// edition, a value array of the wrong length) with the argument named; data itself never throws.
/// </summary>
public sealed class ValidatorArgumentTests
{
    private static ReportCells Cells2021 => ReportCells.FromValues(Report2021.Schema, new long[Report2021.Schema.CellCount]);

    [Fact]
    public void Validating_needs_an_edition_and_cells()
    {
        Assert.Equal("edition", Assert.Throws<ArgumentNullException>(() => ReportValidator.Validate(null!, ReportInfo.Empty, Cells2021, out _)).ParamName);
        Assert.Equal("cells", Assert.Throws<ArgumentNullException>(() => ReportValidator.Validate(Report2021.Edition, ReportInfo.Empty, null!, out _)).ParamName);
    }

    [Fact]
    public void Cells_of_another_edition_are_refused_with_both_editions_named()
    {
        ReportCells cells2019 = ReportCells.FromValues(Report2019.Schema, new long[Report2019.Schema.CellCount]);
        var e = Assert.Throws<ArgumentException>(() => ReportValidator.Validate(Report2021.Edition, ReportInfo.Empty, cells2019, out _));
        Assert.Equal("cells", e.ParamName);
        Assert.StartsWith("The cells follow Report2019 (2019), not Report2021 (2021).", e.Message);
    }

    [Fact]
    public void Building_needs_an_edition_and_one_value_per_cell()
    {
        long[] values = new long[Report2021.Schema.CellCount];
        Assert.Equal("edition", Assert.Throws<ArgumentNullException>(() => ReportValidator.Build(null!, ReportInfo.Empty, values)).ParamName);
        foreach (long[]? wrong in new[] { null, new long[Report2021.Schema.CellCount - 1], new long[Report2021.Schema.CellCount + 1] })
        {
            var e = Assert.Throws<ArgumentException>(() => ReportValidator.Build(Report2021.Edition, ReportInfo.Empty, wrong!));
            Assert.Equal("values", e.ParamName);
            Assert.StartsWith("One value per cell is required.", e.Message);
        }

        ImmutableArray<Diagnostic> none = ReportValidator.Build(Report2021.Edition, null!, values); // no info: no metadata, no crash
        Assert.Empty(none);
    }
}
