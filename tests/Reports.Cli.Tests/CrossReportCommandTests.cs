using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Reports.Core.Cells;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Xunit;

namespace Reports.Cli.Tests;

/// <summary><c>check --series</c> and <c>sum</c>, run as a process.</summary>
public sealed class CrossReportCommandTests : IDisposable
{
    private const string Agency = "测试县人民政府";

    private readonly TestReports _reports = new();

    public void Dispose() => _reports.Dispose();

    /// <summary>A valid report whose only applications are <paramref name="carriedIn"/> carried in and <paramref name="carriedOut"/> carried out by natural persons.</summary>
    private static string Report(ReportSchema schema, int year, int carriedIn, int carriedOut, int licensing = 0, string agency = Agency)
    {
        ReportCells.Builder cells = ReportCells.CreateBuilder(schema);
        for (int i = 0; i < schema.CellCount; i++)
        {
            cells[i] = Cell.Number(0);
        }

        // 本年新收 + 上年结转 = 办理结果总计 + 结转下年度: carried in ones are granted; the carried out ones are new.
        void Set(string row, int value)
        {
            cells["t3." + row + ".np"] = Cell.Number(value);
            cells["t3." + row + ".tot"] = Cell.Number(value);
        }

        Set("new", carriedOut);
        Set("carried_in", carriedIn);
        Set("r.granted", carriedIn);
        Set("r.total", carriedIn);
        Set("carried_out", carriedOut);
        cells["t2.a5.licensing.decisions"] = Cell.Number(licensing);
        return ReportJson.ToJson(schema, new ReportInfo { Agency = agency, Year = year }, cells.ToCells(), indented: true);
    }

    [Fact]
    public void Series_of_consistent_years_across_the_edition_change_is_clean()
    {
        _reports.Write("s/2020.json", Report(Report2019.Schema, 2020, 0, 2));
        _reports.Write("s/2021.json", Report(Report2021.Schema, 2021, 2, 1));
        _reports.Write("s/2022.json", Report(Report2021.Schema, 2022, 1, 0));
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "--series", "s");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("series " + Agency + " 2020–2022: years 2020, 2021, 2022, edition 2019→2021, consistent", result.Stdout);
        Assert.DoesNotContain("year ?", result.Stdout);
        Assert.DoesNotContain("RC30", result.Stdout);

