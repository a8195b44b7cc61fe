using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Reports.Core.Bulk;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;
using Xunit;

namespace Reports.Core.Tests.Bulk;

/// <summary>
/// What a user of the bulk validator relies on beyond the findings: the totals add up, a result tells its line,
/// lines up to the limit are read whole whatever the batch size, a longer one is one finding, and stopping early or
/// cancelling ends the run cleanly.
/// </summary>
public sealed class BulkStreamingTests
{
    private static string Line(long upheld = -1)
    {
        string json = BulkLines.Zeros2021;
        return upheld < 0 ? json : json.Replace("\"rev\":{\"upheld\":0", "\"rev\":{\"upheld\":" + upheld, StringComparison.Ordinal);
    }

    private static Task<List<BulkResult>> All(BulkValidator validator, byte[] bytes) => BulkLines.ResultsAsync(validator, bytes);

    [Fact]
    public async Task The_summary_counts_reports_valid_clean_and_findings_by_id()
    {
        string warned = Line().Replace("\"year\":2021", "\"year\":2015", StringComparison.Ordinal); // RC1013: valid, not clean
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join("\n", Line(), Line(2), warned, "\n", Line()));
        var seen = new List<BulkResult>();
        BulkSummary summary = await new BulkValidator().RunAsync(new MemoryStream(bytes), seen.Add);

