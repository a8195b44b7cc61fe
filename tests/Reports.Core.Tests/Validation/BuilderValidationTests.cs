using System.Collections.Immutable;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Infrastructure;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Tests.Support;
using Reports.Core.Validation;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// What a builder (values set in code, totals derived) and a draft (cells read from a source) are told: the same
/// range and year checks on both paths, derived totals exact up to the cell's limit, and a marker in a total cell.
/// </summary>
public sealed class BuilderValidationTests
{
    private static readonly ReportEdition Edition = Report2021.Edition;
    private static ReportSchema Schema => Edition.Schema;

    // A stated (not derived) count cell, taken from the schema.
    private static CellInfo StatedCount => Schema.Cells.First(c => !c.IsDerived && c.Kind == ValueKind.Count);

    // A derived total whose parts are all stated counts (two or more), and so can be driven to its limit; its first
    // two parts can change without breaking another identity (the first such total in derivation order).
    private static IdentityInfo SumOfStatedCounts => Schema.DerivationOrder
        .Select(i => Schema.Identities[i])
        .Where(i => i.Right.Length >= 2 && i.Right.All(p => !Schema.Cells[p].IsDerived && Schema.Cells[p].Kind == ValueKind.Count))
        .First(i =>
        {
            long[] values = new long[Schema.CellCount];
            values[i.Right[0]] = 4;
            values[i.Right[1]] = 5;
            return ReportValidator.Build(Edition, ReportInfo.Empty, values).IsEmpty;
        });

    private static ImmutableArray<Diagnostic> Build(long[] values, ReportInfo? info = null) =>
        ReportValidator.Build(Edition, info ?? ReportInfo.Empty, values);

    private static long[] Zeros() => new long[Schema.CellCount];

    [Fact]
    public void A_builder_of_zeros_is_valid_and_its_totals_are_zero()
    {
        long[] values = Zeros();
        Assert.Empty(Build(values));
        Assert.All(values, v => Assert.Equal(0L, v));
    }

    [Fact]
    public void A_builder_is_warned_when_the_year_is_outside_the_edition_as_a_draft_is()
    {
        int before = Schema.FromYear!.Value - 1;
        Diagnostic built = Assert.Single(Build(Zeros(), new ReportInfo { Year = before, Source = "built.json" }));
        Assert.Equal(ReportDiagnostics.EditionYearMismatch.Id, built.Id);
        Assert.Equal("built.json", built.Location.Source);
        Assert.Contains("reporting year " + before + " is outside the years of edition " + Schema.Edition + " (" + Schema.FromYear + "–", built.Message);

        ImmutableArray<Diagnostic> read = ReportValidator.Validate(Edition, new ReportInfo { Year = before }, ReportCells.FromValues(Schema, Zeros()), out long[]? values);
        Assert.Equal(ReportDiagnostics.EditionYearMismatch.Id, Assert.Single(read).Id);
        Assert.NotNull(values); // a warning: the values are still checked

        Assert.Empty(Build(Zeros(), new ReportInfo { Year = Schema.FromYear!.Value }));
    }

    [Fact]
    public void The_year_warning_states_the_editions_years_open_ended_while_it_is_in_force()
    {
        Diagnostic closed = Assert.Single(ReportValidator.Build(Report2019.Edition, new ReportInfo { Year = 2018 }, new long[Report2019.Schema.CellCount]));
        Assert.Equal("reporting year 2018 is outside the years of edition 2019 (2019–2020)", closed.Message);

        Diagnostic open = Assert.Single(Build(Zeros(), new ReportInfo { Year = 2020 }));
        Assert.Equal("reporting year 2020 is outside the years of edition 2021 (2021–)", open.Message);
    }

    [Fact]
    public void A_builder_value_below_zero_is_negative_and_beyond_the_negated_limit_is_out_of_range()
    {
        CellInfo cell = StatedCount;
        long[] small = Zeros();
        small[cell.Ordinal] = -cell.MaxValue;
        Diagnostic negative = Assert.Single(Build(small), d => d.Location.CellKey == cell.Key);
        Assert.Equal(ReportDiagnostics.NegativeValue.Id, negative.Id);
        Assert.Contains(cell.Label + " is " + (-cell.MaxValue) + "; a count cannot be negative", negative.Message);

        long[] huge = Zeros();
        huge[cell.Ordinal] = -cell.MaxValue - 1;
        Diagnostic range = Assert.Single(Build(huge), d => d.Location.CellKey == cell.Key);
        Assert.Equal(ReportDiagnostics.ValueOutOfRange.Id, range.Id);
        Assert.Contains("outside the range 0 to " + cell.MaxValue, range.Message);
    }

