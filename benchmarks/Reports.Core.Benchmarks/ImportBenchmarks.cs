using System;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Reports.Core.Import;
using Reports.Core.Import.Tokens;

namespace Reports.Core.Benchmarks;

/// <summary>
/// Text import of the bundled samples and the dev set of real reports (samples/*.txt, tests/DevSet/*.txt), all of
/// them per operation; MB/s = bytes ÷ mean. The baseline is a bare tokenization pass over the same texts (what any
/// reader of these layouts must do at least); bytes allocated per report = allocated ÷ reports.
/// </summary>
/// <remarks>
/// Measured at steady state, as a bulk run over a country's reports sees it: an import runs much code once per report,
/// and tiered compilation takes a few seconds of calls to settle (the first iterations run 3-5 times slower), hence the
/// long warm-up. The median and minimum are shown beside the mean: on a shared machine a neighbour's load shows in
/// single iterations.
/// </remarks>
[MemoryDiagnoser]
[WarmupCount(20)]
[IterationCount(15)]
[MedianColumn]
[MinColumn]
public class ImportBenchmarks
{
    private (string Name, string Text)[] _reports = null!;

    /// <summary>UTF-8 bytes of all reports (printed at setup for the MB/s figure).</summary>
    public long Bytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _reports = Texts("samples").Concat(Texts(Path.Combine("tests", "DevSet"))).ToArray();
        Bytes = _reports.Sum(s => (long)Encoding.UTF8.GetByteCount(s.Text));
        Console.WriteLine($"// ImportBenchmarks: {_reports.Length} reports, {Bytes} UTF-8 bytes per operation");
    }

    [Benchmark(Baseline = true)]
    public int TokenizeAll()
    {
        int tokens = 0;
        foreach ((string _, string text) in _reports)
        {
            tokens += Tokenizer.Read(text).Count;
        }

        return tokens;
    }

    [Benchmark]
    public int ImportAll()
    {
        int drafts = 0;
        foreach ((string name, string text) in _reports)
        {
            drafts += ReportImporter.Default.Import(text, name).Draft is null ? 0 : 1;
        }

        return drafts;
    }

    private static (string Name, string Text)[] Texts(string relative)
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            string candidate = Path.Combine(dir, relative);
            if (Directory.Exists(candidate) && Directory.GetFiles(candidate, "*.txt").Length > 0)
            {
                return Directory.GetFiles(candidate, "*.txt").OrderBy(f => f, StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToArray();
            }
        }

        throw new DirectoryNotFoundException(relative + " not found above " + AppContext.BaseDirectory);
    }
}
