using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using Xunit;

namespace Reports.Cli.Tests;

/// <summary>
/// <c>check --format sarif</c> validates against the SARIF 2.1.0 JSON schema (vendored in Schemas/, formats checked),
/// every rule links to absolute documentation, every result has a region.
/// </summary>
public sealed class SarifSchemaTests : IDisposable
{
    private static readonly Lazy<JsonSchema> Sarif = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-2.1.0-rtm.5.json"))).GetAwaiter().GetResult());

    private readonly TestReports _reports = new();

    public void Dispose() => _reports.Dispose();

    private static ICollection<ValidationError> Validate(string json) => Sarif.Value.Validate(json);

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => new[] { e }.Concat(e is ChildSchemaValidationError child ? Flatten(child.Errors.SelectMany(p => p.Value)) : Enumerable.Empty<ValidationError>()));

    private static string Describe(IEnumerable<ValidationError> errors) => string.Join("\n", Flatten(errors).Select(e => e.Path + ": " + e.Kind + " " + e.Property));

    [Fact]
    public void The_validator_rejects_what_the_issue_found_a_relative_helpUri()
    {
        // The schema and validator catch the old output: a relative helpUri fails the "uri" format.
        _reports.Write("h3.json", TestReports.BreaksH3());
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "--format", "sarif", "h3.json");
        JsonNode log = JsonNode.Parse(result.Stdout)!;
        log["runs"]![0]!["tool"]!["driver"]!["rules"]![0]!["helpUri"] = "docs/diagnostics.md#rc1001";
        ICollection<ValidationError> errors = Validate(log.ToJsonString());
        Assert.NotEmpty(errors);
        Assert.Contains("helpUri", Describe(errors), StringComparison.Ordinal);

        log["runs"]![0]!["tool"]!["driver"]!["rules"]![0]!["helpUri"] = "https://example.org/docs#rc1001";
        log["runs"]![0]!["results"]![0]!["level"] = "fatal";
        Assert.NotEmpty(Validate(log.ToJsonString()));
    }

    [Fact]
    public void Samples_sarif_is_valid_SARIF_2_1_0_with_absolute_links_and_a_region_on_every_result()
    {
        CliResult result = CliRunner.Run(AppContext.BaseDirectory, null, "check", "--format", "sarif", "samples");
        Assert.True(result.ExitCode == 1, result.ToString());
        ICollection<ValidationError> errors = Validate(result.Stdout);
        Assert.True(errors.Count == 0, Describe(errors));

        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        JsonElement run = document.RootElement.GetProperty("runs")[0];
        JsonElement driver = run.GetProperty("tool").GetProperty("driver");
        Assert.True(Uri.IsWellFormedUriString(driver.GetProperty("informationUri").GetString(), UriKind.Absolute));
        foreach (JsonElement rule in driver.GetProperty("rules").EnumerateArray())
        {
            string help = rule.GetProperty("helpUri").GetString()!;
            Assert.True(Uri.TryCreate(help, UriKind.Absolute, out Uri? uri) && uri.Scheme == "https", help);
            Assert.EndsWith("docs/diagnostics.md#" + rule.GetProperty("id").GetString()!.ToLowerInvariant(), help, StringComparison.Ordinal);
        }

        JsonElement[] results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.NotEmpty(results);
        foreach (JsonElement r in results)
        {
            JsonElement physical = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.False(string.IsNullOrEmpty(physical.GetProperty("artifactLocation").GetProperty("uri").GetString()));
            Assert.True(physical.GetProperty("region").GetProperty("startLine").GetInt32() >= 1, r.ToString());
        }

        // A finding about the whole file (RC2016 has no line) points at line 1.
        JsonElement fileLevel = results.First(r => r.GetProperty("ruleId").GetString() == "RC2016");
        Assert.Equal(1, fileLevel.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());

        // What the dev-set scorer reads: error-level RC1001 results whose message starts with the identity instance.
        string[] identities = results.Where(r => r.GetProperty("level").GetString() == "error" && r.GetProperty("ruleId").GetString() == "RC1001")
            .Select(r => r.GetProperty("message").GetProperty("text").GetString()!.Split(' ')[0]).OrderBy(x => x, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "H4[lit_after_rev]", "H4[rev]" }, identities);
        Assert.StartsWith("file:///", run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HelpUri_base_is_configurable_and_must_be_absolute()
    {
        _reports.Write("h3.json", TestReports.BreaksH3());
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "--format", "sarif", "--help-uri-base", "https://docs.example.org/reports/diagnostics.html", "h3.json");
        Assert.True(Validate(result.Stdout).Count == 0, Describe(Validate(result.Stdout)));
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        JsonElement rule = document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "RC1001");
        Assert.Equal("https://docs.example.org/reports/diagnostics.html#rc1001", rule.GetProperty("helpUri").GetString());

        CliResult relative = CliRunner.Run(_reports.Folder, null, "check", "--format", "sarif", "--help-uri-base", "docs/diagnostics.md", "h3.json");
        Assert.True(relative.ExitCode == 2, relative.ToString());
        Assert.Contains("absolute", relative.Stderr);
    }

    [Fact]
    public void Inputs_that_cannot_be_read_and_stdin_still_give_valid_SARIF_with_regions()
    {
        _reports.Write("odd.json", "{ \"edition\": \"1999\" }");
        CliResult result = CliRunner.Run(_reports.Folder, TestReports.BreaksH3(), "check", "--format", "sarif", "missing.json", "odd.json", "-");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.True(Validate(result.Stdout).Count == 0, Describe(Validate(result.Stdout)));
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        string[] ids = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()!).ToArray();
        Assert.Contains("RC4001", ids);
        Assert.Contains("RC1104", ids);
        Assert.Contains("RC1001", ids);
    }
}