    [Fact]
    public void A_builder_value_at_the_limit_is_accepted_and_one_more_is_out_of_range()
    {
        CellInfo cell = StatedCount;
        long[] atLimit = Zeros();
        atLimit[cell.Ordinal] = cell.MaxValue;
        Assert.DoesNotContain(Build(atLimit), d => d.Id == ReportDiagnostics.ValueOutOfRange.Id || d.Id == ReportDiagnostics.NegativeValue.Id);

        long[] beyond = Zeros();
        beyond[cell.Ordinal] = cell.MaxValue + 1;
        Diagnostic d = Assert.Single(Build(beyond), x => x.Id == ReportDiagnostics.ValueOutOfRange.Id);
        Assert.Equal(cell.Key, d.Location.CellKey);
        Assert.Contains(cell.Label + " is " + (cell.MaxValue + 1), d.Message);
    }

    [Fact]
    public void A_derived_total_may_reach_its_limit_exactly_but_not_pass_it()
    {
        IdentityInfo sum = SumOfStatedCounts;
        CellInfo total = Schema.Cells[sum.Left[0]];
        long[] atLimit = Zeros();
        atLimit[sum.Right[0]] = total.MaxValue - 1;
        atLimit[sum.Right[1]] = 1;
        Assert.DoesNotContain(Build(atLimit), d => d.Id == ReportDiagnostics.DerivedOverflow.Id && d.Location.CellKey == total.Key);
        Assert.Equal(total.MaxValue, atLimit[total.Ordinal]);

        long[] beyond = Zeros();
        beyond[sum.Right[0]] = total.MaxValue;
        beyond[sum.Right[1]] = 1;
        Diagnostic overflow = Assert.Single(Build(beyond), d => d.Id == ReportDiagnostics.DerivedOverflow.Id && d.Location.CellKey == total.Key);
        Assert.Equal(total.Label + ": its parts sum to " + (total.MaxValue + 1) + ", more than the cell can hold (" + total.MaxValue + ")", overflow.Message);
        Assert.True(overflow.IsError);
    }

    [Fact]
    public void A_blank_total_whose_parts_pass_its_limit_is_one_overflow_and_is_not_also_computed()
    {
        // The draft path: the total is blank, so it is derived; past its limit it is reported once and left unjudged.
        IdentityInfo sum = SumOfStatedCounts;
        CellInfo total = Schema.Cells[sum.Left[0]];
        long[] parts = Zeros();
        parts[sum.Right[0]] = total.MaxValue;
        parts[sum.Right[1]] = 1;
        ReportCells cells = ReportCells.FromValues(Schema, parts).With(total.Ordinal, Cell.Blank());

        ImmutableArray<Diagnostic> found = ReportValidator.Validate(Edition, ReportInfo.Empty, cells, out long[]? values);
        Assert.Null(values);
        Assert.Equal(new[] { ReportDiagnostics.DerivedOverflow.Id }, found.Where(d => d.Location.CellKey == total.Key).Select(d => d.Id));
        Assert.DoesNotContain(found, d => d.Id == ReportDiagnostics.TotalNotFilled.Id);
    }

    [Fact]
    public void A_builder_derives_totals_without_telling_that_they_were_not_filled()
    {
        IdentityInfo sum = SumOfStatedCounts;
        long[] values = Zeros();
        values[sum.Right[0]] = 4;
        values[sum.Right[1]] = 5;
        Assert.Empty(Build(values));
        Assert.Equal(9L, values[sum.Left[0]]);
    }

