using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Reports.Core.Localization;

namespace Reports.Core.Benchmarks;

/// <summary>
/// How often the seeded cell of <see cref="LocalizationCorpus"/> is the unique top candidate, is the top candidate
/// (unique or not), or is among the candidates; with the mean time per broken report.
/// </summary>
public static class LocalizationShare
{
    public static void Run(int count)
    {
        var broken = LocalizationCorpus.Create(Corpora.Seed, count, 0.10).Where(r => r.Seeded >= 0).ToArray();
        foreach (var r in broken.Take(50))
        {
            ErrorLocalizer.Localize(r.Cells); // warm up
        }

        int unique = 0, top = 0, among = 0;
        var watch = Stopwatch.StartNew();
        foreach (var r in broken)
        {
            LocalizationResult result = ErrorLocalizer.Localize(r.Cells);
            RepairCandidate? best = result.Best;
            bool first = best is not null && best.Size == 1 && best.Changes[0].Cell.Ordinal == r.Seeded && best.Changes[0].Repaired == r.Original;
            unique += first && result.IsUnique ? 1 : 0;
            top += first ? 1 : 0;
            among += result.Candidates.Any(k => k.Size == 1 && k.Changes[0].Cell.Ordinal == r.Seeded && k.Changes[0].Repaired == r.Original) ? 1 : 0;
        }

        double micros = watch.Elapsed.TotalMilliseconds * 1000 / broken.Length;
        string Share(int k) => (100.0 * k / broken.Length).ToString("0.0", CultureInfo.InvariantCulture) + " %";
        Console.WriteLine($"reports {count}, seeded single-cell errors {broken.Length}");
        Console.WriteLine($"seeded cell is the unique top candidate: {unique} ({Share(unique)})");
        Console.WriteLine($"seeded cell ranked first (unique or not): {top} ({Share(top)})");
        Console.WriteLine($"seeded cell among the candidates:        {among} ({Share(among)})");
        Console.WriteLine($"mean time per broken report (up to 3 cells): {micros.ToString("0.0", CultureInfo.InvariantCulture)} µs");
        for (int k = 1; k <= 2; k++)
        {
            watch.Restart();
            foreach (var r in broken)
            {
                ErrorLocalizer.Localize(r.Cells, k);
            }

            Console.WriteLine($"mean time per broken report (up to {k} cell(s)): {(watch.Elapsed.TotalMilliseconds * 1000 / broken.Length).ToString("0.0", CultureInfo.InvariantCulture)} µs");
        }

        Console.WriteLine($"mean sets solved per report: {broken.Average(r => ErrorLocalizer.Localize(r.Cells).Examined):0.0}, mean candidates: {broken.Average(r => ErrorLocalizer.Localize(r.Cells).Candidates.Length):0.0}");
        var slow = broken.Select(r => { var w = Stopwatch.StartNew(); ErrorLocalizer.Localize(r.Cells); return w.Elapsed.TotalMilliseconds * 1000; }).OrderBy(t => t).ToArray();
        Console.WriteLine($"median {slow[slow.Length / 2]:0.0} µs, 90th percentile {slow[slow.Length * 9 / 10]:0.0} µs, max {slow[^1]:0.0} µs");
    }
}
