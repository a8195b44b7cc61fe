using System;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Xunit;
using static Reports.Core.Tests.ZeroReportJson;

namespace Reports.Core.Tests;

/// <summary>
/// What a cell object keeps when it cannot be kept whole: the raw text the publisher wrote (over the value's JSON or the
/// members), a location only when all its numbers are 32-bit whole numbers, and repeated cells and rows quoted as read.
/// </summary>
public sealed class ReportJsonCellObjectTests
{
    private static ReportSchema Schema => Report2021.Schema;

    [Theory]
    [InlineData("{\"state\":\"blank\",\"value\":3,\"raw\":\"三\"}", "三")] // a contradiction keeps the raw text
    [InlineData("{\"state\":\"blank\",\"value\":3}", "3")] // or else the value as written
    [InlineData("{\"value\":1e30,\"raw\":\"10的30次方\"}", "10的30次方")] // a value the cell cannot hold: the raw text
    [InlineData("{\"state\":\"missing\",\"raw\":\"x\"}", "x")] // no usable state: the raw text
    [InlineData("{\"state\":\"bogus\"}", "{\"state\": \"bogus\"}")] // nothing usable: the members
    public void A_cell_object_that_is_reported_keeps_the_publishers_text(string value, string raw)
    {
        ReportJsonReadResult read = WithUpheld(value);
        Assert.Equal("RC1103", Assert.Single(read.Diagnostics).Id);
        Cell cell = read.Cells!["t4.rev.upheld"];
        Assert.Equal((CellState.Text, raw), (cell.State, cell.Raw));
    }

    [Theory]
    [InlineData("{\"raw\":\"7\",\"line\":2,\"column\":1.5}", "{\"raw\": \"7\", \"line\": 2, \"column\": 1.5}")]
    [InlineData("{\"raw\":\"7\",\"length\":1.5,\"column\":2.5,\"line\":3}", "{\"raw\": \"7\", \"length\": 1.5, \"column\": 2.5, \"line\": 3}")]
    [InlineData("{\"raw\":\"7\",\"column\":1.5,\"length\":2.5,\"line\":3}", "{\"raw\": \"7\", \"column\": 1.5, \"length\": 2.5, \"line\": 3}")]
    [InlineData("{\"raw\":\"7\",\"line\":3,\"column\":4,\"length\":-0.5}", "{\"raw\": \"7\", \"line\": 3, \"column\": 4, \"length\": -0.5}")]
    public void A_location_with_any_number_that_is_not_a_32_bit_whole_number_is_reported_and_not_kept(string value, string members)
    {
        ReportJsonReadResult read = WithUpheld(value);
        Assert.Equal("RC1106 \"t4.rev.upheld\": expected a location with a line from 1 and 32-bit whole numbers, found " + members, Messages(read));
        Cell cell = read.Cells!["t4.rev.upheld"];
        Assert.Equal((CellState.Number, 7L, default(SourceSpan)), (cell.State, cell.Value, cell.Span));
    }

    [Fact]
    public void A_plain_blank_is_written_as_null_and_a_missing_cell_is_left_out()
    {
        CellInfo blank = Schema.Cells.First(c => !c.IsDerived);
        CellInfo missing = Schema.Cells.Last(c => !c.IsDerived);
        ReportCells cells = ReportCells.FromValues(Schema, new long[Schema.CellCount]).With(blank.Ordinal, Cell.Blank()).With(missing.Ordinal, Cell.Missing);
        string json = ReportJson.ToJson(Schema, ReportInfo.Empty, cells);
        Assert.Contains("\"" + blank.ColumnKey + "\":null", json);
        Assert.DoesNotContain("missing", json);
        ReportJsonReadResult read = ReportJson.Read(Report2021.Edition, json);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(cells, read.Cells);
    }

    [Theory]
    [InlineData("null,\"upheld\":5", "values null and 5")]
    [InlineData("{\"value\":5,\"line\":3,\"column\":4,\"length\":1},\"upheld\":6", "values {\"state\":\"number\",\"value\":5,\"line\":3,\"column\":4,\"length\":1} and 6")]
    [InlineData("{\"state\":\"missing\"},\"upheld\":6", "values {\"state\":\"missing\"} and 6")]
    public void A_cell_read_twice_quotes_its_first_reading_as_written(string values, string quoted)
    {
        string message = Messages(WithUpheld(values));
        Assert.Equal("RC1105 property \"t4.rev.upheld\" appears more than once (" + quoted + "; the last one was read)", message);
    }

    [Fact]
    public void A_repeated_row_object_is_reported_with_its_members_and_its_repeated_cells_one_by_one()
    {
        string json = Zeros();
        int rev = json.IndexOf("\"rev\":{", StringComparison.Ordinal);
        Assert.True(rev > 0);
        ReportJsonReadResult read = ReportJson.Read(Report2021.Edition, json.Insert(rev, "\"rev\":{\"upheld\":0},"));
        Assert.Equal(2, read.Diagnostics.Length);
        Assert.StartsWith("RC1105 property \"t4.rev\" appears more than once (values {…} and {\"upheld\": 0, ", Messages(read));
        Assert.EndsWith(" | RC1105 property \"t4.rev.upheld\" appears more than once (values 0 and 0; the last one was read)", Messages(read));
    }

    [Fact]
    public void An_unknown_member_repeated_in_a_row_is_reported_as_repeated()
    {
        string json = Zeros().Replace("\"rev\":{\"upheld\":0", "\"rev\":{\"zz\":1,\"zz\":2,\"upheld\":0", StringComparison.Ordinal);
        Assert.Equal(
            "RC1102 unknown property \"t4.rev.zz\" (value 1) is not part of edition 2021; it was not read | RC1105 property \"t4.rev.zz\" appears more than once (values {…} and 2; the last one was read) | RC1102 unknown property \"t4.rev.zz\" (value 2) is not part of edition 2021; it was not read",
            Messages(ReportJson.Read(Report2021.Edition, json)));
    }

    [Fact]
    public void The_first_cell_repeated_is_reported_once_with_both_values()
    {
        CellInfo first = Schema.Cells[0];
        string json = Zeros();
        string leaf = "\"" + first.ColumnKey + "\":0";
        int at = json.IndexOf(leaf, StringComparison.Ordinal);
        Assert.True(at > 0);
        string edited = json.Insert(at + leaf.Length, "," + "\"" + first.ColumnKey + "\":4");
        ReportJsonReadResult read = ReportJson.Read(Report2021.Edition, edited);
        Assert.Equal("RC1105 property \"" + first.Key + "\" appears more than once (values 0 and 4; the last one was read)", Messages(read));
        Assert.Equal(4L, read.Cells![0].Value);
    }
}
