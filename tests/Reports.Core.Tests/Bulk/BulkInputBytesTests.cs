using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Reports.Core.Bulk;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;
using Xunit;

namespace Reports.Core.Tests.Bulk;

/// <summary>
/// The bytes of a corpus as the bulk validator takes them: a byte-order mark is dropped where the input begins and
/// nowhere else, bytes that only look like part of one are read as they stand, and the size of a stream that cannot
/// tell it is not guessed.
/// </summary>
public sealed class BulkInputBytesTests
{
    private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };

    private static readonly string Clean2021 = BulkLines.Zeros2021;

    private static readonly BulkOptions OneKilobyte = new() { ChunkBytes = 1024, MaxDegreeOfParallelism = 1 };

    private static Task<List<BulkResult>> Results(byte[] bytes, BulkOptions? options = null) => BulkLines.ResultsAsync(new BulkValidator(options ?? OneKilobyte), bytes);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    [Fact]
    public async Task A_byte_order_mark_where_the_input_begins_is_dropped_and_one_alone_is_no_line()
    {
        Assert.Empty(await Results(Bom));
        BulkResult only = Assert.Single(await Results(Concat(Bom, Encoding.UTF8.GetBytes(Clean2021))));
        Assert.True(only.IsValid);
        Assert.Empty(only.Diagnostics);
    }

    [Fact]
    public async Task Of_two_byte_order_marks_where_the_input_begins_only_the_first_is_dropped()
    {
        byte[] second = Concat(Bom, Encoding.UTF8.GetBytes(Clean2021));
        BulkResult streamed = Assert.Single(await Results(Concat(Bom, second)));
        BulkResult alone = new BulkValidator(OneKilobyte).ValidateLine(second, 1);

        Assert.False(streamed.IsValid);
        Assert.Equal(alone.Diagnostics.Select(d => d.ToString()), streamed.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task A_line_too_long_whose_end_falls_where_a_read_ends_is_skipped_and_the_next_line_is_read()
    {
        // The batch buffer grows to the limit (8,192 bytes) without a line break; the skip then reads 8,192 bytes more,
        // whose last one is the line break: nothing of the next line has been read yet.
        var options = new BulkOptions { ChunkBytes = 1024, MaxLineBytes = 8192, MaxDegreeOfParallelism = 1 };
        string tooLong = "{\"edition\":\"2021\"," + new string(' ', (2 * 8192) - 1 - 19) + "}";
        Assert.Equal((2 * 8192) - 1, Encoding.UTF8.GetByteCount(tooLong));
        List<BulkResult> results = await Results(Encoding.UTF8.GetBytes(tooLong + "\n" + Clean2021 + "\n"), options);

        Assert.Equal(new long[] { 1, 2 }, results.Select(r => r.LineNumber));
        Assert.Equal(ReportDiagnostics.BulkLineTooLong.Id, Assert.Single(results[0].Diagnostics).Id);
        Assert.True(results[1].IsValid);
    }

    [Fact]
    public async Task A_byte_order_mark_at_the_start_of_a_later_batch_is_part_of_its_line()
    {
        // The first line fills the first batch exactly, so the second batch begins with the mark.
        string first = "{\"edition\":\"2030\"}" + new string(' ', 1024 - 19) + "\n";
        Assert.Equal(1024, Encoding.UTF8.GetByteCount(first));
        byte[] second = Concat(Bom, Encoding.UTF8.GetBytes(Clean2021));
        List<BulkResult> results = await Results(Concat(Encoding.UTF8.GetBytes(first), second));

        Assert.Equal(new long[] { 1, 2 }, results.Select(r => r.LineNumber));
        BulkResult alone = new BulkValidator(OneKilobyte).ValidateLine(second, 2);
        Assert.False(alone.IsValid);
        Assert.Equal(alone.Diagnostics.Select(d => d.ToString()), results[1].Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'x', 0xC2, 0xBF })] // "x¿": a third byte 0xBF
    [InlineData(new byte[] { (byte)'x', 0xBB, 0xBF })] // the mark's last two bytes after another
    [InlineData(new byte[] { 0xEF, 0xBB, (byte)'x' })] // the mark's first two bytes before another
    public async Task Bytes_that_begin_like_a_byte_order_mark_are_read_as_they_stand(byte[] prefix)
    {
        byte[] line = Concat(prefix, Encoding.UTF8.GetBytes(Clean2021));
        BulkResult streamed = Assert.Single(await Results(line));
        BulkResult alone = new BulkValidator(OneKilobyte).ValidateLine(line, 1);

        Assert.False(streamed.IsValid);
        Assert.Equal(alone.Diagnostics.Select(d => d.ToString()), streamed.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task A_line_too_long_that_ends_the_input_without_a_break_is_one_finding_and_nothing_more()
    {
        var options = new BulkOptions { ChunkBytes = 1024, MaxLineBytes = 8192, MaxDegreeOfParallelism = 1 };
        string tooLong = "{\"edition\":\"2021\",\"a\":\"" + new string('x', 20_000) + "\"}";
        List<BulkResult> results = await Results(Encoding.UTF8.GetBytes(Clean2021 + "\n" + tooLong), options);

        Assert.Equal(new long[] { 1, 2 }, results.Select(r => r.LineNumber));
        Assert.True(results[0].IsValid);
        Assert.Equal(ReportDiagnostics.BulkLineTooLong.Id, Assert.Single(results[1].Diagnostics).Id);
    }

    [Fact]
    public async Task A_line_too_long_whose_break_opens_the_next_read_is_skipped_up_to_that_break_only()
    {
        // The line fills the buffer at its limit exactly: the skip's first read begins with the line break.
        var options = new BulkOptions { ChunkBytes = 1024, MaxLineBytes = 8192, MaxDegreeOfParallelism = 1 };
        string tooLong = "{\"edition\":\"2021\"," + new string(' ', 8192 - 19) + "}";
        Assert.Equal(8192, Encoding.UTF8.GetByteCount(tooLong));
        List<BulkResult> results = await Results(Encoding.UTF8.GetBytes(tooLong + "\n" + Clean2021 + "\n" + Clean2021), options);

        Assert.Equal(new long[] { 1, 2, 3 }, results.Select(r => r.LineNumber));
        Assert.Equal(ReportDiagnostics.BulkLineTooLong.Id, Assert.Single(results[0].Diagnostics).Id);
        Assert.True(results[1].IsValid && results[2].IsValid);
    }

    [Fact]
    public async Task The_summary_counts_the_bytes_of_a_stream_that_knows_its_length_and_none_of_one_that_does_not()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Clean2021 + "\n" + Clean2021 + "\n");
        BulkSummary seekable = await new BulkValidator(OneKilobyte).RunAsync(new MemoryStream(bytes));
        BulkSummary forwardOnly = await new BulkValidator(OneKilobyte).RunAsync(new ForwardOnlyStream(bytes));

        Assert.Equal((2L, 2L, (long)bytes.Length), (seekable.Reports, seekable.Valid, seekable.Bytes));
        Assert.Equal((2L, 2L, 0L), (forwardOnly.Reports, forwardOnly.Valid, forwardOnly.Bytes));
    }

    // A stream read from start to end only (a pipe, a network response): it cannot seek and does not know its length.
    private sealed class ForwardOnlyStream : Stream
    {
        private readonly MemoryStream _inner;

        public ForwardOnlyStream(byte[] bytes) => _inner = new MemoryStream(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
