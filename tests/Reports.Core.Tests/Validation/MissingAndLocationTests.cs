using System.Collections.Immutable;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Infrastructure;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Validation;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// A truncated source is one finding per table, naming the first and last cell it lacks and the identities left
/// unchecked; a finding about a computed total points at the nearest place the reader can look.
/// </summary>
public sealed class MissingAndLocationTests
{
    private static readonly ReportEdition Edition = Report2021.Edition;
    private static ReportSchema Schema => Edition.Schema;

    private static ReportCells Zeros() => ReportCells.FromValues(Schema, new long[Schema.CellCount]);

    private static ImmutableArray<Diagnostic> Validate(ReportCells cells) =>
        ReportValidator.Validate(Edition, new ReportInfo { Source = "r.txt" }, cells, out _);

    [Fact]
    public void A_table_missing_many_cells_is_one_error_from_its_first_to_its_last_and_one_list_of_unchecked_identities()
    {
        TableInfo table = Schema.Tables.First(t => Schema.Identities.Count(i => i.TableKey == t.Key) > 12);
        CellInfo[] stated = Schema.Cells.Where(c => c.TableKey == table.Key).ToArray(); // a total over missing parts is missing too
        ReportCells cells = Zeros();
        foreach (CellInfo cell in Schema.Cells.Where(c => c.TableKey == table.Key))
        {
            cells = cells.With(cell.Ordinal, Cell.Missing);
        }

        ImmutableArray<Diagnostic> found = Validate(cells);
        Diagnostic missing = Assert.Single(found, d => d.Id == ReportDiagnostics.MissingCell.Id);
        Assert.Equal("missing from the report: " + stated.Length + " cells of " + table.Key + ", from " + stated[0].Label + " to " + stated[^1].Label, missing.Message);
        Assert.Equal((stated[0].Key, "r.txt"), (missing.Location.CellKey, missing.Location.Source));

        Diagnostic notChecked = Assert.Single(found, d => d.Id == ReportDiagnostics.IdentitiesNotChecked.Id);
        string[] names = Schema.Identities.Where(i => i.TableKey == table.Key).Select(i => i.Name).ToArray();
        Assert.Equal(table.Key + ": not checked, for cells missing: " + string.Join(", ", names.Take(12)) + ", … (" + names.Length + ")", notChecked.Message);
        Assert.Equal((table.Key, "r.txt"), (notChecked.Location.TableKey, notChecked.Location.Source));
        Assert.DoesNotContain(found, d => d.Id == ReportDiagnostics.IdentityViolated.Id);
    }

    [Fact]
    public void One_missing_cell_is_named_by_its_label_and_only_the_identities_it_touches_go_unchecked()
    {
        CellInfo cell = Schema.Cells.First(c => !c.IsDerived && c.Identities.Length > 0);
        ImmutableArray<Diagnostic> found = Validate(Zeros().With(cell.Ordinal, Cell.Missing));
        Assert.Equal("missing from the report: " + cell.Label, Assert.Single(found, d => d.Id == ReportDiagnostics.MissingCell.Id).Message);
        string[] touched = Schema.Identities.Where(i => i.TableKey == cell.TableKey && i.Contains(cell.Ordinal)).Select(i => i.Name).ToArray();
        Assert.Equal(cell.TableKey + ": not checked, for cells missing: " + string.Join(", ", touched), Assert.Single(found, d => d.Id == ReportDiagnostics.IdentitiesNotChecked.Id).Message);
    }

    [Fact]
    public void A_missing_cell_that_leaves_several_identities_unchecked_lists_them_separated_by_commas()
    {
        CellInfo cell = Schema.Cells.First(c => !c.IsDerived && Schema.Identities.Count(i => i.TableKey == c.TableKey && i.Contains(c.Ordinal)) is >= 2 and <= 12);
        string[] touched = Schema.Identities.Where(i => i.TableKey == cell.TableKey && i.Contains(cell.Ordinal)).Select(i => i.Name).ToArray();
        Diagnostic notChecked = Assert.Single(Validate(Zeros().With(cell.Ordinal, Cell.Missing)), d => d.Id == ReportDiagnostics.IdentitiesNotChecked.Id);
        Assert.Equal(cell.TableKey + ": not checked, for cells missing: " + string.Join(", ", touched), notChecked.Message);
    }

    [Fact]
    public void When_the_reports_first_cell_is_missing_the_finding_starts_there()
    {
        // Ordinal 0 is a real cell: the first missing cell is found however small its ordinal.
        CellInfo first = Schema.Cells[0], second = Schema.Cells[1];
        Assert.Equal((first.TableKey, false, false), (second.TableKey, first.IsDerived, second.IsDerived));
        Diagnostic missing = Assert.Single(Validate(Zeros().With(0, Cell.Missing).With(1, Cell.Missing)), d => d.Id == ReportDiagnostics.MissingCell.Id);
        Assert.Equal(first.Key, missing.Location.CellKey);
        Assert.StartsWith("missing from the report: ", missing.Message);
        Assert.Contains(" cells of " + first.TableKey + ", from " + first.Label + " to ", missing.Message);
    }

