using System;
using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Json;
using Reports.Core.Cells;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// A converter's reader over a buffer in many pieces (a pipe, a stream read in chunks): numbers split across pieces
/// are read and quoted whole, as from one span.
/// </summary>
public sealed class ReportJsonSegmentedTests
{
    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }

    // One byte a piece, so that every number of two or more digits spans pieces.
    private static ReadOnlySequence<byte> InPieces(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        var first = new Segment(bytes.AsMemory(0, 1), null);
        Segment last = first;
        for (int i = 1; i < bytes.Length; i++)
        {
            last = new Segment(bytes.AsMemory(i, 1), last);
        }

        return new ReadOnlySequence<byte>(first, 0, last, 1);
    }

    [Fact]
    public void Numbers_split_across_pieces_are_read_and_quoted_whole()
    {
        ReportSchema schema = Report2021.Schema;
        CellInfo money = schema.Cells.First(c => c.Kind == ValueKind.Money && c.Scale > 0 && !c.IsDerived);
        long scaled = 123456;
        for (int i = 2; i < money.Scale; i++)
        {
            scaled *= 10;
        }

        ReportCells cells = ReportCells.FromValues(schema, Enumerable.Range(0, schema.CellCount).Select(i => (long)(i % 90) + 10).ToArray())
            .With(money.Ordinal, Cell.Number(scaled, money.Scale));
        string json = ReportJson.ToJson(schema, new ReportInfo { Year = 2021 }, cells)
            .Replace("{\"edition\":\"2021\",", "{\"edition\":\"2021\",\"note\":[12,{\"k\":345}],\"extra\":678,", StringComparison.Ordinal);

        var reader = new Utf8JsonReader(InPieces(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        ReportJsonReadResult read = ReportJson.Read(ref reader, Report2021.Edition);

        Assert.Equal(cells, read.Cells);
        Assert.Equal(1234.56m, read.Cells![money.Ordinal].Amount);
        Assert.Equal(2021, read.Info.Year);
        Assert.Equal(
            new[]
            {
                "RC1102 unknown property \"note\" (value [12, {\"k\": 345}]) is not part of edition 2021; it was not read",
                "RC1102 unknown property \"extra\" (value 678) is not part of edition 2021; it was not read",
            },
            read.Diagnostics.Select(d => d.Id + " " + d.Message));
    }
}
