using System;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;
using Xunit;
using static Reports.Core.Tests.ZeroReportJson;

namespace Reports.Core.Tests;

/// <summary>
/// What a reader of a JSON report is told about what was not read: each finding quotes the value in full, names what
/// was expected, and a cell object is read for what it states (its raw text, its place in the source) or reported.
/// </summary>
public sealed class ReportJsonMessageTests
{
    [Theory]
    [InlineData("\"note\":{\"a\":[1,\"x\",null,true],\"b\":{}}", "RC1102 unknown property \"note\" (value {\"a\": [1, \"x\", null, true], \"b\": {}}) is not part of edition 2021; it was not read")]
    [InlineData("\"note\":[]", "RC1102 unknown property \"note\" (value []) is not part of edition 2021; it was not read")]
    [InlineData("\"note\":-1.5e3", "RC1102 unknown property \"note\" (value -1.5e3) is not part of edition 2021; it was not read")]
    [InlineData("\"agency\":7", "RC1106 \"agency\": expected a string, found a number 7")]
    [InlineData("\"source\":false", "RC1106 \"source\": expected a string, found a boolean false")]
    [InlineData("\"source\":{\"a\":1}", "RC1106 \"source\": expected a string, found an object {\"a\": 1}")]
    [InlineData("\"year\":\"2021年\"", "RC1106 \"year\": expected a whole number, found a string \"2021年\"")]
    [InlineData("\"year\":2021.5", "RC1106 \"year\": expected a whole number, found a number 2021.5")]
    [InlineData("\"year\":[2021]", "RC1106 \"year\": expected a whole number, found an array [2021]")]
    [InlineData("\"t4\":5", "RC1106 \"t4\": expected an object, found a number 5 | RC1105 property \"t4\" appears more than once (values {…} and {…}; the last one was read)")]
    public void A_property_that_is_not_read_is_quoted_in_full(string property, string expected) =>
        Assert.Equal(expected, Messages(WithRoot(property)));

    [Theory]
    [InlineData("[1]", "RC1103 t4.rev.upheld: expected a number, null or a cell object, found an array [1]")]
    [InlineData("true", "RC1103 t4.rev.upheld: expected a number, null or a cell object, found a boolean true")]
    [InlineData("{\"state\":\"blank\",\"value\":3}", "RC1103 t4.rev.upheld: expected a number, null or a cell object, found a cell object whose state \"blank\" contradicts its value 3: {\"state\": \"blank\", \"value\": 3}")]
    [InlineData("{\"colour\":1}", "RC1102 unknown property \"t4.rev.upheld.colour\" (value 1) is not part of edition 2021; it was not read | RC1103 t4.rev.upheld: expected a number, null or a cell object, found a cell object without a usable state, value or raw text: {\"colour\": 1}")]
    [InlineData("{\"value\":7,\"value\":2}", "RC1105 property \"t4.rev.upheld.value\" appears more than once (values 7 and 2; the last one was read)")]
    public void A_cell_value_that_cannot_be_read_is_reported_with_what_it_holds(string value, string expected) =>
        Assert.Equal(expected, Messages(WithUpheld(value)));

    [Theory]
    [InlineData("{\"state\":\"number\",\"raw\":\"1,234\",\"line\":3,\"column\":4,\"length\":5}", CellState.Number, 1234L, "1,234")]
    [InlineData("{\"raw\":\"1,234\"}", CellState.Number, 1234L, "1,234")]
    [InlineData("{\"value\":12,\"raw\":\"１２\"}", CellState.Number, 12L, "１２")]
    [InlineData("{\"state\":\"number\",\"value\":12}", CellState.Number, 12L, null)]
    [InlineData("{\"raw\":\"3元\"}", CellState.Text, 0L, "3元")]
    [InlineData("{\"state\":\"text\",\"raw\":\"十二\"}", CellState.Text, 0L, "十二")]
    [InlineData("{\"state\":\"text\"}", CellState.Text, 0L, "")]
    [InlineData("{\"state\":\"blank\",\"raw\":\"\u3000\"}", CellState.Blank, 0L, "\u3000")]
    [InlineData("{\"state\":\"notApplicable\"}", CellState.NotApplicable, 0L, "/")]
    [InlineData("{\"state\":\"notApplicable\",\"raw\":\"—\"}", CellState.NotApplicable, 0L, "—")]
    [InlineData("{\"state\":\"missing\"}", CellState.Missing, 0L, null)]
    [InlineData("{\"value\":1e30}", CellState.Text, 0L, "1e30")]
    [InlineData("null", CellState.Blank, 0L, null)]
    public void A_cell_object_reads_as_what_it_states(string value, CellState state, long number, string? raw)
    {
        ReportJsonReadResult read = WithUpheld(value);
        Assert.Empty(read.Diagnostics);
        Cell cell = read.Cells!["t4.rev.upheld"];
        Assert.Equal((state, number, raw), (cell.State, cell.Value, cell.Raw));
    }

    [Fact]
    public void A_cell_objects_place_in_the_source_is_kept()
    {
        Cell cell = WithUpheld("{\"raw\":\"7\",\"line\":3,\"column\":4,\"length\":1}").Cells!["t4.rev.upheld"];
        Assert.Equal(new SourceSpan(3, 4, 1), cell.Span);
        Assert.Equal(default, WithUpheld("{\"raw\":\"7\",\"column\":4,\"length\":1}").Cells!["t4.rev.upheld"].Span);
    }

