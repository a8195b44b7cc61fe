using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Reports.Core.Diagnostics;
using Reports.Core.Localization;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Tests.Support;
using Xunit;

namespace Reports.Core.Tests.Properties;

/// <summary>The laws of error localization (issue 14): soundness, minimality, identifiability, typing errors.</summary>
public sealed class LocalizationProperties
{
    private static readonly Config Quick = PropertyConfig.Cases(300);

    private static readonly Arbitrary<(int Seed, int Edition, int Changes, int Pick)> BrokenCases = (
        from seed in PropertyConfig.Seeds.Generator
        from edition in Gen.Choose(0, 1)
        from changes in Gen.Choose(1, 3)
        from pick in Gen.Choose(0, int.MaxValue)
        select (seed, edition, changes, pick)).ToArbitrary();

    [Fact]
    public void Soundness_every_determined_repair_makes_every_hard_identity_hold()
    {
        Prop.ForAll(BrokenCases, c =>
        {
            (ReportEdition edition, long[] valid, long[] broken, int[] changed) = Break(c.Seed, c.Edition, c.Changes, c.Pick);
            ReportCells cells = ReportCells.FromValues(edition.Schema, broken);
            LocalizationResult result = ErrorLocalizer.Localize(cells);
            if (edition.HoldsAll(broken))
            {
                return result.HoldsAsPublished && result.Candidates.IsEmpty;
            }

            // At most three cells changed, so reverting them explains the report: some minimal subset is found.
            bool found = !result.Candidates.IsEmpty;
            foreach (RepairCandidate candidate in result.Candidates.Where(k => k.IsDetermined))
            {
                long[] repaired = (long[])broken.Clone();
                foreach (CellRepair change in candidate.Changes)
                {
                    repaired[change.Cell.Ordinal] = change.Repaired!.Value;
                }

                if (!edition.HoldsAll(repaired) || candidate.Changes.Any(x => x.Repaired == broken[x.Cell.Ordinal]))
                {
                    return false;
                }
            }

            return found && result.Candidates.Where(k => !k.IsDetermined).All(k => Oracle.For(edition.Schema).Feasible(broken, k.Changes.Select(x => x.Cell.Ordinal).ToArray()));
        }).Check(PropertyConfig.Default);
    }

