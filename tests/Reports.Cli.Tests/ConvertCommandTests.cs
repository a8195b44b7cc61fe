using System;
using System.IO;
using System.Text.Json;
using Xunit;

namespace Reports.Cli.Tests;

public sealed class ConvertCommandTests : IDisposable
{
    private readonly TestReports _reports = new();

    public void Dispose() => _reports.Dispose();

    [Fact]
    public void ConvertJson_WritesCanonicalJson_ToFile()
    {
        _reports.Write("h3.json", TestReports.BreaksH3());
        CliResult result = CliRunner.Run(_reports.Folder, null, "convert", "h3.json", "-o", "out.json");
        Assert.True(result.ExitCode == 0, result.ToString());
        string json = File.ReadAllText(Path.Combine(_reports.Folder, "out.json"));
        Assert.Contains("测试县人民政府办公室", json);
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal("2021", document.RootElement.GetProperty("edition").GetString());
        Assert.Equal(2022, document.RootElement.GetProperty("year").GetInt32());

        CliResult again = CliRunner.Run(_reports.Folder, null, "check", "out.json");
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("RC1001", again.Stdout);
    }

    [Fact]
    public void ConvertSample_WritesJsonToStdout()
    {
        CliResult result = CliRunner.Run(AppContext.BaseDirectory, null, "convert", "samples/004_afc8951c6086bbfe.txt");
        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        Assert.True(document.RootElement.TryGetProperty("edition", out _));
    }

    [Fact]
    public void ConvertMissingFile_ExitsTwo()
    {
        CliResult result = CliRunner.Run(_reports.Folder, null, "convert", "missing.json");
        Assert.True(result.ExitCode == 2, result.ToString());
    }
}
