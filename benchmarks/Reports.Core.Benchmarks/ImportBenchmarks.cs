using System;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Reports.Core.Import;

namespace Reports.Core.Benchmarks;

/// <summary>Text import of the bundled published samples (samples/*.txt), all of them per operation; MB/s = bytes ÷ mean.</summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private (string Name, string Text)[] _samples = null!;

    /// <summary>UTF-8 bytes of all samples (printed at setup for the MB/s figure).</summary>
    public long Bytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        string dir = FindSamples();
        _samples = Directory.GetFiles(dir, "*.txt").OrderBy(f => f, StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        Bytes = _samples.Sum(s => (long)Encoding.UTF8.GetByteCount(s.Text));
        Console.WriteLine($"// ImportBenchmarks: {_samples.Length} samples, {Bytes} UTF-8 bytes per operation");
    }

    [Benchmark]
    public int ImportAllSamples()
    {
        int drafts = 0;
        foreach ((string name, string text) in _samples)
        {
            drafts += ReportImporter.Default.Import(text, name).Draft is null ? 0 : 1;
        }

        return drafts;
    }

    private static string FindSamples()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null)
        {
            string candidate = Path.Combine(dir, "samples");
            if (Directory.Exists(candidate) && Directory.GetFiles(candidate, "*.txt").Length > 0)
            {
                return candidate;
            }

            dir = Path.GetDirectoryName(dir);
        }

        throw new DirectoryNotFoundException("samples/ not found above " + AppContext.BaseDirectory);
    }
}
