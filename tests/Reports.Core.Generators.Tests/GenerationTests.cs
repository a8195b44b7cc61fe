using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Reports.Core.Generators.Tests;

/// <summary>Valid schemas generate code that compiles cleanly (nullable, all warning waves, warnings as errors).</summary>
public sealed class GenerationTests
{
    public static TheoryData<string, string, string> Schemas => new()
    {
        { "edition-2019.report-schema.json", GeneratorHarness.BuiltinSchema("edition-2019.report-schema.json"), "Test.Builtin.Report2019" },
        { "edition-2021.report-schema.json", GeneratorHarness.BuiltinSchema("edition-2021.report-schema.json"), "Test.Builtin.Report2021" },
        { "hotline.report-schema.json", TestSchemas.Hotline, "Test.Gen.HotlineReport" },
        { "appeals.report-schema.json", TestSchemas.Appeals, "Test.Gen.AppealsReport" },
        { "budget.report-schema.json", TestSchemas.Budget, "Test.Gen.BudgetReport" },
        { "plain.report-schema.json", TestSchemas.Plain, "Test.Gen.PlainReport" },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Schema_generates_code_that_compiles_without_warnings(string fileName, string schema, string typeName)
    {
        GeneratorRun run = GeneratorHarness.Run(fileName, schema);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(new[] { typeName.Substring(typeName.LastIndexOf('.') + 1) + ".g.cs" }, run.EditionHintNames());
        Assert.Contains(run.Sources, s => s.HintName == GeneratorRun.RegistryHintName);

        IReadOnlyList<Diagnostic> problems = run.CompilationProblems();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20).Select(d => d.ToString())));

        foreach (string suffix in new[] { string.Empty, "Draft", "Builder", "JsonConverter", "DraftJsonConverter" })
        {
            INamedTypeSymbol? type = run.Output.GetTypeByMetadataName(typeName + suffix);
            Assert.True(type is not null, typeName + suffix + " was not generated");
            Assert.Equal(Accessibility.Public, type!.DeclaredAccessibility);
        }
    }

    [Fact]
    public void All_schemas_together_compile_and_generate_one_file_each_and_one_registry()
    {
        GeneratorRun run = GeneratorHarness.Run(Schemas.Select(row => (AdditionalText)new InMemoryAdditionalText(GeneratorHarness.PathOf((string)row[0]), (string)row[1])).ToArray());

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(
            new[] { "AppealsReport.g.cs", "BudgetReport.g.cs", "HotlineReport.g.cs", "PlainReport.g.cs", "Report2019.g.cs", "Report2021.g.cs", "ReportEditions.g.cs" },
            run.Sources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Files_without_the_schema_suffix_are_ignored()
    {
        GeneratorRun run = GeneratorHarness.Run("hotline.json", TestSchemas.Hotline);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Generated_types_implement_the_runtime_interfaces_and_expose_tables()
    {
        GeneratorRun run = GeneratorHarness.Run("hotline.report-schema.json", TestSchemas.Hotline);

        INamedTypeSymbol report = run.Output.GetTypeByMetadataName("Test.Gen.HotlineReport")!;
        Assert.Contains(report.AllInterfaces, i => i.ToDisplayString() == "Reports.Core.Reports.IValidatedReport");
        INamedTypeSymbol draft = run.Output.GetTypeByMetadataName("Test.Gen.HotlineReportDraft")!;
        Assert.Contains(draft.AllInterfaces, i => i.ToDisplayString() == "Reports.Core.Reports.IReportDraft");
        Assert.NotEmpty(report.GetMembers("Requests"));
    }
}