    [Fact]
    public void A_missing_cell_that_takes_part_in_no_identity_leaves_nothing_unchecked()
    {
        CellInfo cell = Schema.Cells.First(c => !c.IsDerived && !Schema.Identities.Any(i => i.TableKey == c.TableKey && i.Contains(c.Ordinal)));
        ImmutableArray<Diagnostic> found = Validate(Zeros().With(cell.Ordinal, Cell.Missing));
        Assert.Equal("missing from the report: " + cell.Label, Assert.Single(found).Message);
    }

    [Fact]
    public void A_finding_on_a_total_without_a_place_points_at_a_part_or_a_cell_just_before_it()
    {
        IdentityInfo sum = Schema.DerivationOrder.Select(i => Schema.Identities[i]).First(i => i.Right.Length >= 2);
        int total = sum.Left[0];
        var partAt = new SourceSpan(12, 5, 2);
        ReportCells cells = Zeros().With(total, Cell.Blank()).With(sum.Right[1], Cell.Number(0, 0, "0", partAt));
        Diagnostic notFilled = Assert.Single(Validate(cells), d => d.Id == ReportDiagnostics.TotalNotFilled.Id);
        Assert.Equal(partAt, notFilled.Location.Span);

        var ownAt = new SourceSpan(30, 1, 0);
        Diagnostic own = Assert.Single(Validate(cells.With(total, Cell.Blank(null, ownAt))), d => d.Id == ReportDiagnostics.TotalNotFilled.Id);
        Assert.Equal(ownAt, own.Location.Span);

        int before = Enumerable.Range(1, 8).Select(k => total - k).First(o => o >= 0 && !sum.Right.Contains(o));
        var beforeAt = new SourceSpan(9, 3, 1);
        ReportCells onlyBefore = Zeros().With(total, Cell.Blank()).With(before, Cell.Number(0, 0, "0", beforeAt));
        Assert.Equal(beforeAt, Assert.Single(Validate(onlyBefore), d => d.Id == ReportDiagnostics.TotalNotFilled.Id).Location.Span);

        Assert.Equal(default, Assert.Single(Validate(Zeros().With(total, Cell.Blank())), d => d.Id == ReportDiagnostics.TotalNotFilled.Id).Location.Span);
    }

    [Theory]
    [InlineData(123456L, 2, "1234.56")]
    [InlineData(-5L, 1, "-0.5")]
    [InlineData(1200L, 2, "12")]
    [InlineData(7L, 0, "7")]
    [InlineData(-7L, 0, "-7")]
    public void A_scaled_value_is_written_as_its_plain_decimal(long value, int scale, string expected)
    {
        Assert.Equal(expected, Cell.FormatScaled(value, scale));
        Assert.Equal(expected, Cell.Number(value, (byte)scale).ToString());
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Cell.Number(value, (byte)scale).Amount);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Money.FromScaled(value, scale));
    }

    [Theory]
    [InlineData(1L, 14, "0.00000000000001")]
    [InlineData(long.MaxValue, 18, "9.223372036854775807")]
    [InlineData(long.MinValue, 18, "-9.223372036854775808")]
    [InlineData(-120L, 13, "-0.000000000012")]
    public void A_scaled_value_is_written_exactly_at_any_scale_a_long_can_carry(long value, int scale, string expected)
    {
        Assert.Equal(expected, Cell.FormatScaled(value, scale));
        Assert.Equal(new decimal(value) / Cell.Pow10(scale), decimal.Parse(Cell.FormatScaled(value, scale), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_cell_shows_what_it_holds()
    {
        Assert.Equal("(blank)", Cell.Blank().ToString());
        Assert.Equal("—", Cell.NotApplicable("—").ToString());
        Assert.Equal("/", Cell.NotApplicable(null!).ToString()); // a marker whose text was not kept shows as the usual one
        Assert.Equal("\"十二\"", Cell.Text("十二").ToString());
        Assert.Equal("(missing)", Cell.Missing.ToString());
        Assert.Null(Cell.Text("x").Amount);
        Assert.True(Cell.Number(0).IsNumber);
        Assert.False(Cell.Blank().IsNumber);
        Assert.Equal(new SourceSpan(2, 3, 4), Cell.Text("x").WithSpan(new SourceSpan(2, 3, 4)).Span);
    }

    [Theory]
    [InlineData("12.34", 2, true, 1234L)]
    [InlineData("12.345", 2, false, 0L)]
    [InlineData("-3", 0, true, -3L)]
    [InlineData("922337203685477580.7", 1, true, long.MaxValue)]
    [InlineData("922337203685477580.8", 1, false, 0L)]
    [InlineData("-922337203685477580.8", 1, true, long.MinValue)]
    [InlineData("-922337203685477580.9", 1, false, 0L)]
    [InlineData("1", -1, false, 0L)]
    [InlineData("1", 29, false, 0L)]
    [InlineData("1", 28, false, 0L)]
    [InlineData("0", 28, true, 0L)]
    [InlineData("79228162514264337593543950335", 1, false, 0L)]
    public void An_amount_converts_to_a_scaled_integer_only_when_exact_and_in_range(string amount, int scale, bool ok, long expected)
    {
        Assert.Equal(ok, Money.TryToScaled(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), scale, out long value));
        Assert.Equal(expected, value);
    }
}
