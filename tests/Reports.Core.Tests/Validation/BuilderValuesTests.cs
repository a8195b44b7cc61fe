using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Infrastructure;
using Reports.Core.Schema;
using Reports.Core.Validation;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// What a builder holds before <c>Build</c>: a total reads as the sum of its parts as they stand (clamped to 64 bits,
/// never wrapped), a value set by key lands in its cell (money in its scale, counts as whole numbers up to the 64-bit
/// edges), and a value it cannot hold is reported at build time, once, in key order, and forgotten when replaced.
/// </summary>
public sealed class BuilderValuesTests
{
    private static ReportSchema Schema => Report2021.Schema;

    private const string FeeAmount = "t2.a8.fee.amount"; // money, 万元, 6 decimals

    // A total derived by one summation only, over stated cells (so its parts can be set freely).
    private static IdentityInfo SumOfStatedCells => Schema.DerivationOrder
        .Select(i => Schema.Identities[i])
        .Where(i => Schema.DerivationOrder.Count(j => Schema.Identities[j].Left[0] == i.Left[0]) == 1)
        .First(i => i.Right.Length >= 2 && i.Right.All(p => !Schema.Cells[p].IsDerived));

    private static CellInfo StatedCount(int skip = 0) => Schema.Cells.Where(c => !c.IsDerived && c.Kind == ValueKind.Count).Skip(skip).First();

    private static long TotalOf(params long[] parts)
    {
        IdentityInfo sum = SumOfStatedCells;
        var values = new ReportBuilderValues(Schema);
        for (int k = 0; k < parts.Length; k++)
        {
            values.SetInteger(sum.Right[k], parts[k]);
        }

        return values.Get(sum.Left[0]);
    }

    [Fact]
    public void A_total_reads_as_the_exact_sum_of_its_parts_as_they_stand()
    {
        Assert.Equal(9L, TotalOf(4, 5));
        Assert.Equal(-3L, TotalOf(-1, -2)); // before Build, nothing is range-checked yet
        Assert.Equal(0L, TotalOf(long.MaxValue, long.MinValue + 1));
        Assert.Equal(long.MaxValue, TotalOf(long.MaxValue - 1, 1));
        Assert.Equal(long.MinValue, TotalOf(long.MinValue + 1, -1));
    }

    [Fact]
    public void A_total_past_64_bits_is_clamped_to_the_limit_it_passed_never_wrapped()
    {
        Assert.Equal(long.MaxValue, TotalOf(long.MaxValue, 1));
        Assert.Equal(long.MaxValue, TotalOf(long.MaxValue, long.MaxValue));
        Assert.Equal(long.MinValue, TotalOf(long.MinValue, -1));
        Assert.Equal(long.MinValue, TotalOf(long.MinValue, long.MinValue));
    }

    [Fact]
    public void A_money_amount_set_by_key_or_by_property_is_kept_in_the_cells_scale()
    {
        var byKey = new Report2021Builder().Set(FeeAmount, 12.5m);
        Assert.Equal(12.5m, byKey.ActiveDisclosure.Item8.Fee.Amount);
        Report2021 built = byKey.Build().Report ?? throw new InvalidOperationException("a fee alone is a valid report");
        Assert.Equal(12.5m, built.ActiveDisclosure.Item8.Fee.Amount);
        Assert.Equal(12_500_000L, built[FeeAmount]);

        var byProperty = new Report2021Builder();
        byProperty.ActiveDisclosure.Item8.Fee.Amount = 0.000001m;
        Assert.Equal(1L, byProperty.Build().Report![FeeAmount]);
    }

    [Fact]
    public void A_money_amount_with_more_decimals_than_kept_is_unreadable_at_build_time()
    {
        CellInfo fee = Schema.Cells[ReportKeys.Ordinal(Schema, FeeAmount)];
        ValidationResult<Report2021> result = new Report2021Builder().Set(FeeAmount, 0.0000001m).Build();
        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal((ReportDiagnostics.UnreadableCell.Id, FeeAmount), (d.Id, d.Location.CellKey));
        Assert.Equal(fee.Label + ": cannot read \"0.0000001\" as a money amount with 6 decimals", d.Message);
        Assert.Null(result.Report);
    }

