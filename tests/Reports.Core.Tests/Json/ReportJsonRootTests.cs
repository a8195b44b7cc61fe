using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;
using Xunit;
using static Reports.Core.Tests.ZeroReportJson;

namespace Reports.Core.Tests;

/// <summary>
/// The report object's own members: an edition that is not a string, metadata written twice, a section that is not an
/// object, each reported without losing the rest of the document; and the converter entry's contract on its reader.
/// </summary>
public sealed class ReportJsonRootTests
{
    [Fact]
    public void Metadata_written_twice_quotes_both_values()
    {
        ReportJsonReadResult read = WithRoot("\"agency\":\"甲局\",\"agency\":\"乙局\"");
        Assert.Equal("RC1105 property \"agency\" appears more than once (values \"甲局\" and \"乙局\"; the last one was read)", Messages(read));
        Assert.Equal("乙局", read.Info.Agency);
    }

    [Theory]
    [InlineData("5", "edition \"a number\" is not known here; expected 2021")]
    [InlineData("null", "edition \"null\" is not known here; expected 2021")]
    [InlineData("{\"y\":1}", "edition \"an object\" is not known here; expected 2021")]
    [InlineData("[\"2021\"]", "edition \"an array\" is not known here; expected 2021")]
    public void An_edition_that_is_not_a_string_is_named_by_its_kind_and_nothing_inside_it_is_read(string edition, string expected)
    {
        string json = Zeros().Replace("\"edition\":\"2021\"", "\"edition\":" + edition, StringComparison.Ordinal);
        ReportJsonReadResult read = ReportJson.Read(Report2021.Edition, json);
        Assert.Null(read.Cells);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal((ReportDiagnostics.UnknownEdition.Id, expected), (d.Id, d.Message));
    }

    [Fact]
    public void A_section_written_as_an_array_is_reported_and_the_rest_is_still_read()
    {
        ReportJsonReadResult read = WithRoot("\"t4\":[1,{\"a\":2}]");
        Assert.Equal("RC1106 \"t4\": expected an object, found an array [1, {\"a\": 2}] | RC1105 property \"t4\" appears more than once (values {…} and {…}; the last one was read)", Messages(read));
        Assert.NotNull(read.Cells);
    }

    [Fact]
    public void An_unknown_value_quotes_nested_arrays_and_objects_with_their_commas()
    {
        Assert.Equal(
            "RC1102 unknown property \"note\" (value [1, [2], {}, [[3], {\"b\": [4]}]]) is not part of edition 2021; it was not read",
            Messages(WithRoot("\"note\":[1,[2],{},[[3],{\"b\":[4]}]]")));
    }

    [Fact]
    public void A_document_that_begins_with_a_blank_line_locates_its_findings_from_line_two()
    {
        string json = "\n" + Zeros().Replace("{\"edition\":\"2021\",", "{\"edition\":\"2021\",\"extra\":1,", StringComparison.Ordinal);
        Diagnostic d = Assert.Single(ReportJson.Read(Report2021.Edition, json).Diagnostics);
        Assert.Equal(ReportDiagnostics.UnknownProperty.Id, d.Id);
        Assert.Equal(new SourceSpan(2, 19, 0), d.Location.Span);
    }

    [Fact]
    public void A_converter_reader_on_a_non_object_is_left_on_its_last_token()
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("[1,{\"a\":2}] "));
        ReportJsonReadResult read = ReportJson.Read(ref reader, Report2021.Edition);
        Assert.Null(read.Cells);
        Assert.Equal("RC1106 \"(root)\": expected an object, found an array", Messages(read));
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
        Assert.False(reader.Read());
    }

    [Fact]
    public void A_converter_reader_with_no_token_throws_that_the_document_is_empty()
    {
        var reader = new Utf8JsonReader(ReadOnlySpan<byte>.Empty, isFinalBlock: false, default);
        string? message = null;
        try
        {
            ReportJson.Read(ref reader, Report2021.Edition);
        }
        catch (JsonException ex)
        {
            message = ex.Message;
        }

        Assert.Equal("the document is empty", message);
    }

    [Fact]
    public void A_converter_without_an_edition_is_refused()
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{}"));
        string? param = null;
        try
        {
            ReportJson.Read(ref reader, null!);
        }
        catch (ArgumentNullException ex)
        {
            param = ex.ParamName;
        }

        Assert.Equal("edition", param);
    }
}