        Assert.Equal((4L, 3L, 1L, 2L), (summary.Reports, summary.Valid, summary.Invalid, summary.Clean));
        Assert.Equal(bytes.Length, summary.Bytes);
        Assert.True(summary.Elapsed > TimeSpan.Zero);
        Assert.Equal(new long[] { 1, 2, 3, 6 }, seen.Select(r => r.LineNumber));
        BulkResult broken = seen[1];
        Assert.Equal(broken.Diagnostics.Length, summary.FindingsById.Values.Sum() - 1);
        Assert.Equal(1L, summary.FindingsById[ReportDiagnostics.EditionYearMismatch.Id]);
        Assert.Equal(broken.Diagnostics.Count(d => d.Id == "RC1001"), summary.FindingsById["RC1001"]);
        Assert.Equal(broken.Diagnostics.Count(d => d.IsError), broken.ErrorCount);
        Assert.True(broken.ErrorCount > 0);
        Assert.Equal("line 2 (2021): invalid, " + broken.Diagnostics.Length + " finding(s)", broken.ToString());
        Assert.Equal("line 1 (2021): valid, 0 finding(s)", seen[0].ToString());
        Assert.Equal("line 9 (?): invalid, 0 finding(s)", new BulkResult(9, null, false, default).ToString());
    }

    [Fact]
    public async Task A_line_longer_than_a_batch_is_read_whole_and_one_over_the_limit_is_one_finding()
    {
        string padded = Line().Replace("{\"edition\"", "{" + new string(' ', 3000) + "\"edition\"", StringComparison.Ordinal);
        string tooLong = "{\"edition\":\"2021\"," + new string(' ', 20000) + "}";
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join("\n", padded, tooLong, Line(), tooLong));
        var options = new BulkOptions { ChunkBytes = 1024, MaxLineBytes = 8192, MaxDegreeOfParallelism = 1, SourceName = "c.ndjson" };
        List<BulkResult> results = await All(new BulkValidator(options), bytes);

        Assert.Equal(new long[] { 1, 2, 3, 4 }, results.Select(r => r.LineNumber));
        Assert.True(results[0].IsValid && results[2].IsValid);
        foreach (BulkResult r in new[] { results[1], results[3] })
        {
            Diagnostic d = Assert.Single(r.Diagnostics);
            Assert.Equal(ReportDiagnostics.BulkLineTooLong.Id, d.Id);
            Assert.Equal((r.LineNumber, "c.ndjson"), (d.Location.Span.Line, d.Location.Source));
            Assert.Contains("8192", d.Message);
        }
    }

    [Fact]
    public async Task A_file_validates_as_its_stream_does()
    {
        string path = Path.Combine(Path.GetTempPath(), "bulk-" + Guid.NewGuid().ToString("N") + ".ndjson");
        File.WriteAllText(path, Line() + "\n" + Line(3) + "\n");
        try
        {
            var results = new List<BulkResult>();
            await foreach (BulkResult r in new BulkValidator().ValidateFileAsync(path))
            {
                results.Add(r);
            }

            Assert.Equal(new[] { true, false }, results.Select(r => r.IsValid));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Stopping_after_the_first_result_or_cancelling_ends_the_run()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Repeat(Line(), 400)));
        var options = new BulkOptions { ChunkBytes = 1024, MaxDegreeOfParallelism = 2 };
        int taken = 0;
        await foreach (BulkResult r in new BulkValidator(options).ValidateAsync(new MemoryStream(bytes)))
        {
            taken++;
            break;
        }

        Assert.Equal(1, taken);

        using var cancel = new CancellationTokenSource();
        int before = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (BulkResult r in new BulkValidator(options).ValidateAsync(new MemoryStream(bytes), cancel.Token))
            {
                before++;
                cancel.Cancel();
            }
        });
        Assert.True(before is >= 1 and < 400);
    }

    [Fact]
    public void Options_that_cannot_work_are_refused_when_the_validator_is_made()
    {
        Assert.Throws<ArgumentException>(() => new BulkValidator(new BulkOptions { Editions = Array.Empty<ReportEdition>() }));
        Assert.Throws<ArgumentException>(() => new BulkValidator(new BulkOptions { ChunkBytes = 1023 }));
        Assert.Throws<ArgumentException>(() => new BulkValidator(new BulkOptions { ChunkBytes = 4096, MaxLineBytes = 4095 }));
        Assert.Throws<ArgumentException>(() => new BulkValidator(new BulkOptions { MaxDegreeOfParallelism = 0 }));
        _ = new BulkValidator(new BulkOptions { ChunkBytes = 1024, MaxLineBytes = 1024, MaxDegreeOfParallelism = 1 });
        Assert.Equal(new[] { "2019", "2021" }, new BulkValidator().Editions.Select(e => e.Id));
        Assert.Equal(new[] { "2021" }, new BulkValidator(new BulkOptions { Editions = new[] { Report2021.Edition } }).Editions.Select(e => e.Id));
    }

    [Fact]
    public async Task A_line_of_an_edition_not_asked_for_is_reported_with_the_editions_that_were()
    {
        string line2019 = ReportJson.ToJson(Report2019.Schema, ReportInfo.Empty, ReportCells.FromValues(Report2019.Schema, new long[Report2019.Schema.CellCount]));
        var only2021 = new BulkValidator(new BulkOptions { Editions = new[] { Report2021.Edition } });
        BulkResult r = (await All(only2021, Encoding.UTF8.GetBytes(line2019))).Single();
        Diagnostic d = Assert.Single(r.Diagnostics);
        Assert.Equal(ReportDiagnostics.BulkUnknownEdition.Id, d.Id);
        Assert.Contains("\"2019\"", d.Message);
        Assert.Contains("\"2021\"", d.Message);
        Assert.Null(r.Edition);

        BulkResult nonString = only2021.ValidateLine(Encoding.UTF8.GetBytes("{\"edition\":[1]}"), 5);
        Assert.Contains("an array", Assert.Single(nonString.Diagnostics).Message);
        BulkResult nullEdition = only2021.ValidateLine(Encoding.UTF8.GetBytes("{\"a\":1,\"edition\":null}"), 5);
        Assert.Equal(ReportDiagnostics.UnknownEdition.Id, Assert.Single(nullEdition.Diagnostics).Id); // RC1104, as on every path
        Assert.Contains("(none)", nullEdition.Diagnostics[0].Message);
    }

    [Fact]
    public void A_finding_moved_to_a_corpus_line_keeps_its_column_and_takes_the_corpus_name()
    {
        Diagnostic read = ReportJson.Read(Report2021.Edition, "{\"edition\":\"2021\",\"zz\":1}").Diagnostics.First(d => d.Id == "RC1102");
        Diagnostic moved = BulkValidator.Relocate(read, 42, "c.ndjson");
        Assert.Equal((42, read.Location.Span.Column, "c.ndjson"), (moved.Location.Span.Line, moved.Location.Span.Column, moved.Location.Source));
        Assert.Equal(default, BulkValidator.Relocate(read, (long)int.MaxValue + 1, null).Location.Span);
        Assert.Equal(new Cells.SourceSpan(7, 1, 0), BulkValidator.Relocate(read.WithLocation(DiagnosticLocation.None), 7, null).Location.Span); // no column: the line's start
        Assert.Throws<ArgumentNullException>(() => BulkValidator.Relocate(null!, 1, null));

        // The corpus's name replaces the one the finding had; without one, the finding keeps its own.
        Diagnostic named = read.WithLocation(read.Location with { Source = "report.json" });
        Assert.Equal("c.ndjson", BulkValidator.Relocate(named, 3, "c.ndjson").Location.Source);
        Assert.Equal("report.json", BulkValidator.Relocate(named, 3, null).Location.Source);
    }
}
