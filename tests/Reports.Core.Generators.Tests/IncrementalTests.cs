using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Reports.Core.Generators.Tests;

/// <summary>The pipeline caches: unrelated edits rerun nothing, a schema edit reruns its file only.</summary>
public sealed class IncrementalTests
{
    private static readonly string HotlinePath = GeneratorHarness.PathOf("hotline.report-schema.json");

    [Fact]
    public void Unrelated_source_change_reuses_parsed_results_and_models()
    {
        (GeneratorDriver driver, CSharpCompilation compilation, _) = FirstRun();

        CSharpCompilation changed = compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Unrelated { } }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(changed);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        AssertAllReasons(result, TrackingNames.Parsed, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertAllReasons(result, TrackingNames.Models, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertAllReasons(result, TrackingNames.SchemaFiles, IncrementalStepRunReason.Cached);
        Assert.Equal(3, result.GeneratedSources.Length); // two editions and the registry
    }

    [Fact]
    public void Changed_schema_reruns_its_parse_and_changes_its_output_only()
    {
        (GeneratorDriver driver, CSharpCompilation compilation, AdditionalText hotline) = FirstRun();
        string before = SourceOf(driver, "HotlineReport.g.cs");
        string budgetBefore = SourceOf(driver, "BudgetReport.g.cs");

        var edited = new InMemoryAdditionalText(HotlinePath, TestSchemas.Hotline.Replace("（三）合计", "（三）总计", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(hotline, edited).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        ImmutableArray<IncrementalGeneratorRunStep> parsed = result.TrackedSteps[TrackingNames.Parsed];
        Assert.Contains(parsed.SelectMany(s => s.Outputs), o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Contains(parsed.SelectMany(s => s.Outputs), o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains(result.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs), o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);

        string after = SourceOf(driver, "HotlineReport.g.cs");
        Assert.NotEqual(before, after);
        Assert.Contains("（三）总计", after, StringComparison.Ordinal);
        Assert.DoesNotContain("（三）合计", after, StringComparison.Ordinal);
        Assert.Equal(budgetBefore, SourceOf(driver, "BudgetReport.g.cs"));
    }

    [Fact]
    public void Whitespace_only_schema_edit_leaves_the_model_unchanged()
    {
        (GeneratorDriver driver, CSharpCompilation compilation, AdditionalText hotline) = FirstRun();
        string before = SourceOf(driver, "HotlineReport.g.cs");

        var edited = new InMemoryAdditionalText(HotlinePath, "\n\n" + TestSchemas.Hotline + "\n");
        driver = driver.ReplaceAdditionalText(hotline, edited).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.SchemaFiles].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        AssertAllReasons(result, TrackingNames.Models, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.Equal(before, SourceOf(driver, "HotlineReport.g.cs"));
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, AdditionalText Hotline) FirstRun()
    {
        AdditionalText hotline = new InMemoryAdditionalText(HotlinePath, TestSchemas.Hotline);
        AdditionalText budget = new InMemoryAdditionalText(GeneratorHarness.PathOf("budget.report-schema.json"), TestSchemas.Budget);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Marker { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { hotline, budget }).RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        Assert.Empty(first.Diagnostics);
        Assert.Equal(3, first.GeneratedSources.Length); // two editions and the registry
        AssertAllReasons(first, TrackingNames.Parsed, IncrementalStepRunReason.New);
        return (driver, compilation, hotline);
    }

    private static string SourceOf(GeneratorDriver driver, string hintName) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    private static void AssertAllReasons(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out ImmutableArray<IncrementalGeneratorRunStep> steps), "step " + step + " was not tracked");
        var outputs = steps.SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(allowed.Contains(o.Reason), step + ": " + o.Reason));
    }
}
