using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Reports.Core.Cells;
using Xunit;
using Xunit.Abstractions;

namespace Reports.Cli.Tests;

/// <summary><c>check --html DIR</c>: the pages' content and escaping, and the page as a real browser (headless Chromium) builds it.</summary>
public sealed class HtmlReportTests : IDisposable
{
    private const string Hostile = "<script>alert('x')</script>";

    private readonly TestReports _reports = new();
    private readonly ITestOutputHelper _output;

    public HtmlReportTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _reports.Dispose();

    private string Html(params string[] inputs)
    {
        CliResult result = CliRunner.Run(_reports.Folder, null, new[] { "check", "--html", "html" }.Concat(inputs).ToArray());
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        Assert.Contains("wrote the HTML report to html", result.Stderr);
        return Path.Combine(_reports.Folder, "html");
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static string Page(string folder, string source) =>
        Directory.GetFiles(folder, "*.html").Single(f => Path.GetFileName(f) != "index.html" && Parse(File.ReadAllText(f)).QuerySelector("p.meta")!.TextContent.StartsWith(source + ":", StringComparison.Ordinal));

    /// <summary>The cell keys of the RC1001 finding(s) of a report, as <c>check --format json</c> gives them.</summary>
    private string[] FailingCells(string source)
    {
        CliResult json = CliRunner.Run(_reports.Folder, null, "check", "--format", "json", source);
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        return document.RootElement[0].GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("id").GetString() == "RC1001")
            .SelectMany(f => f.GetProperty("cellKeys").EnumerateArray().Select(k => k.GetString()!))
            .Distinct().OrderBy(k => k, StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void Page_lays_out_the_template_tables_with_every_cell_and_its_state()
    {
        _reports.Write("states.json", TestReports.With(cells =>
        {
            cells["t3.new.np"] = Cell.Blank();
            cells["t3.new.biz"] = Cell.NotApplicable("/");
            cells["t3.new.res"] = Cell.Number(0);
            cells["t3.new.ngo"] = Cell.Text("十二");
        }));
        IDocument page = Parse(File.ReadAllText(Page(Html("states.json"), "states.json")));

        // Every cell of the edition is on the page once, under its table, with its state.
        IElement[] cells = page.QuerySelectorAll("td.cell[data-key]").ToArray();
        Assert.Equal(cells.Length, cells.Select(c => c.GetAttribute("data-key")).Distinct().Count());
        Assert.Equal(Reports.Core.Editions.Report2021.Schema.CellCount, cells.Length);
        IElement At(string key) => cells.Single(c => c.GetAttribute("data-key") == key);
        Assert.Equal("blank", At("t3.new.np").GetAttribute("data-state"));
        Assert.Equal("na", At("t3.new.biz").GetAttribute("data-state"));
        Assert.Equal("number", At("t3.new.res").GetAttribute("data-state"));
        Assert.Equal("text", At("t3.new.ngo").GetAttribute("data-state"));
        Assert.Equal("0", At("t3.new.res").TextContent.Trim());
        Assert.Equal("/", At("t3.new.biz").TextContent.Trim());
        Assert.NotEqual(At("t3.new.np").TextContent.Trim(), At("t3.new.res").TextContent.Trim());
        Assert.Contains("source line", At("t3.new.res").GetAttribute("title"));
        Assert.Contains("申请人情况 › 法人或其他组织 › 科研机构", At("t3.new.res").GetAttribute("title"));

        // Labels come from the schema: Table 3's row groups and column groups, Table 2's sections.
        IElement t3 = page.QuerySelector("table[data-table=t3]")!;
        Assert.Contains(t3.QuerySelectorAll("th"), th => th.TextContent == "三、本年度办理结果" && th.GetAttribute("rowspan") is not null);
        Assert.Contains(t3.QuerySelectorAll("th"), th => th.TextContent == "法人或其他组织" && th.GetAttribute("colspan") == "5");
        Assert.Contains(page.QuerySelectorAll("table[data-table=t2] tr.section th"), th => th.TextContent == "第二十条第（一）项");

        // The RC1005 text finding sits beside Table 3 and links to its cell.
        IElement finding = page.QuerySelectorAll("#t-t3 li.finding").Single(li => li.GetAttribute("data-id") == "RC1005");
        Assert.Contains(finding.QuerySelectorAll("a.cell-link"), a => a.GetAttribute("href") == "#c-t3.new.ngo");
    }

    [Fact]
    public void Agency_names_and_raw_cell_text_are_escaped()
    {
        _reports.Write("evil.json", TestReports.With(cells => cells["t3.new.np"] = Cell.Text(Hostile), agency: "某县" + Hostile));
        string folder = Html("evil.json");
        foreach (string file in Directory.GetFiles(folder, "*.html"))
        {
            string html = File.ReadAllText(file);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;", html);
        }

        IDocument page = Parse(File.ReadAllText(Page(folder, "evil.json")));
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Contains(Hostile, page.QuerySelector("h1")!.TextContent);
        Assert.Contains(Hostile, page.QuerySelector("td[data-key='t3.new.np']")!.TextContent);
        IDocument index = Parse(File.ReadAllText(Path.Combine(folder, "index.html")));
        Assert.Contains(index.QuerySelectorAll("td"), td => td.TextContent == "某县" + Hostile);
    }

    [Fact]
    public void Index_lists_reports_by_errors_then_warnings_with_agency_year_and_edition()
    {
        _reports.Write("a-clean.json", TestReports.Clean());
        _reports.Write("b-warn.json", TestReports.WithWarning());
        _reports.Write("c-h3.json", TestReports.BreaksH3());
        IDocument index = Parse(File.ReadAllText(Path.Combine(Html("a-clean.json", "b-warn.json", "c-h3.json"), "index.html")));
        IElement[] rows = index.QuerySelectorAll("table.index tbody tr").ToArray();
        Assert.Equal(new[] { "c-h3.json", "b-warn.json", "a-clean.json" }, rows.Select(r => r.GetAttribute("data-source")));
        string[] first = rows[0].QuerySelectorAll("td").Select(td => td.TextContent).ToArray();
        Assert.Equal(new[] { "c-h3.json", "测试县人民政府办公室", "2022", "2021" }, first.Take(4));
        Assert.True(int.Parse(first[4], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.All(rows, r => Assert.True(File.Exists(Path.Combine(_reports.Folder, "html", r.QuerySelector("a")!.GetAttribute("href")!))));
    }

    [Fact]
    public void Series_and_unreadable_inputs_get_pages_too()
    {
        _reports.Write("s/2022.json", TestReports.With(cells => { }, year: 2022));
        _reports.Write("s/2023.json", TestReports.With(cells => { }, year: 2023));
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "--series", "--html", "html", "s", "missing.json");
        Assert.True(result.ExitCode == 2, result.ToString());
        string folder = Path.Combine(_reports.Folder, "html");
        IDocument index = Parse(File.ReadAllText(Path.Combine(folder, "index.html")));
        string[] sources = index.QuerySelectorAll("table.index tbody tr").Select(r => r.GetAttribute("data-source")!).ToArray();
        Assert.Equal(new[] { "missing.json", "s/2022.json", "s/2023.json", "series 测试县人民政府办公室 2022–2023" }, sources);
        Assert.Contains(index.QuerySelectorAll("td"), td => td.TextContent == "2022, 2023");
        IDocument missing = Parse(File.ReadAllText(Page(folder, "missing.json")));
        Assert.Contains(missing.QuerySelectorAll("li.finding"), li => li.GetAttribute("data-id") == "RC4001");
    }

    [ChromiumFact]
    public void In_a_browser_exactly_the_failing_identitys_cells_are_highlighted()
    {
        _reports.Write("h3.json", TestReports.BreaksH3());
        string[] expected = FailingCells("h3.json");
        Assert.Contains("t3.new.np", expected);
        string page = Page(Html("h3.json"), "h3.json");

        IDocument dom = Parse(Chromium.DumpDom(page));
        string[] highlighted = dom.QuerySelectorAll("table[data-table] td.fail").Select(td => td.GetAttribute("data-key")!).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, highlighted);

        // The findings beside Table 3 (H3[np], H3[tot]) name the identity and both values, and link to exactly those cells.
        IElement[] findings = dom.QuerySelectorAll("#t-t3 li.finding").Where(li => li.GetAttribute("data-id") == "RC1001").ToArray();
        Assert.Equal(new[] { "H3[np]", "H3[tot]" }, findings.Select(f => f.GetAttribute("data-identity")).OrderBy(x => x, StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Matches(@"reported \S+ vs computed \S+", f.QuerySelector(".values")!.TextContent));
        Assert.Equal(expected.Select(k => "#c-" + k), findings.SelectMany(f => f.QuerySelectorAll("a.cell-link")).Select(a => a.GetAttribute("href")!).Distinct().OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(dom.QuerySelectorAll("table[data-table] td.fail"), td => Assert.Contains(td.QuerySelector("a")!.GetAttribute("href"), findings.Select(f => "#" + f.Id)));

        string shot = Chromium.Screenshot(page, Path.Combine(Artifacts(), "html-h3.png"), 1400, 1800);
        _output.WriteLine("screenshot: " + shot);
    }

    [ChromiumFact]
    public void In_a_browser_a_real_report_shows_its_failing_identities_and_is_screenshotted()
    {
        string sample = Path.Combine(AppContext.BaseDirectory, "samples", "hongze-2023-pdftotext.txt");
        File.Copy(sample, Path.Combine(_reports.Folder, "hongze-2023.txt"));
        string[] expected = FailingCells("hongze-2023.txt");
        Assert.Contains("t4.rev.total", expected);
        string page = Page(Html("hongze-2023.txt"), "hongze-2023.txt");

        IDocument dom = Parse(Chromium.DumpDom(page));
        Assert.Equal(expected, dom.QuerySelectorAll("table[data-table] td.fail").Select(td => td.GetAttribute("data-key")!).OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(2, dom.QuerySelectorAll("#t-t4 li.finding.error").Length);
        Assert.NotEmpty(dom.QuerySelectorAll("td.blank.warn"));

        // docs/html-report.png is this screenshot, committed.
        string shot = Chromium.Screenshot(page, Path.Combine(Artifacts(), "html-report.png"), 1500, 2100);
        Assert.True(new FileInfo(shot).Length > 10_000);
        _output.WriteLine("screenshot: " + shot);
    }

    private static string Artifacts()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reports.Core.sln")))
            {
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "artifacts", "html")).FullName;
            }
        }

        return Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "html")).FullName;
    }
}

