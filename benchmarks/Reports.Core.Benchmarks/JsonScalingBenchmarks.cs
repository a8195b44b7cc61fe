using System.Text;
using BenchmarkDotNet.Attributes;
using Reports.Core.Editions;
using Reports.Core.Json;

namespace Reports.Core.Benchmarks;

/// <summary>
/// <c>ReportJson.Read</c> of one document of 1 KB … 10 MB, every finding located (its line read). Shapes of issue 13:
/// <c>{"edition":"2021"</c> followed by N unknown properties, one per line (each a finding), or N duplicate metadata keys.
/// Linear time means the mean divided by the size stays flat.
/// </summary>
[MemoryDiagnoser]
public class JsonScalingBenchmarks
{
    private byte[] _utf8 = null!;

    [Params(1_000, 10_000, 100_000, 1_000_000, 10_000_000)]
    public int Bytes { get; set; }

    [Params("unknown", "duplicate")]
    public string Shape { get; set; } = "unknown";

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder("{\"edition\":\"2021\"");
        for (int i = 0; sb.Length < Bytes - 2; i++)
        {
            sb.Append(",\n").Append(Shape == "unknown" ? "\"u" + i + "\":" + i : "\"agency\":\"a" + i + "\"");
        }

        _utf8 = Encoding.UTF8.GetBytes(sb.Append('}').ToString());
    }

    [Benchmark]
    public int Read()
    {
        ReportJsonReadResult read = ReportJson.Read(Report2021.Edition, _utf8);
        int lines = 0;
        foreach (var d in read.Diagnostics)
        {
            lines += d.Location.Span.Line > 0 ? 1 : 0;
        }

        return lines;
    }
}
