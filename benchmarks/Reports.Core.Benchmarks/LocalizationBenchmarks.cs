using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Reports.Core.Cells;
using Reports.Core.Localization;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Synthetic;

namespace Reports.Core.Benchmarks;

/// <summary>
/// Error localization (issue 14) per broken report: the localizer (minimal sets up to three cells) against brute-force
/// enumeration of every set of one or two cells of the schema, solved with the same exact solver
/// (<see cref="ErrorLocalizer.TryRepair"/>). Input: a synthetic corpus with 10 % of its reports carrying one seeded
/// single-cell error (<see cref="LocalizationCorpus"/>); only the broken reports are localized.
/// </summary>
[MemoryDiagnoser]
public class LocalizationBenchmarks
{
    private ReportCells[] _broken = null!;

    [GlobalSetup]
    public void Setup() => _broken = LocalizationCorpus.Create(Corpora.Seed, 2000, 0.10).Where(r => r.Seeded >= 0).Select(r => r.Cells).ToArray();

    [Benchmark(Baseline = true)]
    public int Localize()
    {
        int unique = 0;
        foreach (ReportCells cells in _broken)
        {
            unique += ErrorLocalizer.Localize(cells).IsUnique ? 1 : 0;
        }

        return unique;
    }

    [Benchmark]
    public int LocalizeSingleCells()
    {
        int unique = 0;
        foreach (ReportCells cells in _broken)
        {
            unique += ErrorLocalizer.Localize(cells, 1).IsUnique ? 1 : 0;
        }

        return unique;
    }

    /// <summary>Every set of one or two cells, minimal ones kept: what the localizer's pruning saves (sets up to two only).</summary>
    [Benchmark]
    public int BruteForcePairs()
    {
        int found = 0;
        foreach (ReportCells cells in _broken.Take(20))
        {
            found += BruteForce(cells);
        }

        return found * (_broken.Length / 20);
    }

    public static int BruteForce(ReportCells cells)
    {
        int n = cells.Count;
        var singles = new HashSet<int>();
        int found = 0;
        for (int i = 0; i < n; i++)
        {
            if (ErrorLocalizer.TryRepair(cells, new[] { i }) is not null)
            {
                singles.Add(i);
                found++;
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (!singles.Contains(i) && !singles.Contains(j) && ErrorLocalizer.TryRepair(cells, new[] { i, j }) is not null)
                {
                    found++;
                }
            }
        }

        return found;
    }
}

/// <summary>
/// A synthetic corpus (<see cref="SyntheticCorpus"/>, valid reports) with a share of reports carrying one seeded
/// single-cell error in a cell of a hard identity: a typing slip (transposed digits, dropped or doubled digit, sign flip)
/// or an arbitrary difference, drawn at random.
/// </summary>
public static class LocalizationCorpus
{
    public static IEnumerable<(ReportCells Cells, int Seeded, long Original)> Create(int seed, int count, double errorRate)
    {
        var random = new Random(seed);
        var corpus = new SyntheticCorpus(seed, null, 0);
        foreach (SyntheticReport report in corpus.Generate(0, count))
        {
            if (random.NextDouble() >= errorRate)
            {
                yield return (report.Cells, -1, 0);
                continue;
            }

            ReportSchema schema = report.Edition.Schema;
            int[] pool = schema.Cells.Where(c => c.Identities.Any(i => schema.Identities[i].Severity == Diagnostics.DiagnosticSeverity.Error)).Select(c => c.Ordinal).ToArray();
            int o = pool[random.Next(pool.Length)];
            long v = report.Cells.Values[o];
            string s = Math.Abs(v).ToString(System.Globalization.CultureInfo.InvariantCulture);
            long w = random.Next(5) switch
            {
                0 when s.Length > 1 && s[0] != s[1] && s[1] != '0' => long.Parse(s[1].ToString() + s[0] + s.Substring(2), System.Globalization.CultureInfo.InvariantCulture),
                1 => v / 10,
                2 => (v * 10) + (v % 10),
                3 => -v,
                _ => v + random.Next(1, 30),
            };
            if (w == v)
            {
                w = v + 1 + random.Next(9);
            }

            yield return (report.Cells.With(o, Cell.Number(w, schema.Cells[o].Scale)), o, v);
        }
    }
}
