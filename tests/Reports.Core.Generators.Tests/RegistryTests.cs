using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Reports.Core.Generators.Tests;

/// <summary>
/// The edition registry (<c>ReportEditions</c>): emitted once per compilation that has a schema generating code, listing
/// every such edition in edition-id order, whatever order the files come in; never for a compilation without one.
/// </summary>
public sealed class RegistryTests
{
    private static readonly AdditionalText Hotline = new InMemoryAdditionalText(GeneratorHarness.PathOf("hotline.report-schema.json"), TestSchemas.Hotline);
    private static readonly AdditionalText Budget = new InMemoryAdditionalText(GeneratorHarness.PathOf("budget.report-schema.json"), TestSchemas.Budget);

    [Fact]
    public void A_compilation_without_schemas_gets_no_registry()
    {
        GeneratorRun none = GeneratorHarness.Run();
        Assert.Empty(none.Sources);
        Assert.Null(none.Output.GetTypeByMetadataName("Reports.Generated.ReportEditions"));

        // A file that is not a schema, and a schema with an error, generate nothing either.
        GeneratorRun other = GeneratorHarness.Run(new InMemoryAdditionalText(GeneratorHarness.PathOf("hotline.json"), TestSchemas.Hotline));
        Assert.Empty(other.Sources);
        GeneratorRun broken = GeneratorHarness.Run("broken.report-schema.json", TestSchemas.Hotline.Replace("\"title\"", "\"titel\"", StringComparison.Ordinal));
        Assert.NotEmpty(broken.GeneratorDiagnostics);
        Assert.Empty(broken.Sources);
    }