    [Fact]
    public void A_cell_written_twice_quotes_both_values()
    {
        string json = Zeros().Replace("\"rev\":{\"upheld\":0", "\"rev\":{\"upheld\":5,\"upheld\":{\"raw\":\"6\"}", StringComparison.Ordinal);
        string message = Messages(ReportJson.Read(Report2021.Edition, json));
        Assert.StartsWith("RC1105 property \"t4.rev.upheld\" appears more than once (values 5 and {", message);
        Assert.Contains("\"6\"", message); // the second reading, quoted whole
        Assert.EndsWith("the last one was read)", message);
    }

    [Fact]
    public void A_document_that_is_not_an_object_or_has_text_after_it_is_reported()
    {
        Assert.Equal("RC1106 \"(root)\": expected an object, found an array", Messages(ReportJson.Read(Report2021.Edition, "[1]")));
        ReportJsonReadResult after = ReportJson.Read(Report2021.Edition, Zeros() + " {}");
        Assert.Null(after.Cells);
        Assert.StartsWith("RC1101 ", Messages(after));
        Assert.Equal(new SourceSpan(1, Zeros().Length + 2, 0), after.Diagnostics[0].Location.Span);
        ReportJsonReadResult empty = ReportJson.Read(Report2021.Edition, "  ");
        Assert.Null(empty.Cells);
        Assert.StartsWith("RC1101 ", Messages(empty));
    }

    [Fact]
    public void A_lone_surrogate_is_located_on_its_line_and_column()
    {
        ReportJsonReadResult read = ReportJson.Read(Report2021.Edition, "{\n  \"agency\": \"a\uD800\"\n}");
        Assert.Null(read.Cells);
        Assert.Equal(new SourceSpan(2, 15, 0), Assert.Single(read.Diagnostics).Location.Span);
        Assert.Contains("invalid UTF-16 text (a lone surrogate) at character offset 16", read.Diagnostics[0].Message);
        ReportJsonReadResult afterPair = ReportJson.Read(Report2021.Edition, "{\"a\":\"\uD83D\uDE00\uDC00\"}"); // a pair, then a lone low half
        Assert.Equal(new SourceSpan(1, 9, 0), Assert.Single(afterPair.Diagnostics).Location.Span);
    }

    [Theory]
    [InlineData("{\"raw\":\"7\",\"line\":0,\"column\":4}", "RC1106 \"t4.rev.upheld\": expected a location with a line from 1 and 32-bit whole numbers, found {\"raw\": \"7\", \"line\": 0, \"column\": 4}")]
    [InlineData("{\"raw\":\"7\",\"line\":2,\"length\":4294967296}", "RC1106 \"t4.rev.upheld\": expected a location with a line from 1 and 32-bit whole numbers, found {\"raw\": \"7\", \"line\": 2, \"length\": 4294967296}")]
    [InlineData("{\"raw\":\"7\",\"line\":1.5}", "RC1106 \"t4.rev.upheld\": expected a location with a line from 1 and 32-bit whole numbers, found {\"raw\": \"7\", \"line\": 1.5}")]
    [InlineData("{\"value\":1e30,\"raw\":\"10的30次方\"}", "RC1103 t4.rev.upheld: expected a number, null or a cell object, found a cell object whose value 1e30 the cell cannot hold: {\"value\": 1e30, \"raw\": \"10的30次方\"}")]
    [InlineData("{\"state\":\"missing\",\"raw\":\"x\"}", "RC1103 t4.rev.upheld: expected a number, null or a cell object, found a cell object without a usable state, value or raw text: {\"state\": \"missing\", \"raw\": \"x\"}")]
    [InlineData("{\"state\":\"bogus\"}", "RC1103 t4.rev.upheld: expected a number, null or a cell object, found a cell object without a usable state, value or raw text: {\"state\": \"bogus\"}")]
    public void A_cell_object_that_cannot_be_kept_whole_is_reported_with_its_members(string value, string expected) =>
        Assert.Equal(expected, Messages(WithUpheld(value)));

    [Fact]
    public void A_kept_location_reads_back_all_three_numbers()
    {
        Cell cell = WithUpheld("{\"state\":\"blank\",\"line\":7,\"column\":8,\"length\":9}").Cells!["t4.rev.upheld"];
        Assert.Equal((CellState.Blank, new SourceSpan(7, 8, 9)), (cell.State, cell.Span));
    }

    [Fact]
    public void The_exception_for_a_converter_lists_at_most_five_errors()
    {
        string json = Zeros();
        for (int i = 0; i < 7; i++)
        {
            json = json.Replace("\"edition\":\"2021\",", "\"edition\":\"2021\",\"agency\":" + i + ",", StringComparison.Ordinal);
        }

        ReportJsonReadResult read = ReportJson.Read(Report2021.Edition, json);
        string message = ReportJson.Failure(read.Diagnostics).Message;
        Assert.StartsWith("The report is not valid: ", message);
        Assert.True(read.Diagnostics.Count(d => d.IsError) > 5);
        Assert.Equal("The report is not valid: " + string.Join("; ", read.Diagnostics.Where(d => d.IsError).Take(5)), message);
    }
}
