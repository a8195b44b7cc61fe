using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Reports.Core.Cells;
using Reports.Core.CrossReport;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Infrastructure;
using Reports.Core.Reports;
using Reports.Core.Tests.Support;
using Reports.Core.Validation;
using Xunit;

namespace Reports.Core.Tests.CrossReport;

/// <summary>Laws of the cross-year checks (spec §9.2 X1–X3) over random series consistent by construction.</summary>
public sealed class CrossYearProperties
{
    private static readonly Config Config = PropertyConfig.Cases(200);

    private static readonly string[] Columns = { "np", "biz", "res", "ngo", "law", "oth", "tot" };

    private static Arbitrary<(int Seed, int First, int Count)> Series { get; } = (
        from seed in PropertyConfig.Seeds.Generator
        from first in Gen.Choose(2019, 2023)
        from count in Gen.Choose(2, 5)
        select (seed, first, count)).ToArbitrary();

    [Fact]
    public void Consistent_series_in_any_order_passes_X1_to_X3_on_every_consecutive_pair()
    {
        Prop.ForAll(Series, c =>
        {
            List<IValidatedReport> series = ConsistentSeries.Build(c.Seed, c.First, c.Count);
            var shuffled = series.OrderBy(_ => new Random(c.Seed).Next()).ToList();
            Shuffle(shuffled, new Random(c.Seed));
            SeriesCheckResult result = ReportSeries.Check(shuffled);
            SeriesCheckResult drafts = ReportSeries.Check(shuffled.Select(r => r.Edition.CreateDraft(r.Info, ReportCells.FromValues(r.Edition.Schema, r.Values))));
            return result.Diagnostics.IsEmpty
                && drafts.Diagnostics.IsEmpty
                && result.Pairs.Length == c.Count - 1
                && result.Pairs.SequenceEqual(Enumerable.Range(c.First + 1, c.Count - 1).Select(y => (y - 1, y)))
                && result.MissingYears.IsEmpty;
        }).Check(Config);
    }

