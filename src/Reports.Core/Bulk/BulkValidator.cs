using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Validation;

namespace Reports.Core.Bulk;

/// <summary>
/// Validates an NDJSON corpus — one report draft per line, as <see cref="ReportJson"/> writes it, its
/// <c>"edition"</c> choosing the edition — streaming, on all cores, with bounded memory, results in input order.
/// A bad line never stops the run: it gets a result with a diagnostic located at its line number.
/// </summary>
/// <remarks>
/// The input is cut into batches of whole lines (<see cref="BulkOptions.ChunkBytes"/>); at most about twice
/// <see cref="BulkOptions.MaxDegreeOfParallelism"/> batches are in memory at a time, so memory does not grow with
/// the input. Each line first takes an allocation-free fast path (valid without any finding); any other line is
/// read and validated in full, exactly as <c>Report2021Draft.FromJson</c> + <c>Validate</c> would do one by one.
/// Blank lines yield no result.
/// </remarks>
public sealed class BulkValidator
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private readonly ReportEdition[] _editions;
    private readonly FastJsonValidator.Edition[] _fast;
    private readonly BulkOptions _options;
    private readonly string _expected;
    private readonly string _expectedIds;

    /// <summary>Creates a validator.</summary>
    public BulkValidator(BulkOptions? options = null)
    {
        _options = options ?? new BulkOptions();
        _editions = (_options.Editions ?? ReportEditions.All).ToArray();
        if (_editions.Length == 0)
        {
            throw new ArgumentException("At least one edition is required.", nameof(options));
        }

        if (_options.ChunkBytes < 1024 || _options.MaxLineBytes < _options.ChunkBytes || _options.MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentException("ChunkBytes must be at least 1024, MaxLineBytes at least ChunkBytes, MaxDegreeOfParallelism at least 1.", nameof(options));
        }

        _fast = _editions.Select(e => new FastJsonValidator.Edition(e)).ToArray();
        _expected = string.Join(" or ", _editions.Select(e => "\"" + e.Id + "\""));
        _expectedIds = string.Join(" or ", _editions.Select(e => e.Id));
    }

    /// <summary>The editions lines may name.</summary>
    public IReadOnlyList<ReportEdition> Editions => _editions;

    /// <summary>
    /// Validates one line (UTF-8 JSON, without its line break) as line <paramref name="lineNumber"/>. The same
    /// function the streaming methods apply to every non-blank line.
    /// </summary>
    public BulkResult ValidateLine(ReadOnlySpan<byte> utf8Line, long lineNumber)
    {
        try
        {
            return ValidateLineCore(utf8Line, lineNumber);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Never expected; but one line's failure is that line's finding, and the stream goes on.
            var where = new DiagnosticLocation { Source = _options.SourceName, Span = LineSpan(lineNumber) };
            return new BulkResult(lineNumber, null, false, ImmutableArray.Create(Diagnostic.Create(
                ReportDiagnostics.BulkLineFailed, where, lineNumber, ex.GetType().Name + ": " + ex.Message)));
        }
    }

    private BulkResult ValidateLineCore(ReadOnlySpan<byte> utf8Line, long lineNumber)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8Line))
        {
            // RC1101 with the byte offset, exactly as ReportJson reports it; the fast path never sees such a line.
            ReportJsonReadResult invalid = ReportJson.Read(_editions[0], utf8Line);
            return new BulkResult(lineNumber, null, false, Relocate(invalid.Diagnostics, lineNumber));
        }

        switch (FastJsonValidator.Classify(utf8Line, _fast, out FastJsonValidator.Edition? fast, out ReportInfo? info))
        {
            case FastJsonValidator.Outcome.Clean:
                return new BulkResult(lineNumber, fast!.Report, true, ImmutableArray<Diagnostic>.Empty);
            case FastJsonValidator.Outcome.Numbers:
                // Read without any finding, every cell a plain number: validate those numbers (as ReportJson would have read them).
                ReportEdition numbers = fast!.Report;
                ReportCells cells = ReportCells.FromValues(numbers.Schema, FastJsonValidator.Values(fast));
                ValidationResult<IValidatedReport> checkedNumbers = numbers.Validate(numbers.CreateDraft(info!, cells));
                return new BulkResult(lineNumber, numbers, checkedNumbers.IsValid, checkedNumbers.Diagnostics);
        }

        ReportEdition? edition = Detect(utf8Line, out string? named, out bool readAnyway);
        if (edition is null && !readAnyway)
        {
            // No "edition" (or null) is RC1104, as when reading one report; one the validator was not given is RC1201.
            var where = new DiagnosticLocation { Source = _options.SourceName, Span = LineSpan(lineNumber) };
            Diagnostic finding = named is null
                ? Diagnostic.Create(ReportDiagnostics.UnknownEdition, where, "(none)", _expectedIds)
                : Diagnostic.Create(ReportDiagnostics.BulkUnknownEdition, where, lineNumber, "\"" + named + "\"", _expected);
            return new BulkResult(lineNumber, null, false, ImmutableArray.Create(finding));
        }

        ReportJsonReadResult read = ReportJson.Read(edition ?? _editions[0], utf8Line);
        ImmutableArray<Diagnostic> diagnostics = Relocate(read.Diagnostics, lineNumber);
        if (edition is null || read.Cells is null)
        {
            return new BulkResult(lineNumber, edition, false, diagnostics);
        }

        // A read error (a duplicate property, a contradictory cell, bad metadata) blocks, as in FromJson.
        bool readClean = !read.Diagnostics.Any(d => d.IsError);
        ValidationResult<IValidatedReport> validated = edition.Validate(edition.CreateDraft(read.Info, read.Cells));
        return new BulkResult(lineNumber, edition, readClean && validated.IsValid, diagnostics.AddRange(validated.Diagnostics));
    }

    // A line number beyond what a source span holds (more than 2^31 − 1 lines) is kept in the result and the
    // message only: the span is left unknown rather than wrapped or thrown about.
    private static SourceSpan LineSpan(long lineNumber, int column = 1, int length = 0) =>
        lineNumber is > 0 and <= int.MaxValue ? new SourceSpan((int)lineNumber, column, length) : default;

    /// <summary>Validates the NDJSON file at <paramref name="path"/>, streaming; results in line order.</summary>
    public async IAsyncEnumerable<BulkResult> ValidateFileAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Stryker disable once Bitwise : SequentialScan and Asynchronous are hints to the OS; without them the same bytes are read in the same order
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await foreach (BulkResult result in ValidateAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }
    }

    /// <summary>Validates NDJSON read from <paramref name="utf8Ndjson"/>, streaming; results in line order.</summary>
    public async IAsyncEnumerable<BulkResult> ValidateAsync(Stream utf8Ndjson, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (utf8Ndjson is null)
        {
            throw new ArgumentNullException(nameof(utf8Ndjson));
        }

        // Stryker disable once Initializer,Boolean : SingleReader and SingleWriter only let the channel skip its locks; one producer and one consumer use it either way
        var batches = Channel.CreateBounded<Task<Batch>>(new BoundedChannelOptions(2 * _options.MaxDegreeOfParallelism) { SingleReader = true, SingleWriter = true });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var workers = new SemaphoreSlim(_options.MaxDegreeOfParallelism);
        var clock = Stopwatch.StartNew();
        Task producer = Task.Run(() => ProduceAsync(utf8Ndjson, batches.Writer, workers, cancel.Token), cancel.Token);
        long lines = 0, reports = 0, valid = 0, bytes = 0;
        bool completed = false;
        try
        {
            while (await batches.Reader.WaitToReadAsync(cancel.Token).ConfigureAwait(false))
            {
                while (batches.Reader.TryRead(out Task<Batch>? task))
                {
                    Batch batch = await task.ConfigureAwait(false);
                    try
                    {
                        foreach (BulkResult result in batch.Results)
                        {
                            reports++;
                            valid += result.IsValid ? 1 : 0;
                            yield return result;
                        }
                    }
                    finally
                    {
                        // Stryker disable once all : only returns a buffer to the shared pool; no result, finding or their order depends on it
                        batch.Release();
                    }

                    lines += batch.LineCount;
                    bytes += batch.Length;
                    _options.Progress?.Report(new BulkProgress(lines, reports, valid, reports - valid, bytes, clock.Elapsed));
                }
            }

            // Stryker disable once Statement : the producer completed the channel in its finally, its last act; a failure of it came through the channel
            await producer.ConfigureAwait(false);
            // Stryker disable once Boolean : after a run that ended on its own, the clean-up below only cancels a finished producer and drains an empty channel
            completed = true;
        }
        finally
        {
            if (!completed)
            {
                cancel.Cancel();
                try
                {
                    await producer.ConfigureAwait(false);
                }
                catch (Exception) when (cancel.IsCancellationRequested)
                {
                    // The consumer stopped early or was cancelled; the producer's failure is not news.
                }

                while (batches.Reader.TryRead(out Task<Batch>? task))
                {
                    try
                    {
                        // Stryker disable once all : the drain only returns abandoned batches' buffers to the shared pool; no result depends on it, and the consumer has stopped
                        (await task.ConfigureAwait(false)).Release();
                    }
                    catch (Exception) when (cancel.IsCancellationRequested)
                    {
                        // Abandoned batch.
                    }
                }
            }
        }
    }

    /// <summary>Validates every line and returns the totals; <paramref name="onResult"/> sees each result in line order.</summary>
    public async Task<BulkSummary> RunAsync(Stream utf8Ndjson, Action<BulkResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        var summary = new BulkSummary();
        var clock = Stopwatch.StartNew();
        await foreach (BulkResult result in ValidateAsync(utf8Ndjson, cancellationToken).ConfigureAwait(false))
        {
            summary.Add(result);
            onResult?.Invoke(result);
        }

        summary.Elapsed = clock.Elapsed;
        summary.Bytes = utf8Ndjson.CanSeek ? utf8Ndjson.Length : 0;
        return summary;
    }

    private async Task ProduceAsync(Stream input, ChannelWriter<Task<Batch>> writer, SemaphoreSlim workers, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            int chunk = _options.ChunkBytes;
            byte[] buffer = ArrayPool<byte>.Shared.Rent(chunk);
            int filled = 0;
            long nextLine = 1;
            bool first = true;
            bool eof = false;
            while (true)
            {
                while (!eof && filled < buffer.Length)
                {
                    int n = await input.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                    eof = n == 0;
                    filled += n;
                }

                if (first && filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    Buffer.BlockCopy(buffer, 3, buffer, 0, filled - 3);
                    filled -= 3;
                    first = false;
                    // Stryker disable once Statement : without it the buffer, three bytes short, is cut at its last line break like any other
                    continue; // fill up the three bytes
                }

                first = false;
                if (filled == 0)
                {
                    // Stryker disable once all : only returns a buffer to the shared pool; no result, finding or their order depends on it
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }

                int cut = eof ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
                if (cut == 0)
                {
                    // One line fills the buffer: grow it, or skip the line when it exceeds the limit.
                    if (buffer.Length >= _options.MaxLineBytes)
                    {
                        // Stryker disable once Boolean : the producer runs on a thread-pool thread (Task.Run), with no synchronization context to return to
                        filled = await SkipLineAsync(input, buffer, cancellationToken).ConfigureAwait(false);
                        eof = filled < 0;
                        filled = Math.Max(filled, 0);
                        // Stryker disable once Boolean : the producer runs on a thread-pool thread (Task.Run), with no synchronization context to return to
                        await writer.WriteAsync(Task.FromResult(Batch.TooLong(nextLine, Diagnostic.Create(
                            ReportDiagnostics.BulkLineTooLong,
                            new DiagnosticLocation { Source = _options.SourceName, Span = LineSpan(nextLine) },
                            nextLine,
                            _options.MaxLineBytes))), cancellationToken).ConfigureAwait(false);
                        nextLine++;
                        // Stryker disable once Statement : the path below would replace the buffer by one of the same size (the limit) holding the same bytes
                        continue;
                    }

                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, _options.MaxLineBytes));
                    Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                    // Stryker disable once all : only returns a buffer to the shared pool; no result, finding or their order depends on it
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    continue;
                }

                int lineCount = buffer.AsSpan(0, cut).Count((byte)'\n') + (buffer[cut - 1] == (byte)'\n' ? 0 : 1);
                int rest = filled - cut;
                byte[] next = ArrayPool<byte>.Shared.Rent(Math.Max(chunk, rest * 2));
                Buffer.BlockCopy(buffer, cut, next, 0, rest);
                var batch = new Batch(buffer, cut, nextLine, lineCount);
                nextLine += lineCount;
                buffer = next;
                filled = rest;
                // Stryker disable once Boolean : the producer runs on a thread-pool thread (Task.Run), with no synchronization context to return to
                await workers.WaitAsync(cancellationToken).ConfigureAwait(false);
                Task<Batch> work = Task.Run(
                    () =>
                    {
                        try
                        {
                            Process(batch);
                            return batch;
                        }
                        finally
                        {
                            workers.Release();
                        }
                    },
                    CancellationToken.None);
                // Stryker disable once Boolean : the producer runs on a thread-pool thread (Task.Run), with no synchronization context to return to
                await writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);

                // At the end of the input the batch took every byte left: the next turn returns the buffer and stops.
            }
        }
        catch (Exception ex)
        {
            failure = ex;
            // Stryker disable once Statement : the failure reaches the consumer through the channel's completion (TryComplete(failure) below), which WaitToReadAsync rethrows as it is
            throw;
        }
        finally
        {
            writer.TryComplete(failure);
        }
    }

    // Reads and drops bytes up to and including the next line break; moves what follows to the front of the
    // buffer and returns its length, or -1 at the end of the input.
    private static async Task<int> SkipLineAsync(Stream input, byte[] buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Stryker disable once Boolean : the producer runs on a thread-pool thread (Task.Run), with no synchronization context to return to
            int n = await input.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return -1;
            }

            int at = buffer.AsSpan(0, n).IndexOf((byte)'\n');
            if (at >= 0)
            {
                Buffer.BlockCopy(buffer, at + 1, buffer, 0, n - at - 1);
                return n - at - 1;
            }
        }
    }

    private void Process(Batch batch)
    {
        ReadOnlySpan<byte> rest = batch.Buffer.AsSpan(0, batch.Length);
        long line = batch.FirstLine;
        var results = new List<BulkResult>(batch.LineCount);
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> text = end < 0 ? rest : rest.Slice(0, end);
            rest = end < 0 ? default : rest.Slice(end + 1);
            text = text.Trim(" \t\r"u8);
            if (!text.IsEmpty)
            {
                results.Add(ValidateLine(text, line));
            }

            line++;
        }

        batch.Results = results;
    }

    // The edition named by the top-level "edition" property (ReportJson's detector, shared with file reading).
    // readAnyway is true when the line is not an object or not JSON: the full reader then reports why (RC1101, RC1106).
    private ReportEdition? Detect(ReadOnlySpan<byte> line, out string? named, out bool readAnyway)
    {
        readAnyway = !ReportJson.TryReadEdition(line, out named, out JsonTokenType token);
        // Stryker disable once Block : a token that is no string leaves named null, which no edition's id equals: null either way
        if (token != JsonTokenType.String)
        {
            return null;
        }

        foreach (ReportEdition edition in _editions)
        {
            if (string.Equals(edition.Id, named, StringComparison.Ordinal))
            {
                return edition;
            }
        }

        return null;
    }

    private ImmutableArray<Diagnostic> Relocate(ImmutableArray<Diagnostic> diagnostics, long lineNumber)
    {
        // Stryker disable once Block : an empty array makes an empty builder, hence the same empty array; ReportJson.Read never gives a default one
        if (diagnostics.IsDefaultOrEmpty)
        {
            return ImmutableArray<Diagnostic>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<Diagnostic>(diagnostics.Length);
        foreach (Diagnostic d in diagnostics)
        {
            builder.Add(Relocate(d, lineNumber, _options.SourceName));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>
    /// A finding of reading one NDJSON line, moved from the line's own text (always line 1) to the line of the
    /// corpus; validation findings keep their locations (they point into the report's published source).
    /// </summary>
    public static Diagnostic Relocate(Diagnostic diagnostic, long lineNumber, string? sourceName)
    {
        if (diagnostic is null)
        {
            throw new ArgumentNullException(nameof(diagnostic));
        }

        SourceSpan span = diagnostic.Location.Span;
        return diagnostic.WithLocation(diagnostic.Location with
        {
            Span = LineSpan(lineNumber, span.IsKnown ? span.Column : 1, span.Length),
            Source = sourceName ?? diagnostic.Location.Source,
        });
    }

    private sealed class Batch
    {
        private byte[]? _buffer;

        public Batch(byte[] buffer, int length, long firstLine, int lineCount)
        {
            _buffer = buffer;
            Length = length;
            FirstLine = firstLine;
            LineCount = lineCount;
        }

        public byte[] Buffer => _buffer ?? Array.Empty<byte>();

        public int Length { get; }

        public long FirstLine { get; }

        public int LineCount { get; }

        public IReadOnlyList<BulkResult> Results { get; set; } = Array.Empty<BulkResult>();

        public static Batch TooLong(long line, Diagnostic diagnostic) =>
            new(Array.Empty<byte>(), 0, line, 1) { Results = new[] { new BulkResult(line, null, false, ImmutableArray.Create(diagnostic)) } };

        public void Release()
        {
            byte[]? buffer = Interlocked.Exchange(ref _buffer, null);
            // Stryker disable once all : only returns a buffer to the shared pool; no result, finding or their order depends on it
            if (buffer is not null && buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