        // The series is listed, but it is not a file.
        Assert.Contains("3 files: 3 without errors, 0 with errors; 1 series (0 with errors); 0 errors", result.Stdout);
        CliResult json = CliRunner.Run(_reports.Folder, null, "check", "--series", "s", "--format", "json");
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        JsonElement series = document.RootElement.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "series");
        Assert.Equal(new[] { 2020, 2021, 2022 }, series.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal(3, document.RootElement.EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "report"));
    }

    [Fact]
    public void Broken_carry_over_is_reported_for_that_column_naming_both_files_in_every_format()
    {
        _reports.Write("s/2022.json", Report(Report2021.Schema, 2022, 0, 2));
        _reports.Write("s/2023.json", Report(Report2021.Schema, 2023, 3, 0));
        CliResult text = CliRunner.Run(_reports.Folder, null, "check", "--series", "s");
        Assert.True(text.ExitCode == 1, text.ToString());
        string line = text.Stdout.Split('\n').First(l => l.Contains("X1[np]", StringComparison.Ordinal));
        Assert.StartsWith("s/2023.json", line, StringComparison.Ordinal);
        Assert.Contains(": error RC3001: ", line, StringComparison.Ordinal);
        Assert.Contains("s/2022.json", line, StringComparison.Ordinal);
        Assert.Contains("= 3, but it should equal", line, StringComparison.Ordinal);

        CliResult json = CliRunner.Run(_reports.Folder, null, "check", "--series", "s", "--format", "json");
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        JsonElement series = document.RootElement.EnumerateArray().Single(e => e.GetProperty("source").GetString()!.StartsWith("series ", StringComparison.Ordinal));
        string[] identities = series.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("identity").GetString()!).OrderBy(x => x, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "X1[np]", "X1[tot]" }, identities);
        JsonElement np = series.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("identity").GetString() == "X1[np]");
        Assert.Equal("3", np.GetProperty("reported").GetString());
        Assert.Equal("2", np.GetProperty("computed").GetString());
        Assert.Equal("t3.carried_in.np", np.GetProperty("location").GetProperty("cellKey").GetString());

        CliResult sarif = CliRunner.Run(_reports.Folder, null, "check", "--series", "s", "--format", "sarif");
        Assert.Equal(1, sarif.ExitCode);
        using JsonDocument log = JsonDocument.Parse(sarif.Stdout);
        Assert.Contains(log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "RC3001");
    }

    [Fact]
    public void Series_groups_by_agency_and_reports_gaps()
    {
        _reports.Write("s/a2021.json", Report(Report2021.Schema, 2021, 0, 0));
        _reports.Write("s/a2023.json", Report(Report2021.Schema, 2023, 0, 0));
        _reports.Write("s/b2022.json", Report(Report2021.Schema, 2022, 0, 5, agency: "另一个县人民政府"));
        _reports.Write("s/b2023.json", Report(Report2021.Schema, 2023, 5, 0, agency: "另一个县人民政府"));
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "--series", "s");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning RC3003: " + Agency + ": no report for 2022", result.Stdout);
        Assert.Contains("series 另一个县人民政府 2022–2023", result.Stdout);
        Assert.DoesNotContain("RC3001", result.Stdout);
    }

    [Fact]
    public void Hongze_2023_to_2024_series_holds()
    {
        string folder = Path.Combine(_reports.Folder, "hongze");
        Directory.CreateDirectory(folder);
        foreach (string name in new[] { "hongze-2023-pdftotext.txt", "hongze-2024-pdftotext.txt" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "samples", name), Path.Combine(folder, name));
        }

        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "--series", "hongze");
        Assert.Contains("series 洪泽区人民政府 2023–2024", result.Stdout);
        Assert.DoesNotContain("RC300", result.Stdout);
        Assert.Equal(1, result.ExitCode); // the reports themselves have errors (H4 in 2023, the hybrid Table 3)
    }

    [Fact]
    public void Sum_writes_the_aggregate_json_and_reports_like_check()
    {
        _reports.Write("d/a.json", Report(Report2021.Schema, 2022, 1, 2, licensing: 7));
        _reports.Write("d/b.json", Report(Report2021.Schema, 2022, 3, 0, licensing: 5));
        CliResult result = CliRunner.Run(_reports.Folder, null, "sum", "d/a.json", "d/b.json", "--agency", "某市", "-o", "city.json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("city.json: edition 2021, agency 某市, year 2022, valid", result.Stdout);
        Assert.Contains("reports-check: wrote the aggregate of 2 reports to city.json", result.Stderr);
        Assert.Contains("2 files: 2 without errors, 0 with errors; 1 sum;", result.Stdout);
        Assert.DoesNotContain("RC4006", result.Stdout);
        Assert.DoesNotContain("RC4007", result.Stdout);

        var read = Report2021.FromJson(File.ReadAllText(Path.Combine(_reports.Folder, "city.json")));
        Assert.True(read.IsValid, string.Join("\n", read.Diagnostics));
        Assert.Equal(12, read.Report!.ActiveDisclosure.Item5.Licensing.Decisions);
        Assert.Equal(4, read.Report.Applications.CarriedIn.Total);
        Assert.Equal(2, read.Report.Applications.CarriedOut.NaturalPerson);
        Assert.Equal("某市", read.Report.Info.Agency);

        CliResult stdout = CliRunner.Run(_reports.Folder, null, "sum", "d", "--format", "json");
        Assert.True(stdout.ExitCode == 0, stdout.ToString());
        using JsonDocument aggregate = JsonDocument.Parse(stdout.Stdout);
        Assert.Equal("2021", aggregate.RootElement.GetProperty("edition").GetString());
        using JsonDocument findings = JsonDocument.Parse(stdout.Stderr);
        Assert.Equal(3, findings.RootElement.GetArrayLength());
    }

    [Fact]
    public void Sum_of_different_editions_is_an_error()
    {
        _reports.Write("d/a.json", Report(Report2019.Schema, 2020, 0, 0));
        _reports.Write("d/b.json", Report(Report2021.Schema, 2021, 0, 0));
        CliResult result = CliRunner.Run(_reports.Folder, null, "sum", "d", "-o", "out.json");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error RC3007", result.Stdout);
        Assert.False(File.Exists(Path.Combine(_reports.Folder, "out.json")));
        Assert.DoesNotContain("out.json", result.Stdout + result.Stderr); // nothing was written there, so it is not named
        Assert.Contains("<sum>: edition ?", result.Stdout);
    }

    [Fact]
    public void Sum_warns_when_the_parts_differ_in_agency_or_year()
    {
        _reports.Write("d/a.json", Report(Report2021.Schema, 2022, 0, 0));
        _reports.Write("d/b.json", Report(Report2021.Schema, 2023, 0, 0, agency: "另一个县人民政府"));
        CliResult result = CliRunner.Run(_reports.Folder, null, "sum", "d", "-o", "city.json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("city.json: warning RC4006: the parts summed are of 2 agencies: " + Agency + ", 另一个县人民政府", result.Stdout);
        Assert.Contains("city.json: warning RC4007: the parts summed are of different years: 2022, 2023", result.Stdout);
        Assert.Contains("city.json: edition 2021, agency ?, year ?, valid", result.Stdout);
        Assert.Equal(1, CliRunner.Run(_reports.Folder, null, "sum", "d", "-o", "city.json", "--warnings-as-errors").ExitCode);

        // Two spellings of one agency are one agency.
        _reports.Write("e/a.json", Report(Report2021.Schema, 2022, 0, 0, agency: "测试县 人民政府"));
        _reports.Write("e/b.json", Report(Report2021.Schema, 2022, 0, 0));
        CliResult same = CliRunner.Run(_reports.Folder, null, "sum", "e", "-o", "e.json");
        Assert.DoesNotContain("RC4006", same.Stdout);
    }

    [Fact]
    public void Sum_of_a_missing_file_exits_two()
    {
        CliResult result = CliRunner.Run(_reports.Folder, null, "sum", "nope.json");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("RC4001", result.Stderr);
    }
}