/// <summary>A fact that needs headless Chromium: skipped, saying why, only where there is none; in CI (CI=true) it runs and fails without one.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Executable is null && !Chromium.Required)
        {
            Skip = "no Chromium on this machine (apt-get install -y chromium, as .ci/run does); the browser test did not run";
        }
    }
}

/// <summary>Runs headless Chromium (<c>chromium</c>, <c>chromium-browser</c>, <c>google-chrome</c> or $CHROMIUM).</summary>
internal static class Chromium
{
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Executable { get; } = Find();

    private static string? Find()
    {
        string? given = Environment.GetEnvironmentVariable("CHROMIUM");
        if (!string.IsNullOrEmpty(given) && File.Exists(given))
        {
            return given;
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static string DumpDom(string page)
    {
        string stdout = Run(new[] { "--dump-dom", new Uri(page).AbsoluteUri });
        Assert.Contains("</html>", stdout);
        return stdout;
    }

    public static string Screenshot(string page, string path, int width, int height)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        Run(new[] { "--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + path, new Uri(page).AbsoluteUri });
        Assert.True(File.Exists(path), "no screenshot written to " + path);
        return path;
    }

    private static string Run(string[] args)
    {
        Assert.True(Executable is not null, "Chromium is required (CI=true) but none was found; .ci/run installs it with apt-get install -y chromium");
        string profile = Directory.CreateTempSubdirectory("reports-chromium-").FullName;
        var start = new ProcessStartInfo(Executable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (string arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("Chromium timed out");
            }

            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "Chromium exited with " + process.ExitCode + ": " + stderr.Result);
            return stdout.Result;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
