using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Reports.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly TestReports _reports = new();

    public void Dispose() => _reports.Dispose();

    [Fact]
    public void CleanJsonReport_ExitsZero()
    {
        string path = _reports.Write("clean.json", TestReports.Clean());
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", path);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("edition 2021", result.Stdout);
        Assert.Contains("测试县人民政府办公室", result.Stdout);
        Assert.Contains("year 2022", result.Stdout);
        Assert.Contains("valid", result.Stdout);
        Assert.DoesNotContain("error RC", result.Stdout);
    }

    [Fact]
    public void JsonReportBreakingH3_ExitsOneWithRoslynStyleFinding()
    {
        _reports.Write("h3.json", TestReports.BreaksH3());
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "h3.json");
        Assert.True(result.ExitCode == 1, result.ToString());
        string line = result.Stdout.Split('\n').First(l => l.Contains("RC1001", StringComparison.Ordinal));
        Assert.StartsWith("h3.json", line, StringComparison.Ordinal);
        Assert.Contains(": error RC1001: ", line, StringComparison.Ordinal);
        Assert.Contains("H3", line, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_ExitsTwo()
    {
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "no-such-report.json");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("RC4001", result.Stdout);
    }

    [Fact]
    public void MissingFileAmongGoodOnes_StillExitsTwo()
    {
        _reports.Write("h3.json", TestReports.BreaksH3());
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "h3.json", "missing.txt");
        Assert.True(result.ExitCode == 2, result.ToString());
    }

    [Fact]
    public void GbkFile_IsRead_AndTheEncodingIsSaid_RC2021()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "004_afc8951c6086bbfe.txt"));
        File.WriteAllBytes(Path.Combine(_reports.Folder, "gbk.txt"), System.Text.Encoding.GetEncoding("gbk").GetBytes(text));
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "gbk.txt");
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        Assert.Contains("RC2021", result.Stdout);
        Assert.Contains("GB18030", result.Stdout);
        Assert.DoesNotContain("RC4002", result.Stdout);
    }

    [Fact]
    public void FolderMixingFormats_GivesACompleteSummaryCsv_AndCountsTheUnsupportedFile()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        string samples = Path.Combine(AppContext.BaseDirectory, "samples");
        Directory.CreateDirectory(Path.Combine(_reports.Folder, "mixed"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "pdf", "huaian-2024.pdf"), Path.Combine(_reports.Folder, "mixed", "huaian-2024.pdf"));
        string page = "<html><head><meta charset=\"gbk\"><script>var nav = 1;</script></head><body><div class=\"nav\">首页 &gt; 政务公开</div><pre>"
            + System.Net.WebUtility.HtmlEncode(File.ReadAllText(Path.Combine(samples, "004_afc8951c6086bbfe.txt"))) + "</pre></body></html>";
        File.WriteAllBytes(Path.Combine(_reports.Folder, "mixed", "page-gbk.html"), System.Text.Encoding.GetEncoding("gbk").GetBytes(page));
        File.Copy(Path.Combine(samples, "hongze-2024-pdftotext.txt"), Path.Combine(_reports.Folder, "mixed", "hongze.txt"));
        _reports.Write("mixed/h3.json", TestReports.BreaksH3());
        File.WriteAllBytes(Path.Combine(_reports.Folder, "mixed", "sample-004.docx"), SampleDocx());
        File.WriteAllBytes(Path.Combine(_reports.Folder, "mixed", "scan.png"), new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 });

        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "mixed", "--summary", "summary.csv");

        // Exit codes as documented: 1 when a file has errors (h3.json, and the PNG's RC2023), 2 only for unreadable input.
        Assert.True(result.ExitCode == 1, result.ToString());
        string[] rows = File.ReadAllLines(Path.Combine(_reports.Folder, "summary.csv"));
        Assert.Equal("path,format,encoding,agency,year,edition,valid,errors,warnings,error_ids,warning_ids", rows[0].TrimStart('\uFEFF'));
        Assert.Equal(
            new[] { "mixed/h3.json", "mixed/hongze.txt", "mixed/huaian-2024.pdf", "mixed/page-gbk.html", "mixed/sample-004.docx", "mixed/scan.png" },
            rows.Skip(1).Select(r => r.Split(',')[0]));
        string Row(string name) => Assert.Single(rows, r => r.StartsWith("mixed/" + name + ",", StringComparison.Ordinal));
        Assert.StartsWith("mixed/huaian-2024.pdf,pdf,,淮安市人民政府,2024,2021,true,0,", Row("huaian-2024.pdf"));
        Assert.StartsWith("mixed/page-gbk.html,html,GB18030,", Row("page-gbk.html"));
        Assert.StartsWith("mixed/hongze.txt,text,UTF-8,", Row("hongze.txt"));
        Assert.Contains("RC1001:", Row("h3.json"));
        Assert.StartsWith("mixed/sample-004.docx,docx,,泉州市数字泉州建设办公室,2021,2021,true,0,", Row("sample-004.docx"));
        Assert.StartsWith("mixed/scan.png,,,,,,false,1,0,RC2023:1,", Row("scan.png"));
        Assert.Contains("RC2023", result.Stdout);
        Assert.Contains("6 files: 4 without errors, 2 with errors", result.Stdout);
    }

    [Fact]
    public void FolderFiles_AreCheckedInOrdinalOrderOfTheirPaths_AcrossSubfolders()
    {
        foreach (string name in new[] { "b.json", "a-c.json", "a/z.json", "a/b/c.json", "a0.json", "A.json" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_reports.Folder, "tree", name))!);
            _reports.Write("tree/" + name, TestReports.Clean());
        }

        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "tree", "--summary", "order.csv");
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] paths = File.ReadAllLines(Path.Combine(_reports.Folder, "order.csv")).Skip(1).Select(r => r.Split(',')[0]).ToArray();
        Assert.Equal(paths.OrderBy(p => p, StringComparer.Ordinal), paths);
        Assert.Equal(new[] { "tree/A.json", "tree/a-c.json", "tree/a/b/c.json", "tree/a/z.json", "tree/a0.json", "tree/b.json" }, paths);
    }

    [Fact]
    public void ManyEntries_ListEachAsItIsChecked_ButLeaveTheTableOut_AndStillTotalEveryOne()
    {
        // Nonexistent paths are checked without reading anything: the listing's bound is what is tested.
        string[] missing = Enumerable.Range(0, 1001).Select(i => "gone-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + ".txt").ToArray();
        CliResult result = CliRunner.Run(_reports.Folder, null, new[] { "check" }.Concat(missing).Concat(new[] { "--summary", "many.csv" }).ToArray());
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(1001, result.Stdout.Split('\n').Count(l => l.StartsWith("gone-", StringComparison.Ordinal) && l.Contains(": error RC4001: ", StringComparison.Ordinal)));
        Assert.Contains("1,001 entries: the table per file is left out above 1,000 (--summary out.csv writes a row per file)", result.Stdout);
        Assert.Contains("1001 files: 0 without errors, 1001 with errors; 1001 errors", result.Stdout);
        Assert.DoesNotContain("--------", result.Stdout);
        Assert.Equal(1002, File.ReadAllLines(Path.Combine(_reports.Folder, "many.csv")).Length);
    }

    /// <summary>sample-004's hand-transcribed cells written as a Word document (merged cells and all).</summary>
    private static byte[] SampleDocx()
    {
        string json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "sample-004.json"));
        var read = Reports.Core.Json.ReportJson.Read(Reports.Core.Editions.Report2021.Edition, json);
        Assert.NotNull(read.Cells);
        string html = Reports.Core.Synthetic.ReportTextRenderer.Render(read.Cells!, Reports.Core.Synthetic.RenderLayout.Html, read.Info.Agency!, read.Info.Year!.Value);
        return Reports.Core.Import.Tests.Pages.DocxWriter.Write(Reports.Core.Import.Tests.Pages.ReportPage.FromHtml(html));
    }

    [Fact]
    public void EmptyFolder_ExitsTwo()
    {
        Directory.CreateDirectory(Path.Combine(_reports.Folder, "empty"));
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "empty");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("RC4003", result.Stdout);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--no-such-option")]
    public void UsageError_ExitsTwo(params string[] extra)
    {
        _reports.Write("clean.json", TestReports.Clean());
        CliResult result = CliRunner.Run(_reports.Folder, null, new[] { "check", "clean.json" }.Concat(extra).ToArray());
        Assert.True(result.ExitCode == 2, result.ToString());
    }

    [Fact]
    public void NoCommand_ExitsTwo()
    {
        CliResult result = CliRunner.Run(_reports.Folder, null);
        Assert.True(result.ExitCode == 2, result.ToString());
    }

    [Fact]
    public void Warnings_ExitZero_UnlessWarningsAsErrors()
    {
        _reports.Write("warn.json", TestReports.WithWarning());
        CliResult plain = CliRunner.Run(_reports.Folder, null, "check", "warn.json");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("warning RC", plain.Stdout);

        CliResult strict = CliRunner.Run(_reports.Folder, null, "check", "--warnings-as-errors", "warn.json");
        Assert.True(strict.ExitCode == 1, strict.ToString());
    }

    [Fact]
    public void UnknownEdition_IsReported()
    {
        _reports.Write("odd.json", "{ \"edition\": \"1999\" }");
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "odd.json");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("RC1104", result.Stdout);
    }

    [Fact]
    public void MalformedJson_IsReportedWithLine()
    {
        _reports.Write("bad.json", "{\n  \"edition\": \"2021\",\n  \"t3\": {\n");
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "bad.json");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("RC1101", result.Stdout);
    }

    [Fact]
    public void Stdin_IsRead()
    {
        CliResult result = CliRunner.Run(_reports.Folder, TestReports.BreaksH3(), "check", "-");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("<stdin>", result.Stdout);
        Assert.Contains("RC1001", result.Stdout);
    }

    [Fact]
    public void Folder_IsSearchedRecursively_InOrdinalOrder_AndOutputIsDeterministic()
    {
        _reports.Write("in/b/second.json", TestReports.BreaksH3());
        _reports.Write("in/a/first.json", TestReports.Clean());
        File.WriteAllBytes(Path.Combine(_reports.Folder, "in", "image.bin"), new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 1 });
        CliResult one = CliRunner.Run(_reports.Folder, null, "check", "in");
        CliResult two = CliRunner.Run(_reports.Folder, null, "check", "in");
        Assert.True(one.ExitCode == 1, one.ToString());
        Assert.Equal(one.Stdout, two.Stdout);
        int first = one.Stdout.IndexOf("in/a/first.json", StringComparison.Ordinal);
        int second = one.Stdout.IndexOf("in/b/second.json", StringComparison.Ordinal);
        Assert.True(first >= 0 && second > first, one.ToString());
        Assert.Contains("in/image.bin", one.Stdout); // nothing is skipped silently: an unsupported file is a finding
        Assert.Contains("RC2023", one.Stdout);
    }

    [Fact]
    public void OutputFollowsInputOrder()
    {
        for (int i = 0; i < 25; i++)
        {
            _reports.Write($"r{i:00}.json", i % 2 == 0 ? TestReports.Clean() : TestReports.BreaksH3());
        }

        string[] args = new[] { "check", "--format", "json" }.Concat(Enumerable.Range(0, 25).Reverse().Select(i => $"r{i:00}.json")).ToArray();
        CliResult result = CliRunner.Run(_reports.Folder, null, args);
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        string[] sources = document.RootElement.EnumerateArray().Select(r => r.GetProperty("source").GetString()!).ToArray();
        Assert.Equal(Enumerable.Range(0, 25).Reverse().Select(i => $"r{i:00}.json"), sources);
    }

    [Fact]
    public void JsonFormat_ParsesAndCarriesEveryField()
    {
        _reports.Write("clean.json", TestReports.Clean());
        _reports.Write("h3.json", TestReports.BreaksH3());
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "--format", "json", "clean.json", "h3.json");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("测试县人民政府办公室", result.Stdout); // relaxed escaping: Chinese stays readable

        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        JsonElement[] reports = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, reports.Length);
        Assert.Equal("clean.json", reports[0].GetProperty("source").GetString());
        Assert.Equal("2021", reports[0].GetProperty("edition").GetString());
        Assert.Equal(2022, reports[0].GetProperty("year").GetInt32());
        Assert.Equal(0, reports[0].GetProperty("errors").GetInt32());
        Assert.True(reports[0].GetProperty("valid").GetBoolean());

        JsonElement finding = reports[1].GetProperty("findings").EnumerateArray().First(f => f.GetProperty("id").GetString() == "RC1001");
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetString()));
        Assert.StartsWith("H3", finding.GetProperty("identity").GetString(), StringComparison.Ordinal);
        JsonElement location = finding.GetProperty("location");
        Assert.Equal("h3.json", location.GetProperty("source").GetString());
        foreach (string name in new[] { "tableKey", "rowKey", "columnKey", "cellKey", "label", "span" })
        {
            Assert.True(location.TryGetProperty(name, out _), name);
        }

        Assert.True(finding.TryGetProperty("reported", out _));
        Assert.True(finding.TryGetProperty("computed", out _));
        Assert.True(finding.TryGetProperty("cellKeys", out _));
        Assert.False(reports[1].GetProperty("valid").GetBoolean());
    }

    [Fact]
    public void SarifFormat_HasRequiredFields()
    {
        _reports.Write("h3.json", TestReports.BreaksH3());
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "--format", "sarif", "h3.json");
        Assert.True(result.ExitCode == 1, result.ToString());

        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        JsonElement root = document.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif", root.GetProperty("$schema").GetString(), StringComparison.OrdinalIgnoreCase);
        JsonElement run = root.GetProperty("runs")[0];
        JsonElement driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("reports-check", driver.GetProperty("name").GetString());
        JsonElement rule = driver.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "RC1001");
        Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
        Assert.False(string.IsNullOrEmpty(rule.GetProperty("helpUri").GetString()));

        JsonElement[] results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.NotEmpty(results);
        JsonElement h3 = results.First(r => r.GetProperty("ruleId").GetString() == "RC1001");
        Assert.Equal("error", h3.GetProperty("level").GetString());
        Assert.False(string.IsNullOrEmpty(h3.GetProperty("message").GetProperty("text").GetString()));
        JsonElement physical = h3.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("h3.json", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        if (physical.TryGetProperty("region", out JsonElement region))
        {
            Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
        }

        Assert.True(h3.GetProperty("properties").TryGetProperty("cellKey", out _) || h3.GetProperty("properties").TryGetProperty("label", out _));
        foreach (JsonElement r in results)
        {
            Assert.Contains(r.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
        }
    }

    [Fact]
    public void Samples_AreAllChecked()
    {
        string samples = Path.Combine(AppContext.BaseDirectory, "samples");
        CliResult result = CliRunner.Run(AppContext.BaseDirectory, null, "check", "--format", "json", "samples");
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(Directory.GetFiles(samples, "*.txt").Length, document.RootElement.GetArrayLength());
        Assert.All(document.RootElement.EnumerateArray(), r => Assert.True(r.GetProperty("read").GetBoolean()));
    }
}
