using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Reports.Core.Bulk;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Reports;
using Reports.Core.Synthetic;
using Xunit;

namespace Reports.Core.Tests.Bulk;

/// <summary>The bulk validator finds exactly what validating the reports one by one finds, in input order.</summary>
public sealed class BulkValidatorTests
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private static Task<List<BulkResult>> RunAsync(byte[] ndjson, BulkOptions? options = null) => BulkLines.ResultsAsync(new BulkValidator(options), ndjson);

    private static (byte[] Bytes, SyntheticReport[] Reports) Corpus(int seed, int count, double errorRate)
    {
        var corpus = new SyntheticCorpus(seed, null, errorRate);
        var stream = new MemoryStream();
        corpus.WriteNdjson(stream, count);
        return (stream.ToArray(), corpus.Generate(0, count).ToArray());
    }

    // Validating one report the ordinary way: the typed draft's FromJson, then Validate.
    private static (bool Valid, ImmutableArray<Diagnostic> Diagnostics) OneByOne(SyntheticReport report)
    {
        long line = report.Index + 1;
        string json = Encoding.UTF8.GetString(report.Utf8Json.Span);
        if (report.Error == SeededError.UnknownEdition)
        {
            return (false, ImmutableArray<Diagnostic>.Empty); // no edition to read it as; checked separately
        }

        ImmutableArray<Diagnostic> read;
        ImmutableArray<Diagnostic> validated = ImmutableArray<Diagnostic>.Empty;
        bool valid = false;
        if (ReferenceEquals(report.Edition, Report2021.Edition))
        {
            var draft = Report2021Draft.FromJson(json);
            read = draft.Diagnostics;
            if (draft.Draft is not null)
            {
                var result = Report2021.Validate(draft.Draft);
                (valid, validated) = (result.IsValid, result.Diagnostics);
            }
        }
        else
        {
            var draft = Report2019Draft.FromJson(json);
            read = draft.Diagnostics;
            if (draft.Draft is not null)
            {
                var result = Report2019.Validate(draft.Draft);
                (valid, validated) = (result.IsValid, result.Diagnostics);
            }
        }

        return (valid, read.Select(d => BulkValidator.Relocate(d, line, null)).Concat(validated).ToImmutableArray());
    }

    [Fact]
    public async Task Findings_equal_one_by_one_validation_in_order_including_seeded_errors()
    {
        (byte[] bytes, SyntheticReport[] reports) = Corpus(seed: 11, count: 3000, errorRate: 0.25);
        List<BulkResult> results = await RunAsync(bytes, new BulkOptions { MaxDegreeOfParallelism = 4, ChunkBytes = 8192 });

        Assert.Equal(reports.Length, results.Count);
        Assert.Contains(reports, r => r.Error == SeededError.None);
        foreach (SeededError kind in Enum.GetValues<SeededError>())
        {
            Assert.Contains(reports, r => r.Error == kind);
        }

        for (int i = 0; i < reports.Length; i++)
        {
            SyntheticReport report = reports[i];
            BulkResult result = results[i];
            Assert.Equal(report.Index + 1, result.LineNumber);
            if (report.Error == SeededError.UnknownEdition)
            {
                Diagnostic d = Assert.Single(result.Diagnostics);
                Assert.Equal("RC1201", d.Id);
                Assert.Equal(result.LineNumber, d.Location.Span.Line);
                Assert.Null(result.Edition);
                Assert.False(result.IsValid);
                continue;
            }

            (bool valid, ImmutableArray<Diagnostic> expected) = OneByOne(report);
            Assert.Equal(valid, result.IsValid);
            Assert.Equal(expected.ToArray(), result.Diagnostics.ToArray());
            if (report.Error == SeededError.None)
            {
                Assert.True(result.IsValid);
                Assert.Empty(result.Diagnostics);
                Assert.Same(report.Edition, result.Edition);
            }
            else
            {
                Assert.False(result.IsValid);
                Assert.Contains(result.Diagnostics, d => d.Id == report.ExpectedDiagnosticId && d.IsError);
                if (report.CellKey is not null)
                {
                    Assert.Contains(result.Diagnostics, d => d.Location.CellKey == report.CellKey || d.CellKeys.Contains(report.CellKey));
                }
            }
        }
    }

    [Fact]
    public async Task Order_and_results_do_not_depend_on_parallelism_or_batch_size()
    {
        (byte[] bytes, _) = Corpus(seed: 5, count: 800, errorRate: 0.3);
        List<BulkResult> serial = await RunAsync(bytes, new BulkOptions { MaxDegreeOfParallelism = 1, ChunkBytes = 1 << 20 });
        foreach (var options in new[]
        {
            new BulkOptions { MaxDegreeOfParallelism = 8, ChunkBytes = 1024 },
            new BulkOptions { MaxDegreeOfParallelism = 3, ChunkBytes = 5000 },
        })
        {
            List<BulkResult> parallel = await RunAsync(bytes, options);
            Assert.Equal(serial.Select(r => r.LineNumber), parallel.Select(r => r.LineNumber));
            Assert.Equal(serial.Select(r => r.IsValid), parallel.Select(r => r.IsValid));
            for (int i = 0; i < serial.Count; i++)
            {
                Assert.Equal(serial[i].Diagnostics.ToArray(), parallel[i].Diagnostics.ToArray());
            }
        }

        Assert.Equal(Enumerable.Range(1, 800).Select(i => (long)i), serial.Select(r => r.LineNumber));
    }

    [Fact]
    public async Task Bad_lines_get_a_diagnostic_with_their_line_number_and_the_run_goes_on()
    {
        string valid = Encoding.UTF8.GetString(new SyntheticCorpus(3).Generate(0).Utf8Json.Span);
        string[] lines =
        {
            valid,                                 // 1
            "this is not json",                    // 2 RC1101
            string.Empty,                          // 3 blank: no result
            "{\"edition\":\"2021\",\"t3\":{",      // 4 RC1101
            "[1, 2, 3]",                           // 5 RC1106
            "{\"agency\":\"某某局\"}",              // 6 RC1104 (no edition)
            "{\"edition\":\"1999\"}",              // 7 RC1201
            "{\"edition\":\"2021\",\"t9\":1}",     // 8 RC1102 + missing cells
            "{\"edition\":\"2021\"," + new string(' ', 10000) + "}", // 9 too long: RC1202
            valid,                                 // 10
        };
        byte[] bytes = Utf8.GetBytes("\uFEFF" + string.Join("\r\n", lines) + "\r\n");
        List<BulkResult> results = await RunAsync(bytes, new BulkOptions { ChunkBytes = 1024, MaxLineBytes = 8192, SourceName = "corpus.ndjson" });

        Assert.Equal(new long[] { 1, 2, 4, 5, 6, 7, 8, 9, 10 }, results.Select(r => r.LineNumber));
        Assert.True(results[0].IsValid);
        Assert.True(results[^1].IsValid);
        (long Line, string Id)[] expected = { (2, "RC1101"), (4, "RC1101"), (5, "RC1106"), (6, "RC1104"), (7, "RC1201"), (8, "RC1102"), (9, "RC1202") };
        foreach ((long line, string id) in expected)
        {
            BulkResult result = results.Single(r => r.LineNumber == line);
            Assert.False(result.IsValid);
            Diagnostic d = result.Diagnostics.First();
            Assert.Equal(id, d.Id);
            Assert.Equal(line, d.Location.Span.Line);
            Assert.Equal("corpus.ndjson", d.Location.Source);
            Assert.StartsWith("corpus.ndjson:" + line, d.ToString());
        }
    }

    [Fact]
    public async Task Progress_counts_every_line_and_the_summary_adds_up()
    {
        (byte[] bytes, SyntheticReport[] reports) = Corpus(seed: 9, count: 500, errorRate: 0.2);
        var seen = new List<BulkProgress>();
        var progress = new SyncProgress(seen.Add);
        BulkSummary summary = await new BulkValidator(new BulkOptions { ChunkBytes = 4096, Progress = progress }).RunAsync(new MemoryStream(bytes));

        Assert.Equal(500, summary.Reports);
        Assert.Equal(reports.Count(r => r.Error == SeededError.None), summary.Valid);
        Assert.NotEmpty(seen);
        Assert.Equal(500, seen[^1].Lines);
        Assert.Equal(bytes.Length, seen[^1].Bytes);
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.Lines < p.Second.Lines));

        // The progress counts what was delivered: every report, the valid ones among them, the rest invalid.
        Assert.Equal(500, seen[^1].Reports);
        Assert.Equal(summary.Valid, seen[^1].Valid);
        Assert.Equal(500 - summary.Valid, seen[^1].Invalid);
        Assert.All(seen, p => Assert.Equal(p.Reports, p.Valid + p.Invalid));
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.Reports < p.Second.Reports && p.First.Valid <= p.Second.Valid));
    }

    [Fact]
    public void ValidateLine_fast_path_accepts_a_clean_report_and_defers_anything_else()
    {
        var validator = new BulkValidator();
        Report2021 report = Support.RandomReports.Build2021(4).Report!;
        string json = report.ToJson();
        BulkResult clean = validator.ValidateLine(Encoding.UTF8.GetBytes(json), 1);
        Assert.Equal(Report2021.Validate(report.ToDraft()).Diagnostics.ToArray(), clean.Diagnostics.ToArray());
        Assert.Equal(Report2021.Validate(report.ToDraft()).IsValid, clean.IsValid);

        // An escaped property name, a duplicate and a blank go to the full path and get its findings.
        string escaped = json.Replace("\"t4\"", "\"t\\u0034\"", StringComparison.Ordinal);
        Assert.Equal(clean.IsValid, validator.ValidateLine(Encoding.UTF8.GetBytes(escaped), 1).IsValid);
        string duplicate = json.Replace("\"agency\"", "\"year\":null,\"agency\"", StringComparison.Ordinal);
        Assert.Contains(validator.ValidateLine(Encoding.UTF8.GetBytes(duplicate), 1).Diagnostics, d => d.Id == "RC1105");
    }

    [Theory]
    [InlineData("\"year\":2021", "\"year\":2019")]                 // RC1013 warning, still valid
    [InlineData("\"year\":2021", "\"year\":null")]
    [InlineData("\"t4\":{\"rev\":{\"upheld\":", "\"t4\":{\"rev\":{\"upheld\":3000000000+")]  // RC1004 out of range
    [InlineData("\"t4\":{\"rev\":{\"upheld\":", "\"t4\":{\"rev\":{\"upheld\":-7+")]         // RC1003 + RC1001
    [InlineData("\"agency\":\"", "\"source\":\"a\\u0062.txt\",\"agency\":\"")]        // escaped metadata
    [InlineData("\"agency\":\"", "\"source\":\"样本.txt\",\"agency\":\"")]
    public void Any_line_gets_what_reading_and_validating_it_alone_gets(string find, string replace)
    {
        Report2021 report = Support.RandomReports.Build2021(12).Report! with { Info = new ReportInfo { Agency = "某某局", Year = 2021 } };
        string json = report.ToJson();
        Assert.Contains(find, json);
        int at = json.IndexOf(find, StringComparison.Ordinal);
        string line = json.Substring(0, at) + replace.Replace("+", string.Empty, StringComparison.Ordinal) + json.Substring(at + find.Length);
        if (replace.EndsWith('+'))
        {
            // Drop the original number that followed the replaced key.
            int start = at + replace.Length - 1;
            int end = start;
            while (char.IsDigit(line[end]))
            {
                end++;
            }

            line = line.Substring(0, start) + line.Substring(end);
        }

        var expected = Report2021.FromJson(line);
        BulkResult result = new BulkValidator().ValidateLine(Encoding.UTF8.GetBytes(line), 1);
        Assert.Equal(expected.IsValid, result.IsValid);
        Assert.Equal(expected.Diagnostics.ToArray(), result.Diagnostics.ToArray());
    }
}