    [Fact]
    public void Perturbing_one_carry_over_cell_in_any_column_is_reported_for_exactly_that_column()
    {
        Arbitrary<(int Seed, int First, int Count, int Year, int Column, int Delta, bool Outgoing)> cases = (
            from s in Series.Generator
            from year in Gen.Choose(1, 4)
            from column in Gen.Choose(0, 6)
            from delta in Gen.Choose(-50, 50).Where(d => d != 0)
            from outgoing in Gen.Elements(false, true)
            select (s.Seed, s.First, s.Count, year, column, delta, outgoing)).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            List<IValidatedReport> series = ConsistentSeries.Build(c.Seed, c.First, c.Count);
            var drafts = series.Select(r => r.Edition.CreateDraft(r.Info, ReportCells.FromValues(r.Edition.Schema, r.Values))).ToList();
            int current = 1 + ((c.Year - 1) % (c.Count - 1));
            int changed = c.Outgoing ? current - 1 : current;
            string key = (c.Outgoing ? "t3.carried_out." : "t3.carried_in.") + Columns[c.Column];
            IReportDraft draft = drafts[changed];
            var cell = draft.Edition.Schema.TryGetCell(key, out var info) ? info : throw new InvalidOperationException(key);
            long before = draft.Cells[cell.Ordinal].Value;
            drafts[changed] = draft.Edition.CreateDraft(draft.Info, draft.Cells.With(cell.Ordinal, Cell.Number(before + c.Delta)));

            ImmutableArray<Diagnostic> found = ReportSeries.Check(drafts).Diagnostics;
            Diagnostic d = found.Single();
            long carriedIn = drafts[current]["t3.carried_in." + Columns[c.Column]].Value;
            long carriedOut = drafts[current - 1]["t3.carried_out." + Columns[c.Column]].Value;
            return d.Id == "RC3001"
                && d.Identity == "X1[" + Columns[c.Column] + "]"
                && d.Location.CellKey == "t3.carried_in." + Columns[c.Column]
                && d.Location.Source == "report-" + (c.First + current) + ".json"
                && d.Reported == carriedIn.ToString()
                && d.Computed == carriedOut.ToString()
                && d.Message.Contains("report-" + (c.First + current - 1) + ".json", StringComparison.Ordinal);
        }).Check(Config);
    }

    [Fact]
    public void Valid_change_of_one_part_column_carried_out_breaks_X1_for_that_column_and_its_total_only()
    {
        // Raising 结转下年度 and 本年新收 together keeps the earlier report valid (H3), but next year's 上年结转 no
        // longer matches in that column and in 总计 (derived from it by H1).
        Arbitrary<(int Seed, int First, int Count, int Year, int Column, int Delta)> cases = (
            from s in Series.Generator
            from year in Gen.Choose(1, 4)
            from column in Gen.Choose(0, 5)
            from delta in Gen.Choose(1, 50)
            select (s.Seed, s.First, s.Count, year, column, delta)).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            List<IValidatedReport> series = ConsistentSeries.Build(c.Seed, c.First, c.Count);
            int current = 1 + ((c.Year - 1) % (c.Count - 1));
            IValidatedReport earlier = series[current - 1];
            long[] values = earlier.Values.ToArray();
            var schema = earlier.Edition.Schema;
            foreach (string row in new[] { "new", "carried_out" })
            {
                schema.TryGetCell("t3." + row + "." + Columns[c.Column], out var cell);
                values[cell.Ordinal] += c.Delta;
            }

            Assert.DoesNotContain(ReportValidator.Build(earlier.Edition, earlier.Info, values), d => d.IsError);
            series[current - 1] = earlier.Edition.Validate(earlier.Edition.CreateDraft(earlier.Info, ReportCells.FromValues(schema, values))).Report!;

            string[] reported = ReportSeries.Check(series).Diagnostics.Select(d => d.Id + " " + d.Identity).OrderBy(x => x, StringComparer.Ordinal).ToArray();
            string[] expected = { "RC3001 X1[" + Columns[c.Column] + "]", "RC3001 X1[tot]" };
            return reported.SequenceEqual(expected.OrderBy(x => x, StringComparer.Ordinal));
        }).Check(Config);
    }

    [Fact]
    public void A_missing_year_is_reported_and_its_neighbours_are_not_compared()
    {
        Prop.ForAll(Series.Filter(s => s.Count >= 3), c =>
        {
            List<IValidatedReport> series = ConsistentSeries.Build(c.Seed, c.First, c.Count);
            int gap = 1 + (Math.Abs(c.Seed) % (c.Count - 2));
            series.RemoveAt(gap);
            SeriesCheckResult result = ReportSeries.Check(series);
            Diagnostic d = result.Diagnostics.Single();
            return d.Id == "RC3003"
                && result.MissingYears.SequenceEqual(new[] { c.First + gap })
                && result.Pairs.Length == c.Count - 3
                && !result.Pairs.Any(p => p.Previous == c.First + gap - 1);
        }).Check(Config);
    }

    [Fact]
    public void Links_apply_to_every_column_and_row_of_each_edition_pair_and_X4_is_absent()
    {
        string Names(ReportEdition previous, ReportEdition current) => string.Join(",", CrossYearChecks.Instances(previous.Schema, current.Schema).Select(i => i.Name));

        Assert.Equal("X1[np],X1[biz],X1[res],X1[ngo],X1[law],X1[oth],X1[tot],X2[regulation],X2[admin_normative]", Names(Report2021.Edition, Report2021.Edition));
        Assert.Equal("X1[np],X1[biz],X1[res],X1[ngo],X1[law],X1[oth],X1[tot]", Names(Report2019.Edition, Report2021.Edition));
        Assert.Equal(
            "X1[np],X1[biz],X1[res],X1[ngo],X1[law],X1[oth],X1[tot],X3[a5.licensing],X3[a5.other_service],X3[a6.penalty],X3[a6.coercion],X3[a8.fee]",
            Names(Report2019.Edition, Report2019.Edition));
        Assert.DoesNotContain(CrossYearChecks.Instances(Report2019.Schema, Report2021.Schema), i => i.Right.Any(t => t.Cell.Key.Contains("total_public", StringComparison.Ordinal)));
        Assert.Equal("X3: t2.*.prev_items(Y) = t2.*.prev_items(Y−1) + t2.*.delta_items(Y−1)", Report2019.Schema.CrossYearLinks[1].ToString());
    }

    private static void Shuffle<T>(IList<T> list, Random random)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
