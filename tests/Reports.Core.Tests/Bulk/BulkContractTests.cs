using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Reports.Core.Bulk;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Infrastructure;
using Reports.Core.Validation;
using Xunit;

namespace Reports.Core.Tests.Bulk;

/// <summary>
/// The bulk validator's contract with its caller beyond the findings of a line: what a result and the totals count,
/// what its refusals and line findings say, line numbers at the edges of a source span, any degree of parallelism, and
/// how a run ends: a consumer that stops early leaves no read of its stream running, and no continuation is ever
/// posted to the caller's synchronization context.
/// </summary>
public sealed class BulkContractTests
{
    private static readonly string Clean2021 = BulkLines.Zeros2021;

    private static Diagnostic Finding(DiagnosticDescriptor descriptor, params object[] args) =>
        Diagnostic.Create(descriptor, DiagnosticLocation.None, args);

    [Fact]
    public void A_result_counts_its_errors_only_and_the_summary_counts_every_finding_of_an_id()
    {
        Diagnostic error = Finding(ReportDiagnostics.BulkLineTooLong, 1, 10);
        Diagnostic warning = Finding(ReportDiagnostics.EditionYearMismatch, 2015, "2021", "2021–");
        Assert.False(warning.IsError);
        var result = new BulkResult(1, Report2021.Edition, false, ImmutableArray.Create(warning, error, warning));
        Assert.Equal(1, result.ErrorCount);
        Assert.Equal(0, new BulkResult(2, Report2021.Edition, true, ImmutableArray.Create(warning)).ErrorCount);

        var summary = new BulkSummary();
        summary.Add(result);
        summary.Add(new BulkResult(2, Report2021.Edition, true, ImmutableArray.Create(warning)));
        Assert.Equal(3L, summary.FindingsById[warning.Id]);
        Assert.Equal(1L, summary.FindingsById[error.Id]);
        Assert.Equal((2L, 1L, 0L), (summary.Reports, summary.Valid, summary.Clean));
    }

    [Fact]
    public void Refused_options_say_what_would_work_and_name_the_options()
    {
        ArgumentException none = Assert.Throws<ArgumentException>(() => new BulkValidator(new BulkOptions { Editions = Array.Empty<ReportEdition>() }));
        Assert.StartsWith("At least one edition is required.", none.Message, StringComparison.Ordinal);
        Assert.Equal("options", none.ParamName);

        ArgumentException sizes = Assert.Throws<ArgumentException>(() => new BulkValidator(new BulkOptions { ChunkBytes = 512 }));
        Assert.StartsWith("ChunkBytes must be at least 1024, MaxLineBytes at least ChunkBytes, MaxDegreeOfParallelism at least 1.", sizes.Message, StringComparison.Ordinal);
        Assert.Equal("options", sizes.ParamName);
    }

    [Fact]
    public void A_line_without_a_known_edition_is_told_the_editions_the_validator_reads()
    {
        var validator = new BulkValidator();
        Diagnostic unknown = Assert.Single(validator.ValidateLine("{\"edition\":\"2030\"}"u8, 3).Diagnostics);
        Assert.Equal(ReportDiagnostics.BulkUnknownEdition.Id, unknown.Id);
        Assert.Equal("line 3: \"edition\" is \"2030\"; expected \"2019\" or \"2021\"", unknown.Message);

        Diagnostic missing = Assert.Single(validator.ValidateLine("{\"agency\":\"x\"}"u8, 3).Diagnostics);
        Assert.Equal(ReportDiagnostics.UnknownEdition.Id, missing.Id);
        Assert.Equal("edition \"(none)\" is not known here; expected 2019 or 2021", missing.Message);
    }

    [Fact]
    public void A_line_whose_first_member_is_not_its_edition_is_never_taken_as_one()
    {
        // Every cell is there and the first member's value is an edition's id, but no member names the edition.
        string renamed = Clean2021.Replace("{\"edition\":\"2021\"", "{\"editio\":\"2021\"", StringComparison.Ordinal);
        Assert.NotEqual(Clean2021, renamed);
        BulkResult result = new BulkValidator().ValidateLine(Encoding.UTF8.GetBytes(renamed), 1);

        Assert.False(result.IsValid);
        Assert.Contains(result.Diagnostics, d => d.Id == ReportDiagnostics.UnknownEdition.Id);
    }

