using System.Linq;
using BenchmarkDotNet.Attributes;
using Reports.Core.Editions;
using Reports.Core.Reports;

namespace Reports.Core.Benchmarks;

/// <summary>
/// The fast path with the reports hot in cache (64 valid reports, ~100 KB): the cost of the generated identity
/// code itself, without the memory traffic of <see cref="ValidationBenchmarks"/>' 10,000 reports. Per report.
/// </summary>
[MemoryDiagnoser]
public class FastPathBenchmarks
{
    private const int Count = 64;

    private Report2021Draft[] _drafts2021 = null!;
    private Report2019Draft[] _drafts2019 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _drafts2021 = Corpora.Reports("2021", Count, 0).Select(r => new Report2021Draft(r.Info, r.Cells)).ToArray();
        _drafts2019 = Corpora.Reports("2019", Count, 0).Select(r => new Report2019Draft(r.Info, r.Cells)).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int IsValid2019Hot()
    {
        int valid = 0;
        foreach (Report2019Draft draft in _drafts2019)
        {
            valid += Report2019.IsValid(draft) ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int IsValid2021Hot()
    {
        int valid = 0;
        foreach (Report2021Draft draft in _drafts2021)
        {
            valid += Report2021.IsValid(draft) ? 1 : 0;
        }

        return valid;
    }
}
