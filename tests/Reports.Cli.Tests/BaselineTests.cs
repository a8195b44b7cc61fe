using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reports.Core.Cells;
using Xunit;

namespace Reports.Cli.Tests;

/// <summary><c>check --write-baseline</c> and <c>check --baseline</c>: accepted findings are shown, not counted, and carried as SARIF suppressions.</summary>
public sealed class BaselineTests : IDisposable
{
    private readonly TestReports _reports = new();

    public BaselineTests()
    {
        _reports.Write("in/h3.json", TestReports.BreaksH3());
        _reports.Write("in/warn.json", TestReports.WithWarning());
    }

    public void Dispose() => _reports.Dispose();

    private string Accept(string justification)
    {
        CliResult write = CliRunner.Run(_reports.Folder, null, "check", "in", "--write-baseline", "accepted.json");
        Assert.True(write.ExitCode == 1, write.ToString()); // writing the baseline does not change this run
        Assert.Contains("wrote the accepted findings to accepted.json", write.Stderr);
        string path = Path.Combine(_reports.Folder, "accepted.json");
        JsonNode baseline = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (JsonNode? entry in baseline["accepted"]!.AsArray())
        {
            entry!["justification"] = justification;
        }

        File.WriteAllText(path, baseline.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return path;
    }

    [Fact]
    public void Written_baseline_lists_errors_and_warnings_with_paths_relative_to_it()
    {
        Accept(string.Empty);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_reports.Folder, "accepted.json")));
        JsonElement[] entries = document.RootElement.GetProperty("accepted").EnumerateArray().ToArray();
        Assert.Contains(entries, e => e.GetProperty("source").GetString() == "in/h3.json" && e.GetProperty("id").GetString() == "RC1001" && e.GetProperty("identity").GetString()!.StartsWith("H3[", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.GetProperty("source").GetString() == "in/warn.json" && e.GetProperty("id").GetString() == "RC1006" && e.GetProperty("cellKey").GetString() == "t3.new.np");
        Assert.All(entries, e => Assert.True(e.TryGetProperty("justification", out _)));
    }

    [Fact]
    public void Accepted_findings_are_shown_as_accepted_not_counted_and_suppressed_in_SARIF()
    {
        Accept("known: the agency corrected this in its 2023 report");
        CliResult text = CliRunner.Run(_reports.Folder, null, "check", "in", "--baseline", "accepted.json", "--warnings-as-errors");
        Assert.True(text.ExitCode == 0, text.ToString());
        string accepted = text.Stdout.Split('\n').First(l => l.Contains("RC1001", StringComparison.Ordinal));
        Assert.StartsWith("[accepted] in/h3.json", accepted, StringComparison.Ordinal);
        Assert.Contains("known: the agency corrected this", accepted);
        Assert.Contains("2 files: 2 without errors, 0 with errors; 0 errors, 0 warnings", text.Stdout);
        Assert.Contains("accepted (not counted)", text.Stdout);

        CliResult sarif = CliRunner.Run(_reports.Folder, null, "check", "in", "--baseline", "accepted.json", "--format", "sarif");
        Assert.Equal(0, sarif.ExitCode);
        using JsonDocument log = JsonDocument.Parse(sarif.Stdout);
        JsonElement[] results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();
        JsonElement h3 = results.First(r => r.GetProperty("ruleId").GetString() == "RC1001");
        JsonElement suppression = h3.GetProperty("suppressions")[0];
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("accepted", suppression.GetProperty("status").GetString());
        Assert.StartsWith("known:", suppression.GetProperty("justification").GetString(), StringComparison.Ordinal);
        Assert.All(results.Where(r => r.GetProperty("level").GetString() != "note"), r => Assert.True(r.TryGetProperty("suppressions", out _), r.ToString()));

        CliResult json = CliRunner.Run(_reports.Folder, null, "check", "in", "--baseline", "accepted.json", "--format", "json");
        using JsonDocument reports = JsonDocument.Parse(json.Stdout);
        JsonElement report = reports.RootElement.EnumerateArray().First(r => r.GetProperty("source").GetString() == "in/h3.json");
        Assert.Equal(0, report.GetProperty("errors").GetInt32());
        Assert.True(report.GetProperty("accepted").GetInt32() > 0);
    }

    [Fact]
    public void A_new_finding_is_not_accepted_and_an_entry_that_matches_nothing_is_reported()
    {
        string baseline = Accept("reviewed");

        // h3.json is corrected; warn.json gets a second, new finding.
        _reports.Write("in/h3.json", TestReports.Clean());
        _reports.Write("in/warn.json", TestReports.With(cells =>
        {
            cells["t3.new.np"] = Cell.Blank();
            cells["t3.new.biz"] = Cell.Blank();
        }));
        CliResult text = CliRunner.Run(_reports.Folder, null, "check", "in", "--baseline", "accepted.json");
        Assert.True(text.ExitCode == 0, text.ToString());
        string[] lines = text.Stdout.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("in/warn.json:", StringComparison.Ordinal) && l.Contains("warning RC1006", StringComparison.Ordinal) && l.Contains("t3.new.biz", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("[accepted] in/warn.json", StringComparison.Ordinal) && l.Contains("RC1006", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("accepted.json:", StringComparison.Ordinal) && l.Contains("warning RC4004: ", StringComparison.Ordinal) && l.Contains(" × accepted finding no longer occurs", StringComparison.Ordinal));
        string stale = CliRunner.Run(_reports.Folder, null, "check", "in", "--baseline", "accepted.json", "--verbose").Stdout.Split('\n').First(l => l.Contains("RC4004", StringComparison.Ordinal));
        Assert.Matches(@"^accepted\.json:\d+: warning RC4004: accepted finding RC1001 H3\[", stale);
        Assert.Contains("in/h3.json", stale);
        Assert.Contains("accepted.json: accepted findings (baseline)", text.Stdout);
        Assert.Contains("2 files:", text.Stdout); // the baseline is not counted as a file

        // The line is the entry's.
        int line = int.Parse(stale.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("\"in/h3.json\"", File.ReadAllLines(baseline)[line] + File.ReadAllLines(baseline)[line - 1]);

        CliResult strict = CliRunner.Run(_reports.Folder, null, "check", "in", "--baseline", "accepted.json", "--warnings-as-errors");
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public void Rewriting_the_baseline_keeps_the_justifications()
    {
        Accept("keep me");
        CliResult again = CliRunner.Run(_reports.Folder, null, "check", "in", "--baseline", "accepted.json", "--write-baseline", "accepted.json");
        Assert.Equal(0, again.ExitCode);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_reports.Folder, "accepted.json")));
        Assert.All(document.RootElement.GetProperty("accepted").EnumerateArray(), e => Assert.Equal("keep me", e.GetProperty("justification").GetString()));
    }

    [Fact]
    public void A_baseline_that_cannot_be_used_exits_2()
    {
        _reports.Write("bad.json", "{ \"accepted\": 3 }");
        CliResult bad = CliRunner.Run(_reports.Folder, null, "check", "in", "--baseline", "bad.json");
        Assert.True(bad.ExitCode == 2, bad.ToString());
        Assert.Contains("error RC4005", bad.Stdout);

        _reports.Write("broken.json", "{ \"accepted\": [ { \"source\": ");
        Assert.Contains("error RC4005", CliRunner.Run(_reports.Folder, null, "check", "in", "--baseline", "broken.json").Stdout);
        Assert.Contains("error RC4001", CliRunner.Run(_reports.Folder, null, "check", "in", "--baseline", "nowhere.json").Stdout);
    }
}
