using System;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Json;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// Text UTF-8 cannot carry: a lone surrogate in the string given, wherever it stands (first, after an ordinary
/// character, last), and an escaped one inside a JSON string, each RC1101 with its place.
/// </summary>
public sealed class ReportJsonSurrogateTests
{
    // "~" stands for the lone half (test data cannot carry one through the runner intact).
    [Theory]
    [InlineData("~{}", 0xD800, 0, 1)] // the very first character
    [InlineData("{\"a\":\"x~y\"}", 0xDC00, 7, 8)] // a low half after an ordinary character
    [InlineData("{}~", 0xD800, 2, 3)] // a high half as the last character
    [InlineData("{\"a\":\"\uD83D\uDE00\"}~", 0xDBFF, 10, 11)] // a pair, then a lone high half at the end
    public void A_lone_surrogate_is_named_by_its_character_offset(string template, int half, int offset, int column)
    {
        string json = template.Replace("~", ((char)half).ToString(), StringComparison.Ordinal);
        ReportJsonReadResult read = ReportJson.Read(Report2021.Edition, json);
        Assert.Null(read.Cells);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal(ReportDiagnostics.MalformedJson.Id, d.Id);
        Assert.EndsWith("invalid UTF-16 text (a lone surrogate) at character offset " + offset, d.Message);
        Assert.Equal(new SourceSpan(1, column, 0), d.Location.Span);
    }

    [Fact]
    public void An_escaped_lone_surrogate_in_a_string_is_malformed_text()
    {
        ReportJsonReadResult read = ReportJson.Read(Report2021.Edition, "{\"edition\":\"2021\",\"agency\":\"\\uD800\"}");
        Assert.Null(read.Cells);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal(ReportDiagnostics.MalformedJson.Id, d.Id);
        Assert.Contains("invalid text in a string: ", d.Message);
    }

    [Fact]
    public void Null_text_is_refused()
    {
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => ReportJson.Read(Report2021.Edition, (string)null!)).ParamName);
        Assert.Equal("edition", Assert.Throws<ArgumentNullException>(() => ReportJson.Read(null!, "{}")).ParamName);
    }
}