    [Fact]
    public void A_marker_in_a_total_cell_is_reported_and_the_total_is_computed_from_its_parts()
    {
        IdentityInfo sum = SumOfStatedCounts;
        CellInfo total = Schema.Cells[sum.Left[0]];
        long[] values = Zeros();
        values[sum.Right[0]] = 4;
        values[sum.Right[1]] = 5;
        Assert.Empty(Build(values)); // every total consistent
        ReportCells cells = ReportCells.FromValues(Schema, values).With(total.Ordinal, Cell.NotApplicable("/", new SourceSpan(3, 9, 1)));

        ImmutableArray<Diagnostic> found = ReportValidator.Validate(Edition, new ReportInfo { Source = "r.txt" }, cells, out long[]? checkedValues);
        Diagnostic marker = Assert.Single(found);
        Assert.Equal(ReportDiagnostics.NotApplicableMarker.Id, marker.Id);
        Assert.Equal(total.Label + " holds the not-applicable marker \"/\"; the total is computed from its parts", marker.Message);
        Assert.Equal((total.Key, 3, "r.txt"), (marker.Location.CellKey, marker.Location.Span.Line, marker.Location.Source));
        Assert.NotNull(checkedValues);
        Assert.Equal(9L, checkedValues![total.Ordinal]);
    }

    [Fact]
    public void A_marker_in_a_part_counts_as_zero_and_says_so()
    {
        IdentityInfo sum = SumOfStatedCounts;
        CellInfo part = Schema.Cells[sum.Right[0]];
        ReportCells cells = ReportCells.FromValues(Schema, Zeros()).With(part.Ordinal, Cell.NotApplicable("—"));
        Diagnostic marker = Assert.Single(ReportValidator.Validate(Edition, ReportInfo.Empty, cells, out long[]? values));
        Assert.Equal(part.Label + " holds the not-applicable marker \"—\"; counted as 0 in identities", marker.Message);
        Assert.Equal(0L, values![part.Ordinal]);
    }

    [Fact]
    public void A_blank_total_is_computed_and_reported_as_not_filled_and_an_absent_one_as_missing()
    {
        IdentityInfo sum = SumOfStatedCounts;
        CellInfo total = Schema.Cells[sum.Left[0]];
        long[] values = Zeros();
        values[sum.Right[0]] = 2;
        values[sum.Right[1]] = 3;
        Assert.Empty(Build(values));

        ReportCells blank = ReportCells.FromValues(Schema, values).With(total.Ordinal, Cell.Blank(""));
        Diagnostic notFilled = Assert.Single(ReportValidator.Validate(Edition, ReportInfo.Empty, blank, out long[]? fromBlank));
        Assert.Equal(total.Label + " is not filled; computed from its parts: 5", notFilled.Message);
        Assert.Equal(5L, fromBlank![total.Ordinal]);

        ReportCells absent = ReportCells.FromValues(Schema, values).With(total.Ordinal, Cell.Missing);
        Diagnostic missing = Assert.Single(ReportValidator.Validate(Edition, ReportInfo.Empty, absent, out long[]? fromAbsent));
        Assert.Equal(total.Label + " is missing from the report; computed from its parts: 5", missing.Message);
        Assert.Equal(5L, fromAbsent![total.Ordinal]);
    }

    [Fact]
    public void A_total_over_an_unreadable_part_cannot_be_computed_and_its_identities_are_not_judged()
    {
        IdentityInfo sum = SumOfStatedCounts;
        CellInfo total = Schema.Cells[sum.Left[0]];
        CellInfo part = Schema.Cells[sum.Right[0]];
        ReportCells cells = ReportCells.FromValues(Schema, Zeros()).With(total.Ordinal, Cell.Blank()).With(part.Ordinal, Cell.Text("十二"));
        ImmutableArray<Diagnostic> found = ReportValidator.Validate(Edition, ReportInfo.Empty, cells, out long[]? values);
        Assert.Null(values);
        Assert.Contains(found, d => d.Id == ReportDiagnostics.UnreadableCell.Id && d.Location.CellKey == part.Key && d.Message.Contains("\"十二\""));
        Assert.Contains(found, d => d.Id == ReportDiagnostics.TotalNotComputable.Id && d.Location.CellKey == total.Key);
        Assert.DoesNotContain(found, d => d.Id == ReportDiagnostics.IdentityViolated.Id && d.CellKeys.Contains(part.Key));
    }
}
