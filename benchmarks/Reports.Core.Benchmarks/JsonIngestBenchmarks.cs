using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Reports.Core.Bulk;

namespace Reports.Core.Benchmarks;

/// <summary>
/// NDJSON ingest, per report: every line read and validated (single thread, <see cref="BulkValidator.ValidateLine"/>)
/// against a bare <see cref="Utf8JsonReader"/> pass over the same lines; plus the streaming bulk validator on all cores.
/// </summary>
[MemoryDiagnoser]
public class JsonIngestBenchmarks
{
    private const int Count = 2_000;
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    private byte[] _ndjson = null!;
    private (int Start, int Length)[] _lines = null!;
    private BulkValidator _validator = null!;

    [Params("2019", "2021", "mixed")]
    public string Edition { get; set; } = "2021";

    [Params(0.0, 0.1)]
    public double ErrorRate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ndjson = Corpora.Ndjson(Edition, Count, ErrorRate);
        _lines = Corpora.Lines(_ndjson);
        _validator = new BulkValidator();
    }

    /// <summary>Tokenize every line with a bare reader and nothing else.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public long BareUtf8JsonReader()
    {
        long tokens = 0;
        foreach ((int start, int length) in _lines)
        {
            var reader = new Utf8JsonReader(_ndjson.AsSpan(start, length), Options);
            try
            {
                while (reader.Read())
                {
                    tokens++;
                }
            }
            catch (JsonException)
            {
                tokens--;
            }
        }

        return tokens;
    }

    /// <summary>Read and validate every line (one thread).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int ValidateLines()
    {
        int valid = 0;
        long line = 1;
        foreach ((int start, int length) in _lines)
        {
            valid += _validator.ValidateLine(_ndjson.AsSpan(start, length), line++).IsValid ? 1 : 0;
        }

        return valid;
    }

    /// <summary>The streaming bulk validator over a stream of the same bytes (all cores, ordered results).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public async Task<long> BulkValidatorAllCores()
    {
        BulkSummary summary = await _validator.RunAsync(new MemoryStream(_ndjson, writable: false));
        return summary.Valid;
    }
}