    [Fact]
    public void Minimality_no_smaller_set_explains_the_report_and_brute_force_finds_no_minimal_pair_the_localizer_misses()
    {
        Arbitrary<(int Seed, int Edition, int Changes, int Pick)> small = (
            from seed in PropertyConfig.Seeds.Generator
            from edition in Gen.Choose(0, 1)
            from changes in Gen.Choose(1, 2)
            from pick in Gen.Choose(0, int.MaxValue)
            select (seed, edition, changes, pick)).ToArbitrary();

        Prop.ForAll(small, c =>
        {
            (ReportEdition edition, _, long[] broken, _) = Break(c.Seed, c.Edition, c.Changes, c.Pick);
            Oracle oracle = Oracle.For(edition.Schema);
            LocalizationResult result = ErrorLocalizer.Localize(ReportCells.FromValues(edition.Schema, broken));
            if (edition.HoldsAll(broken))
            {
                return result.HoldsAsPublished; // two changes that cancel: the empty set explains it
            }

            // Brute force, independent of the localizer: every set of one or two cells, solved over all hard identities.
            var feasible = new List<int[]>();
            int n = edition.Schema.CellCount;
            for (int i = 0; i < n; i++)
            {
                if (oracle.Feasible(broken, new[] { i }))
                {
                    feasible.Add(new[] { i });
                }
            }

            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    if (!feasible.Any(f => f.Length == 1 && (f[0] == i || f[0] == j)) && oracle.Feasible(broken, new[] { i, j }))
                    {
                        feasible.Add(new[] { i, j });
                    }
                }
            }

            string[] expected = feasible.Select(Name).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            string[] actual = result.Candidates.Where(k => k.Size <= 2).Select(k => Name(k.Changes.Select(x => x.Cell.Ordinal).ToArray())).OrderBy(s => s, StringComparer.Ordinal).ToArray();

            // And no returned set of three has an explaining subset.
            bool minimalTriples = result.Candidates.Where(k => k.Size == 3).All(k =>
            {
                int[] o = k.Changes.Select(x => x.Cell.Ordinal).ToArray();
                return !oracle.Feasible(broken, new[] { o[0], o[1] }) && !oracle.Feasible(broken, new[] { o[0], o[2] }) && !oracle.Feasible(broken, new[] { o[1], o[2] })
                    && o.All(x => !oracle.Feasible(broken, new[] { x }));
            });
            return expected.SequenceEqual(actual) && minimalTriples;
        }).Check(PropertyConfig.Cases(100));
    }

    [Fact]
    public void Identifiability_a_changed_cell_that_is_the_only_common_cell_of_two_instances_is_the_unique_repair_with_its_original_value()
    {
        Arbitrary<(int Seed, int Edition, int Cell, int Delta)> cases = (
            from seed in PropertyConfig.Seeds.Generator
            from edition in Gen.Choose(0, 1)
            from cell in Gen.Choose(0, int.MaxValue)
            from delta in Gen.Choose(-1000, 1000).Where(d => d != 0)
            select (seed, edition, cell, delta)).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            ReportEdition edition = RandomReports.Editions[c.Edition];
            int[] identifiable = Oracle.For(edition.Schema).Identifiable;
            int ordinal = identifiable[c.Cell % identifiable.Length];
            long[] values = RandomReports.Build(edition, c.Seed).Values.ToArray();
            long original = values[ordinal];
            values[ordinal] += c.Delta;

            LocalizationResult result = ErrorLocalizer.Localize(ReportCells.FromValues(edition.Schema, values));
            return result.IsUnique
                && result.Best!.Changes.Length == 1
                && result.Best.Changes[0].Cell.Ordinal == ordinal
                && result.Best.Changes[0].Repaired == original;
        }).Check(PropertyConfig.Default);
    }

    [Fact]
    public void Identifiability_a_changed_cell_in_one_instance_only_is_among_the_candidates_with_its_original_value()
    {
        Arbitrary<(int Seed, int Edition, int Cell, int Delta)> cases = (
            from seed in PropertyConfig.Seeds.Generator
            from edition in Gen.Choose(0, 1)
            from cell in Gen.Choose(0, int.MaxValue)
            from delta in Gen.Choose(-1000, 1000).Where(d => d != 0)
            select (seed, edition, cell, delta)).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            ReportEdition edition = RandomReports.Editions[c.Edition];
            int[] single = Oracle.For(edition.Schema).InOneInstance;
            int ordinal = single[c.Cell % single.Length];
            long[] values = RandomReports.Build(edition, c.Seed).Values.ToArray();
            long original = values[ordinal];
            values[ordinal] += c.Delta;

            LocalizationResult result = ErrorLocalizer.Localize(ReportCells.FromValues(edition.Schema, values));
            return result.Candidates.Any(k => k.Size == 1 && k.Changes[0].Cell.Ordinal == ordinal && k.Changes[0].Repaired == original);
        }).Check(PropertyConfig.Default);
    }

    [Fact]
    public void Typing_errors_transposing_two_digits_of_a_cell_ranks_that_cell_first()
    {
        Arbitrary<(int Seed, int Edition, int Cell, int Position)> cases = (
            from seed in PropertyConfig.Seeds.Generator
            from edition in Gen.Choose(0, 1)
            from cell in Gen.Choose(0, int.MaxValue)
            from position in Gen.Choose(0, 8)
            select (seed, edition, cell, position)).ToArbitrary();

        int tested = 0, first = 0;
        Prop.ForAll(cases, c =>
        {
            ReportEdition edition = RandomReports.Editions[c.Edition];
            long[] values = RandomReports.Build(edition, c.Seed).Values.ToArray();
            int[] eligible = Oracle.For(edition.Schema).InSomeInstance.Where(o => Transposable(values[o])).ToArray();
            if (eligible.Length == 0)
            {
                return true;
            }

            tested++;
            int ordinal = eligible[c.Cell % eligible.Length];
            long original = values[ordinal];
            values[ordinal] = Transpose(original, c.Position);

            LocalizationResult result = ErrorLocalizer.Localize(ReportCells.FromValues(edition.Schema, values));
            // The cell's own repair is a size-1 transposition that only an equally good slip can precede: a cell in one
            // instance only leaves the others of that instance as candidates, and 224 → 242 explains a difference of 18
            // as well as 202 → 220 does (the tie goes to a total). A cell that two instances pin down is first outright.
            RepairCandidate best = result.Best!;
            int rank = result.Candidates.IndexOf(result.Candidates.FirstOrDefault(k => k.Size == 1 && k.Changes[0].Cell.Ordinal == ordinal)!);
            RepairCandidate? own = rank < 0 ? null : result.Candidates[rank];
            bool top = own is not null && own.Changes[0].Repaired == original && own.Changes[0].Error == TypingError.Transposition
                && result.Candidates.Take(rank).All(k => k.Size == 1 && k.Changes[0].Error == TypingError.Transposition);
            bool pinned = Array.IndexOf(Oracle.For(edition.Schema).Identifiable, ordinal) < 0 || ReferenceEquals(own, best);
            first += ReferenceEquals(own, best) ? 1 : 0;
            return top && pinned;
        }).Check(Quick);
        Assert.True(tested > Quick.MaxTest * 5 / 6, tested + " of " + Quick.MaxTest + " cases had a cell with two different neighbouring digits");
        Assert.True(first > tested * 3 / 4, first + " of " + tested + " transposed cells ranked first outright");
    }

    private static bool Transposable(long value)
    {
        string s = value.ToString(CultureInfo.InvariantCulture);
        for (int i = 0; i + 1 < s.Length; i++)
        {
            if (s[i] != s[i + 1] && s[i] != '-' && !(i == 0 && s[i + 1] == '0'))
            {
                return true;
            }
        }

        return false;
    }

    // Swaps the first pair of different neighbouring digits at or after `position` (wrapping), never creating a leading 0.
    private static long Transpose(long value, int position)
    {
        char[] s = value.ToString(CultureInfo.InvariantCulture).ToCharArray();
        int start = s[0] == '-' ? 1 : 0;
        int pairs = s.Length - 1 - start;
        for (int k = 0; k < pairs; k++)
        {
            int i = start + ((position + k) % pairs);
            if (s[i] != s[i + 1] && !(i == start && s[i + 1] == '0'))
            {
                (s[i], s[i + 1]) = (s[i + 1], s[i]);
                return long.Parse(new string(s), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("not transposable: " + value);
    }

    private static string Name(int[] set) => string.Join("+", set.OrderBy(x => x));

    // A valid report with `changes` random cells of its hard identities changed (by a random delta, or a typing slip).
    private static (ReportEdition Edition, long[] Valid, long[] Broken, int[] Changed) Break(int seed, int editionIndex, int changes, int pick)
    {
        ReportEdition edition = RandomReports.Editions[editionIndex];
        long[] valid = RandomReports.Build(edition, seed).Values.ToArray();
        long[] broken = (long[])valid.Clone();
        int[] pool = Oracle.For(edition.Schema).InSomeInstance;
        var random = new Random(pick);
        var changed = new List<int>();
        while (changed.Count < changes)
        {
            int o = pool[random.Next(pool.Length)];
            if (changed.Contains(o))
            {
                continue;
            }

            changed.Add(o);
            long v = broken[o];
            long w = random.Next(4) switch
            {
                0 => -v,
                1 => (v * 10) + random.Next(10),
                2 => v / 10,
                _ => v + (random.Next(1, 50) * (random.Next(2) == 0 ? 1 : -1)),
            };
            broken[o] = w == v ? v + 7 : w;
        }

        return (edition, valid, broken, changed.ToArray());
    }

    /// <summary>
    /// Brute-force reference, independent of the library's solver: exact rational elimination (BigInteger fractions)
    /// over every hard identity; a set is feasible when some values for it make every hard identity hold and the
    /// values it forces are integers that differ from the published ones.
    /// </summary>
    private sealed class Oracle
    {
        private static readonly Dictionary<ReportSchema, Oracle> Cache = new();

        private readonly List<(int Cell, int Coef)[]> _rows = new();

        private Oracle(ReportSchema schema)
        {
            foreach (IdentityInfo identity in schema.Identities.Where(i => i.Severity == DiagnosticSeverity.Error && i.Relation == IdentityRelation.Equal))
            {
                var coef = new Dictionary<int, int>();
                foreach (int o in identity.Left)
                {
                    coef[o] = coef.GetValueOrDefault(o) + 1;
                }

                foreach (int o in identity.Right)
                {
                    coef[o] = coef.GetValueOrDefault(o) - 1;
                }

                _rows.Add(coef.Where(p => p.Value != 0).Select(p => (p.Key, p.Value)).ToArray());
            }

            var instances = _rows.Select(r => r.Select(x => x.Cell).ToHashSet()).ToList();
            InSomeInstance = Enumerable.Range(0, schema.CellCount).Where(c => instances.Any(i => i.Contains(c))).ToArray();
            InOneInstance = InSomeInstance.Where(c => instances.Count(i => i.Contains(c)) == 1).ToArray();
            Identifiable = InSomeInstance.Where(c =>
            {
                var mine = instances.Where(i => i.Contains(c)).ToList();
                for (int a = 0; a < mine.Count; a++)
                {
                    for (int b = a + 1; b < mine.Count; b++)
                    {
                        if (mine[a].Intersect(mine[b]).Count() == 1)
                        {
                            return true;
                        }
                    }
                }

                return false;
            }).ToArray();
        }

        public int[] InSomeInstance { get; }

        public int[] InOneInstance { get; }

        public int[] Identifiable { get; }

        public static Oracle For(ReportSchema schema)
        {
            lock (Cache)
            {
                if (!Cache.TryGetValue(schema, out Oracle? oracle))
                {
                    Cache[schema] = oracle = new Oracle(schema);
                }

                return oracle;
            }
        }

        public bool Feasible(long[] values, int[] set)
        {
            // Rows without an unknown must hold as they stand.
            var equations = new List<BigInteger[]>();
            foreach ((int Cell, int Coef)[] row in _rows)
            {
                var eq = new BigInteger[set.Length + 1];
                BigInteger rest = 0;
                bool any = false;
                foreach ((int cell, int coef) in row)
                {
                    int k = Array.IndexOf(set, cell);
                    if (k >= 0)
                    {
                        eq[k] += coef;
                        any = true;
                    }
                    else
                    {
                        rest += coef * (BigInteger)values[cell];
                    }
                }

                eq[set.Length] = -rest;
                if (!any)
                {
                    if (rest != 0)
                    {
                        return false;
                    }

                    continue;
                }

                equations.Add(eq);
            }

            // Gauss–Jordan over the rationals (integer rows, cross-multiplied).
            int m = equations.Count, n = set.Length, rank = 0;
            var pivots = new List<int>();
            for (int col = 0; col < n && rank < m; col++)
            {
                int p = Enumerable.Range(rank, m - rank).FirstOrDefault(r => equations[r][col] != 0, -1);
                if (p < 0)
                {
                    continue;
                }

                (equations[p], equations[rank]) = (equations[rank], equations[p]);
                for (int r = 0; r < m; r++)
                {
                    if (r != rank && equations[r][col] != 0)
                    {
                        BigInteger f = equations[r][col], g = equations[rank][col];
                        for (int j = 0; j <= n; j++)
                        {
                            equations[r][j] = (equations[r][j] * g) - (equations[rank][j] * f);
                        }
                    }
                }

                pivots.Add(col);
                rank++;
            }

            for (int r = rank; r < m; r++)
            {
                if (equations[r][n] != 0)
                {
                    return false;
                }
            }

            for (int r = 0; r < rank; r++)
            {
                int col = pivots[r];
                if (Enumerable.Range(0, n).All(j => j == col || equations[r][j] == 0))
                {
                    BigInteger value = BigInteger.DivRem(equations[r][n], equations[r][col], out BigInteger remainder);
                    if (remainder != 0 || value == values[set[col]])
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