    [Fact]
    public void A_count_set_by_key_must_be_a_whole_number()
    {
        CellInfo count = StatedCount();
        ValidationResult<Report2021> result = new Report2021Builder().Set(count.Key, 1.5m).Build();
        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal((ReportDiagnostics.UnreadableCell.Id, count.Key), (d.Id, d.Location.CellKey));
        Assert.Equal(count.Label + ": cannot read \"1.5\" as a whole number", d.Message);

        Assert.Equal(7L, new Report2021Builder().Set(count.Key, 7.000m).Build().Report![count.Key]);
    }

    [Fact]
    public void A_count_set_by_key_is_taken_up_to_the_64_bit_edges_and_range_checked_at_build_then_unreadable_beyond()
    {
        CellInfo count = StatedCount();
        foreach (long edge in new[] { long.MaxValue, long.MinValue })
        {
            // Held as set, so Build can say it is out of the cell's range, with the value as written.
            Diagnostic range = Assert.Single(new Report2021Builder().Set(count.Key, edge).Build().Diagnostics, x => x.Location.CellKey == count.Key);
            Assert.Equal(ReportDiagnostics.ValueOutOfRange.Id, range.Id);
            Assert.Equal(count.Label + " is " + edge.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", outside the range 0 to " + int.MaxValue, range.Message);
        }

        foreach (decimal beyond in new[] { long.MaxValue + 1m, long.MinValue - 1m })
        {
            Diagnostic unreadable = Assert.Single(new Report2021Builder().Set(count.Key, beyond).Build().Diagnostics);
            Assert.Equal(ReportDiagnostics.UnreadableCell.Id, unreadable.Id);
            Assert.Equal(count.Label + ": cannot read \"" + beyond.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\" as a whole number", unreadable.Message);
        }
    }

    [Fact]
    public void A_value_set_again_replaces_the_problem_of_the_one_before()
    {
        CellInfo count = StatedCount();
        var builder = new Report2021Builder().Set(count.Key, 1.5m).Set(count.Key, 2m);
        ValidationResult<Report2021> result = builder.Build();
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == ReportDiagnostics.UnreadableCell.Id);
        Assert.Equal(2L, result.Report![count.Key]);

        var fee = new Report2021Builder().Set(FeeAmount, 0.0000001m);
        fee.ActiveDisclosure.Item8.Fee.Amount = 3m;
        ValidationResult<Report2021> withFee = fee.Build();
        Assert.DoesNotContain(withFee.Diagnostics, d => d.Id == ReportDiagnostics.UnreadableCell.Id);
        Assert.Equal(3m, withFee.Report!.ActiveDisclosure.Item8.Fee.Amount);
    }

    [Fact]
    public void Problems_are_reported_in_key_order_whatever_order_they_were_set_in()
    {
        CellInfo first = StatedCount(0), second = StatedCount(1);
        Assert.True(string.CompareOrdinal(first.Key, second.Key) < 0);
        ValidationResult<Report2021> result = new Report2021Builder().Set(second.Key, 0.5m).Set(first.Key, 0.5m).Build();
        Assert.Equal(new[] { first.Key, second.Key }, result.Diagnostics.Select(d => d.Location.CellKey));
    }

    [Fact]
    public void A_total_cannot_be_set_and_an_unknown_key_names_the_schema()
    {
        CellInfo total = Schema.Cells.First(c => c.IsDerived);
        var derived = Assert.Throws<InvalidOperationException>(() => new Report2021Builder().Set(total.Key, 1m));
        Assert.Equal("'" + total.Key + "' is a total; the builder derives it from its parts.", derived.Message);

        var unknown = Assert.Throws<KeyNotFoundException>(() => new Report2021Builder().Set("t9.nowhere", 1m));
        Assert.Equal("The schema Report2021 has no cell 't9.nowhere'.", unknown.Message);
        Report2021 report = new Report2021Builder().Build().Report!;
        Assert.Equal("The schema Report2021 has no cell 'x'.", Assert.Throws<KeyNotFoundException>(() => report["x"]).Message);
    }
}
