using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Infrastructure;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// An unreadable or negative cell is told what the cell holds: a count, a signed whole number, or a money amount with
/// the unit the template prints (万元 in 2021), and no empty brackets where the template prints none (2019's amount).
/// </summary>
public sealed class CellKindMessageTests
{
    private static Diagnostic Unreadable(ReportEdition edition, CellInfo cell, string text)
    {
        ReportCells cells = ReportCells.FromValues(edition.Schema, new long[edition.Schema.CellCount]).With(cell.Ordinal, Cell.Text(text));
        return Assert.Single(ReportValidator.Validate(edition, ReportInfo.Empty, cells, out _), d => d.Location.CellKey == cell.Key);
    }

    private static CellInfo First(ReportSchema schema, ValueKind kind) => schema.Cells.First(c => c.Kind == kind && !c.IsDerived);

    [Fact]
    public void A_money_cell_is_named_with_its_unit()
    {
        CellInfo fee = First(Report2021.Schema, ValueKind.Money);
        Assert.Equal("万元", fee.Unit);
        Diagnostic d = Unreadable(Report2021.Edition, fee, "十二");
        Assert.Equal((ReportDiagnostics.UnreadableCell.Id, fee.Label + ": cannot read \"十二\" as a money amount (万元)"), (d.Id, d.Message));

        long[] values = new long[Report2021.Schema.CellCount];
        values[fee.Ordinal] = -1_000_000; // -1 万元 at 6 decimals
        Diagnostic negative = Assert.Single(ReportValidator.Build(Report2021.Edition, ReportInfo.Empty, values), x => x.Location.CellKey == fee.Key);
        Assert.Equal((ReportDiagnostics.NegativeValue.Id, fee.Label + " is -1; a money amount (万元) cannot be negative"), (negative.Id, negative.Message));
    }

    [Fact]
    public void A_money_cell_without_a_unit_is_named_without_brackets()
    {
        CellInfo amount = First(Report2019.Schema, ValueKind.Money);
        Assert.Equal(string.Empty, amount.Unit); // the 2019 template prints no unit for this amount
        Assert.Equal(amount.Label + ": cannot read \"十二\" as a money amount", Unreadable(Report2019.Edition, amount, "十二").Message);
    }

    [Fact]
    public void Counts_and_signed_cells_are_named_as_such()
    {
        CellInfo count = First(Report2021.Schema, ValueKind.Count);
        Assert.Equal(count.Label + ": cannot read \"x\" as a count", Unreadable(Report2021.Edition, count, "x").Message);
        CellInfo delta = First(Report2019.Schema, ValueKind.Delta);
        Assert.Equal(delta.Label + ": cannot read \"x\" as a signed whole number", Unreadable(Report2019.Edition, delta, "x").Message);
    }
}