    [Theory]
    [InlineData(1L, 1)]
    [InlineData(int.MaxValue, int.MaxValue)]
    [InlineData(0L, 0)]
    [InlineData(-5L, 0)]
    [InlineData((long)int.MaxValue + 1, 0)]
    public void A_line_finding_stands_on_its_line_while_the_number_fits_a_source_span_and_is_unlocated_beyond(long lineNumber, int spanLine)
    {
        BulkResult result = new BulkValidator().ValidateLine("{\"edition\":\"2030\"}"u8, lineNumber);
        Diagnostic finding = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnostics.BulkUnknownEdition.Id, finding.Id); // never RC1203: no line number makes the validator fail
        Assert.Equal(spanLine == 0 ? default : SourceSpan.ForLine(spanLine), finding.Location.Span);
        Assert.Equal(lineNumber, result.LineNumber);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public async Task Any_degree_of_parallelism_gives_the_results_of_one_worker(int workers)
    {
        string broken = Clean2021.Replace("\"rev\":{\"upheld\":0", "\"rev\":{\"upheld\":4", StringComparison.Ordinal);
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(0, 60).Select(i => i % 7 == 3 ? broken : Clean2021)));
        var one = await Results(new BulkOptions { ChunkBytes = 1024, MaxDegreeOfParallelism = 1 }, bytes);
        var many = await Results(new BulkOptions { ChunkBytes = 1024, MaxDegreeOfParallelism = workers }, bytes);
        Assert.Equal(60, many.Count);
        Assert.Equal(one.Select(r => (r.LineNumber, r.IsValid, r.Diagnostics.Length)), many.Select(r => (r.LineNumber, r.IsValid, r.Diagnostics.Length)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task No_more_lines_are_validated_at_once_than_the_degree_of_parallelism(int workers)
    {
        var edition = new ConcurrencyProbe(Report2021.Edition);
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Repeat(Clean2021, 24)));
        var options = new BulkOptions { Editions = new ReportEdition[] { edition }, ChunkBytes = 1024, MaxDegreeOfParallelism = workers };
        List<BulkResult> results = await Results(options, bytes);

        Assert.Equal(24, results.Count(r => r.IsValid));
        Assert.Equal(24, edition.Calls);
        Assert.InRange(edition.MostAtOnce, 1, workers);
    }

    [Fact]
    public async Task Of_two_editions_given_with_one_id_the_first_reads_the_lines()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Repeat(Clean2021, 4)));
        var second = new ConcurrencyProbe(Report2021.Edition);
        List<BulkResult> results = await Results(new BulkOptions { Editions = new ReportEdition[] { Report2021.Edition, second } }, bytes);
        Assert.All(results, r => Assert.Same(Report2021.Edition, r.Edition));
        Assert.Equal(0, second.Calls);

        var first = new ConcurrencyProbe(Report2021.Edition);
        results = await Results(new BulkOptions { Editions = new ReportEdition[] { first, Report2021.Edition } }, bytes);
        Assert.All(results, r => Assert.Same(first, r.Edition));
        Assert.Equal(4, first.Calls);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("泉州市数字泉州建设办公室", "report.txt")]
    [InlineData(null, "report.txt")]
    public void A_clean_line_is_validated_without_allocating(string? agency, string? source)
    {
        var validator = new BulkValidator();
        byte[] line = Encoding.UTF8.GetBytes(ReportJson.ToJson(
            Report2021.Schema, new ReportInfo { Agency = agency, Year = 2021, Source = source }, ReportCells.FromValues(Report2021.Schema, new long[Report2021.Schema.CellCount])));
        Assert.Equal(agency is not null, Encoding.UTF8.GetString(line).Contains("\"agency\":\"", StringComparison.Ordinal));
        for (int i = 0; i < 50; i++)
        {
            Assert.True(validator.ValidateLine(line, i + 1).IsValid); // warm: the thread's scratch and the JIT
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int valid = 0;
        for (int i = 0; i < 200; i++)
        {
            valid += validator.ValidateLine(line, i + 1).IsValid ? 1 : 0;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(200, valid);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task Progress_counts_the_last_line_of_an_input_without_a_final_line_break()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Repeat(Clean2021, 3)));
        var seen = new List<BulkProgress>();
        var options = new BulkOptions { ChunkBytes = 1024, MaxDegreeOfParallelism = 1, Progress = new SyncProgress(seen.Add) };
        BulkSummary summary = await new BulkValidator(options).RunAsync(new MemoryStream(bytes));

        Assert.Equal(3L, summary.Reports);
        Assert.Equal((3L, 3L, (long)bytes.Length), (seen[^1].Lines, seen[^1].Reports, seen[^1].Bytes));
    }

    [Fact]
    public async Task A_consumer_that_stops_early_leaves_no_read_of_its_stream_running()
    {
        // One batch of whole lines exactly as long as a batch, served at once; the next read waits until the validator
        // gives up on it, and returns late.
        var first = new StringBuilder();
        while (first.Length + 40 <= 1024)
        {
            first.Append("{\"edition\":\"2030\"}\n");
        }

        first.Append(new string(' ', 1024 - first.Length - 1)).Append('\n');
        var stream = new GatedStream(Encoding.UTF8.GetBytes(first.ToString()));
        var validator = new BulkValidator(new BulkOptions { ChunkBytes = 1024, MaxDegreeOfParallelism = 1 });
        int taken = 0;
        await foreach (BulkResult r in validator.ValidateAsync(stream))
        {
            Assert.Equal(ReportDiagnostics.BulkUnknownEdition.Id, Assert.Single(r.Diagnostics).Id);
            taken++;
            await stream.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the producer is inside the second read
            break;
        }

        Assert.Equal(1, taken);
        Assert.True(stream.Token.IsCancellationRequested, "the read in progress was cancelled");
        Assert.True(stream.ReadReturned, "the enumeration ended only after the read it had started returned");
    }

    [Fact]
    public void No_continuation_is_posted_to_the_callers_synchronization_context()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Repeat(Clean2021, 40)));
        string path = Path.Combine(Path.GetTempPath(), "bulk-context-" + Guid.NewGuid().ToString("N") + ".ndjson");
        File.WriteAllBytes(path, bytes);
        var options = new BulkOptions { ChunkBytes = 1024, MaxDegreeOfParallelism = 2 };
        try
        {
            int posts = InContext(() => new BulkValidator(options).RunAsync(new SlowStream(bytes)));
            Assert.Equal(0, posts);
            posts = InContext(async () =>
            {
                int n = 0;
                await foreach (BulkResult _ in new BulkValidator(options).ValidateFileAsync(path).ConfigureAwait(false))
                {
                    n++;
                }

                Assert.Equal(40, n);
            });
            Assert.Equal(0, posts);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Task<List<BulkResult>> Results(BulkOptions options, byte[] bytes) => BulkLines.ResultsAsync(new BulkValidator(options), bytes);

    // Runs the work with a counting context installed on this thread and waits for it; returns the posts the context saw.
    private static int InContext(Func<Task> work)
    {
        var context = new CountingContext();
        SynchronizationContext? before = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = work();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(before);
        }

        Assert.True(task.Wait(TimeSpan.FromSeconds(60)), "the run finished");
        return context.Posts;
    }

    // An edition that checks as the one it wraps and records how many checks ran at the same time.
    private sealed class ConcurrencyProbe : ReportEdition
    {
        private readonly ReportEdition _inner;
        private int _running;
        private int _most;
        private int _calls;

        public ConcurrencyProbe(ReportEdition inner) => _inner = inner;

        public int MostAtOnce => Volatile.Read(ref _most);

        public int Calls => Volatile.Read(ref _calls);

        public override ReportSchema Schema => _inner.Schema;

        public override bool HoldsAll(ReadOnlySpan<long> values) => _inner.HoldsAll(values);

        public override void EvaluateIdentities(ReadOnlySpan<long> values, IdentityFindings findings)
        {
            int now = Interlocked.Increment(ref _running);
            int most;
            while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most)
            {
            }

            Interlocked.Increment(ref _calls);
            Thread.Sleep(5); // long enough for a second worker, were there one, to be inside too
            _inner.EvaluateIdentities(values, findings);
            Interlocked.Decrement(ref _running);
        }

        public override IReportDraft CreateDraft(ReportInfo info, ReportCells cells) => _inner.CreateDraft(info, cells);

        protected override IValidatedReport CreateValidated(ReportInfo info, long[] values) =>
            throw new NotSupportedException("only clean lines are validated through the probe");
    }

    private sealed class CountingContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }

    // A stream whose reads always complete later, on another thread (as a file or socket read does).
    private sealed class SlowStream : MemoryStream
    {
        public SlowStream(byte[] bytes)
            : base(bytes)
        {
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            return await base.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
    }

    // Serves its bytes as they are asked for; the read after the last one waits for its cancellation, then returns 200 ms later.
    private sealed class GatedStream : Stream
    {
        private readonly byte[] _bytes;
        private int _served;

        public GatedStream(byte[] bytes) => _bytes = bytes;

        public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken Token { get; private set; }

        public bool ReadReturned { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_served < _bytes.Length)
            {
                int n = Math.Min(buffer.Length, _bytes.Length - _served);
                _bytes.AsMemory(_served, n).CopyTo(buffer);
                _served += n;
                return n;
            }

            Token = cancellationToken;
            Waiting.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                return 0;
            }
            finally
            {
                Thread.Sleep(200);
                ReadReturned = true;
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
