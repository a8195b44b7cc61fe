using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reports.Core.Cells;
using Xunit;

namespace Reports.Cli.Tests;

/// <summary>The text a person reads: errors first, repeated findings folded per table, --verbose, --min-severity, colour, summary.</summary>
public sealed class TextOutputTests : IDisposable
{
    private readonly TestReports _reports = new();

    public void Dispose() => _reports.Dispose();

    private static CliResult Samples(params string[] extra) =>
        CliRunner.Run(AppContext.BaseDirectory, null, new[] { "check", "samples" }.Concat(extra).ToArray());

    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

    [Fact]
    public void Samples_fit_in_60_lines_and_carry_the_same_findings_as_the_verbose_listing()
    {
        CliResult text = Samples();
        Assert.True(text.ExitCode == 1, text.ToString());
        string[] lines = Lines(text.Stdout);
        Assert.True(lines.Length <= 60, lines.Length + " lines:\n" + text.Stdout);
        Assert.DoesNotContain("\u001b[", text.Stdout, StringComparison.Ordinal); // redirected: no colour

        CliResult json = Samples("--format", "json");
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        int findings = document.RootElement.EnumerateArray().Sum(r => r.GetProperty("findings").GetArrayLength());
        int errors = document.RootElement.EnumerateArray().Sum(r => r.GetProperty("errors").GetInt32());
        int warnings = document.RootElement.EnumerateArray().Sum(r => r.GetProperty("warnings").GetInt32());

        // Every finding is on a line of its own or counted in a folded line ("N × ...").
        var finding = new Regex(@": (error|warning|info) RC\d{4}: (?:(?:t\d+: )?(\d+) × )?", RegexOptions.CultureInvariant);
        int listed = lines.Select(l => finding.Match(l)).Where(m => m.Success)
            .Sum(m => m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 1);
        Assert.Equal(findings, listed);

        // --verbose lists each one.
        CliResult verbose = Samples("--verbose");
        Assert.Equal(findings, Lines(verbose.Stdout).Count(l => finding.IsMatch(l) && !l.Contains(" × ", StringComparison.Ordinal)));
        Assert.Contains("is blank; counted as 0", verbose.Stdout);

        // The summary: one row per file and the total.
        Assert.Contains($"8 files: 7 without errors, 1 with errors; {errors} errors, {warnings} warnings", text.Stdout);
        Assert.Contains(lines, l => l.StartsWith("samples/003_7e335010be635ecf.txt   2019", StringComparison.Ordinal));
    }

    [Fact]
    public void Blank_cells_of_one_table_fold_into_one_line_naming_the_rows_and_columns()
    {
        CliResult text = Samples();
        string line = Assert.Single(Lines(text.Stdout), l => l.Contains("RC1006", StringComparison.Ordinal) && l.StartsWith("samples/003", StringComparison.Ordinal));
        Assert.Matches(@"^samples/003_7e335010be635ecf\.txt:\d+: warning RC1006: t3: \d+ × blank cell counted as 0 — rows 一…四, columns 自然人…其他 \(lines \d+–\d+\)$", line);
        Assert.True(line.Length < 160, line);
    }

    [Fact]
    public void Errors_come_first_in_their_report_and_keep_the_roslyn_form()
    {
        string[] lines = Lines(Samples().Stdout);
        int header = Array.FindIndex(lines, l => l.StartsWith("samples/hongze-2023-pdftotext.txt: edition", StringComparison.Ordinal));
        Assert.True(header >= 0);
        Assert.Matches(@"^samples/hongze-2023-pdftotext\.txt:\d+: error RC1001: H4\[rev\] ", lines[header + 1]);
        Assert.Matches(@"^samples/hongze-2023-pdftotext\.txt:\d+: error RC1001: H4\[lit_after_rev\] ", lines[header + 2]);
        Assert.Contains(": warning ", lines[header + 3]);
    }

    [Fact]
    public void Errors_are_grouped_by_table_in_template_order()
    {
        _reports.Write("two.json", TestReports.With(cells =>
        {
            cells["t4.rev.upheld"] = Cell.Number(2); // H4[rev] in t4: its total is 0
            cells["t3.new.np"] = Cell.Number(1);     // H3 in t3: never handled
            cells["t3.new.tot"] = Cell.Number(1);
        }));
        string[] errors = Lines(CliRunner.Run(_reports.Folder, null, "check", "two.json").Stdout).Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToArray();
        Assert.True(errors.Length >= 2, string.Join("\n", errors));
        int lastT3 = Array.FindLastIndex(errors, l => l.Contains("RC1001: H3[", StringComparison.Ordinal));
        int firstT4 = Array.FindIndex(errors, l => l.Contains("RC1001: H4[", StringComparison.Ordinal));
        Assert.True(lastT3 >= 0 && firstT4 > lastT3, string.Join("\n", errors));
    }

    [Fact]
    public void Min_severity_lists_less_but_counts_everything()
    {
        CliResult errorsOnly = Samples("--min-severity", "error");
        Assert.True(errorsOnly.ExitCode == 1, errorsOnly.ToString());
        Assert.DoesNotContain(": warning RC", errorsOnly.Stdout);
        Assert.DoesNotContain(": info RC", errorsOnly.Stdout);
        Assert.Equal(2, Lines(errorsOnly.Stdout).Count(l => l.Contains(": error RC1001: ", StringComparison.Ordinal)));
        Assert.Matches(@"2 errors, 185 warnings, \d+ info; \d+ below --min-severity error not listed", errorsOnly.Stdout);

        CliResult warnings = Samples("--min-severity", "warning");
        Assert.Contains(": warning RC", warnings.Stdout);
        Assert.DoesNotContain(": info RC", warnings.Stdout);

        CliResult sarif = Samples("--min-severity", "error", "--format", "sarif");
        using JsonDocument log = JsonDocument.Parse(sarif.Stdout);
        Assert.All(log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r => Assert.Equal("error", r.GetProperty("level").GetString()));

        Assert.Equal(2, CliRunner.Run(AppContext.BaseDirectory, null, "check", "samples", "--min-severity", "fatal").ExitCode);
    }

    [Fact]
    public void Colour_only_when_asked_or_on_a_terminal_and_never_with_NO_COLOR()
    {
        _reports.Write("h3.json", TestReports.BreaksH3());
        CliResult always = CliRunner.Run(_reports.Folder, null, "check", "--color", "always", "h3.json");
        Assert.Contains("\u001b[1;31merror\u001b[0m RC1001", always.Stdout, StringComparison.Ordinal);

        // Redirected output is plain by default, and NO_COLOR keeps it plain.
        CliResult auto = CliRunner.RunWith(_reports.Folder, null, new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, "check", "h3.json");
        Assert.DoesNotContain("\u001b[", auto.Stdout, StringComparison.Ordinal);
        CliResult never = CliRunner.Run(_reports.Folder, null, "check", "--color", "never", "h3.json");
        Assert.DoesNotContain("\u001b[", never.Stdout, StringComparison.Ordinal);
        Assert.Equal(never.Stdout, Regex.Replace(always.Stdout, "\u001b\\[[0-9;]*m", string.Empty));
    }
}
