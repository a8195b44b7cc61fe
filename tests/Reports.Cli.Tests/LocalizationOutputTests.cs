using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Reports.Core.Cells;
using Xunit;

namespace Reports.Cli.Tests;

/// <summary>
/// <c>check</c> on a report with one broken total names that cell and its expected value (RC1015, issue 14), in the
/// text, JSON, SARIF (a <c>fixes</c> entry at the cell's span) and HTML views.
/// </summary>
public sealed class LocalizationOutputTests : IDisposable
{
    private readonly TestReports _reports = new();

    public LocalizationOutputTests() =>
        _reports.Write("total.json", TestReports.With(cells =>
        {
            // 26 applications by natural persons, all granted; the clerk typed 20 in （七）总计 › 自然人.
            cells["t3.new.np"] = Cell.Number(26);
            cells["t3.new.tot"] = Cell.Number(26);
            cells["t3.r.granted.np"] = Cell.Number(26);
            cells["t3.r.granted.tot"] = Cell.Number(26);
            cells["t3.r.total.np"] = Cell.Number(20);
            cells["t3.r.total.tot"] = Cell.Number(26);
        }));

    public void Dispose() => _reports.Dispose();

    [Fact]
    public void Text_names_the_broken_total_and_its_expected_value()
    {
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "total.json");
        Assert.True(result.ExitCode == 1, result.ToString());
        string line = Assert.Single(result.Stdout.Split('\n'), l => l.Contains("RC1015", StringComparison.Ordinal));
        Assert.Contains("info RC1015", line, StringComparison.Ordinal);
        Assert.Contains("（七）总计 › 申请人情况 › 自然人 is the only cell that explains H1[r.total], H2[np], H3[np]; 26 expected, 20 published", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_carries_the_cell_both_values_and_a_unique_fix()
    {
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "--format", "json", "total.json");
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        JsonElement finding = document.RootElement[0].GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "RC1015");
        Assert.Equal("info", finding.GetProperty("severity").GetString());
        Assert.Equal("t3.r.total.np", finding.GetProperty("location").GetProperty("cellKey").GetString());
        Assert.Equal("20", finding.GetProperty("reported").GetString());
        Assert.Equal("26", finding.GetProperty("computed").GetString());
        JsonElement fix = finding.GetProperty("fix");
        Assert.True(fix.GetProperty("unique").GetBoolean());
        JsonElement edit = Assert.Single(fix.GetProperty("edits").EnumerateArray());
        Assert.Equal("26", edit.GetProperty("replacement").GetString());
        Assert.Equal("20", edit.GetProperty("published").GetString());
    }

    [Fact]
    public void Sarif_offers_a_fix_replacing_the_published_text_at_the_cells_span()
    {
        // A published text report (sample 000, valid) whose （七）总计 › 自然人 was typed 46 instead of 40.
        string sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "000_28319fa63509a2c9.txt"));
        const string Row = "| (七) 总计      | 40 ";
        Assert.Contains(Row, sample, StringComparison.Ordinal);
        _reports.Write("typo.txt", sample.Replace(Row, "| (七) 总计      | 46 ", StringComparison.Ordinal));

        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "--format", "sarif", "typo.txt");
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        JsonElement sarifResult = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "RC1015");
        Assert.Equal("note", sarifResult.GetProperty("level").GetString());
        JsonElement change = Assert.Single(Assert.Single(sarifResult.GetProperty("fixes").EnumerateArray()).GetProperty("artifactChanges").EnumerateArray());
        Assert.Equal("typo.txt", change.GetProperty("artifactLocation").GetProperty("uri").GetString());
        JsonElement replacement = Assert.Single(change.GetProperty("replacements").EnumerateArray());
        Assert.Equal("40", replacement.GetProperty("insertedContent").GetProperty("text").GetString());

        // The deleted region is exactly the published "46" in the file.
        JsonElement region = replacement.GetProperty("deletedRegion");
        string[] lines = File.ReadAllLines(Path.Combine(_reports.Folder, "typo.txt"));
        int line = region.GetProperty("startLine").GetInt32();
        int start = region.GetProperty("startColumn").GetInt32();
        int end = region.GetProperty("endColumn").GetInt32();
        Assert.Equal("46", lines[line - 1].Substring(start - 1, end - start));
    }

    [Fact]
    public void Html_shows_the_correction_of_the_cell()
    {
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "--html", "html", "total.json");
        Assert.True(result.ExitCode == 1, result.ToString());
        string page = File.ReadAllText(Directory.GetFiles(Path.Combine(_reports.Folder, "html"), "*.html").Single(f => Path.GetFileName(f) != "index.html"));
        Assert.Contains("data-id=\"RC1015\"", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"fix\" data-unique=\"true\">correction: <a class=\"cell-link\" href=\"#c-t3.r.total.np\">", page, StringComparison.Ordinal);
        Assert.Contains("<del>20</del> → <ins>26</ins>", page, StringComparison.Ordinal);
    }
}