    [Fact]
    public void Two_schemas_are_both_listed_in_edition_id_order_whatever_order_the_files_come_in()
    {
        GeneratorRun forward = GeneratorHarness.Run(Hotline, Budget);
        GeneratorRun backward = GeneratorHarness.Run(Budget, Hotline);
        Assert.Empty(forward.GeneratorDiagnostics);
        Assert.Empty(forward.CompilationProblems());

        string registry = forward.SourceOf(GeneratorRun.RegistryHintName);
        Assert.Equal(registry, backward.SourceOf(GeneratorRun.RegistryHintName));
        Assert.Single(forward.Sources, s => s.HintName == GeneratorRun.RegistryHintName);

        // "budget-1" < "hotline-2024" (ordinal): All, Ids and the lookups list them in that order.
        string all = Initializer(forward, "All");
        Assert.Equal(
            new[] { "global::Test.Gen.BudgetReport.Edition", "global::Test.Gen.HotlineReport.Edition" },
            ((InvocationExpressionSyntax)SyntaxFactory.ParseExpression(all)).ArgumentList.Arguments.Select(a => a.ToString()));
        Assert.Equal("global::System.Collections.Immutable.ImmutableArray.Create(\"budget-1\", \"hotline-2024\")", Initializer(forward, "Ids"));
        Assert.True(registry.IndexOf("\"budget-1\" => global::Test.Gen.BudgetReport.Edition", StringComparison.Ordinal)
            < registry.IndexOf("\"hotline-2024\" => global::Test.Gen.HotlineReport.Edition", StringComparison.Ordinal));
        Assert.Contains("\"HotlineReport\" => global::Test.Gen.HotlineReport.Edition", registry, StringComparison.Ordinal);

        // The schemas share their namespace, so the registry is in it, public and static.
        INamedTypeSymbol type = Assert.IsAssignableFrom<INamedTypeSymbol>(forward.Output.GetTypeByMetadataName("Test.Gen.ReportEditions"));
        Assert.True(type.IsStatic);
        Assert.Equal(Accessibility.Public, type.DeclaredAccessibility);
        Assert.Equal(
            new[] { "All", "Find", "FindByTypeName", "Ids", "TryFind" },
            type.GetMembers().Where(m => m.DeclaredAccessibility == Accessibility.Public && m is not IMethodSymbol { MethodKind: MethodKind.PropertyGet }).Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Schemas_in_different_namespaces_get_a_registry_in_the_project_namespace()
    {
        string elsewhere = TestSchemas.Budget.Replace("\"namespace\": \"Test.Gen\"", "\"namespace\": \"Test.Other\"", StringComparison.Ordinal);
        Assert.NotEqual(TestSchemas.Budget, elsewhere);
        GeneratorRun run = GeneratorHarness.Run(Hotline, new InMemoryAdditionalText(GeneratorHarness.PathOf("budget.report-schema.json"), elsewhere));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.NotNull(run.Output.GetTypeByMetadataName("Reports.Generated.ReportEditions")); // no MSBuild namespace here: the generator's default
        Assert.Contains("global::Test.Other.BudgetReport.Edition", run.SourceOf(GeneratorRun.RegistryHintName), StringComparison.Ordinal);
    }

    [Fact]
    public void RCG014_two_schemas_with_one_edition_id_is_an_error_at_the_second_id_and_the_registry_still_compiles()
    {
        string twin = TestSchemas.Budget.Replace("\"edition\": \"budget-1\"", "\"edition\": \"hotline-2024\"", StringComparison.Ordinal);
        Assert.NotEqual(TestSchemas.Budget, twin);
        var budget = new InMemoryAdditionalText(GeneratorHarness.PathOf("budget.report-schema.json"), twin);
        GeneratorRun run = GeneratorHarness.Run(Hotline, budget);

        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RCG014", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);

        // Same id: ordered by namespace, then type name, so BudgetReport is first and HotlineReport the duplicate.
        FileLinePositionSpan span = d.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.PathOf("hotline.report-schema.json"), span.Path);
        Assert.Equal(GeneratorHarness.PositionOf(TestSchemas.Hotline, GeneratorHarness.IndexOf(TestSchemas.Hotline, "\"hotline-2024\"")), span.StartLinePosition);
        Assert.Equal("Edition 'hotline-2024' is also declared by budget.report-schema.json (Test.Gen.BudgetReport); the edition registry looks editions up by id, so each needs its own", d.GetMessage());

        Assert.Equal("global::System.Collections.Immutable.ImmutableArray.Create(\"hotline-2024\")", Initializer(run, "Ids"));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void RCG012_a_report_type_named_like_the_registry_is_an_error_at_its_type_name()
    {
        string schema = TestSchemas.Hotline.Replace("\"typeName\": \"HotlineReport\"", "\"typeName\": \"ReportEditions\"", StringComparison.Ordinal);
        GeneratorRun run = GeneratorHarness.Run("hotline.report-schema.json", schema);

        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RCG012", d.Id);
        Assert.Equal(GeneratorHarness.PositionOf(schema, GeneratorHarness.IndexOf(schema, "\"ReportEditions\"")), d.Location.GetLineSpan().StartLinePosition);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Editing_a_schema_without_touching_its_edition_leaves_the_registry_unchanged()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Marker { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { Hotline, Budget }).RunGenerators(compilation);
        string before = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == GeneratorRun.RegistryHintName).SourceText.ToString();

        var edited = new InMemoryAdditionalText(Hotline.Path, TestSchemas.Hotline.Replace("（三）合计", "（三）总计", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(Hotline, edited).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        ImmutableArray<IncrementalGeneratorRunStep> steps = result.TrackedSteps[TrackingNames.Registry];
        Assert.All(steps.SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Equal(before, result.GeneratedSources.Single(s => s.HintName == GeneratorRun.RegistryHintName).SourceText.ToString());

        // A new edition id does change it.
        var renamed = new InMemoryAdditionalText(Hotline.Path, TestSchemas.Hotline.Replace("hotline-2024", "hotline-2025", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(edited, renamed).RunGenerators(compilation);
        Assert.Contains("\"hotline-2025\"", driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == GeneratorRun.RegistryHintName).SourceText.ToString(), StringComparison.Ordinal);
    }

    // The initializer of a static property of the registry, as written.
    private static string Initializer(GeneratorRun run, string property)
    {
        SyntaxTree tree = run.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith(GeneratorRun.RegistryHintName, StringComparison.Ordinal));
        PropertyDeclarationSyntax declaration = tree.GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>().Single(p => p.Identifier.Text == property);
        return declaration.Initializer!.Value.ToString().Replace("\n", string.Empty, StringComparison.Ordinal).Replace("    ", string.Empty, StringComparison.Ordinal);
    }
}
