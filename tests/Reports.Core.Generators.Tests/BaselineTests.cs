using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace Reports.Core.Generators.Tests;

/// <summary>
/// The generated source of a small schema is compared with a checked-in baseline. Set UPDATE_BASELINES=1 to rewrite
/// the baseline (in the source folder) after an intended emitter change, then review the diff.
/// </summary>
public sealed class BaselineTests
{
    [Fact]
    public void Hotline_report_matches_its_baseline()
    {
        GeneratorRun run = GeneratorHarness.Run("hotline.report-schema.json", TestSchemas.Hotline);
        Assert.Empty(run.GeneratorDiagnostics);
        string actual = Normalize(run.EditionSource());

        CompareWithBaseline("HotlineReport.g.cs.txt", actual);
    }

    [Theory]
    [InlineData("edition-2019.report-schema.json", "Report2019.g.cs.txt")]
    [InlineData("edition-2021.report-schema.json", "Report2021.g.cs.txt")]
    public void Builtin_edition_matches_its_baseline(string schemaFile, string baseline)
    {
        GeneratorRun run = GeneratorHarness.Run(schemaFile, GeneratorHarness.BuiltinSchema(schemaFile));
        Assert.Empty(run.GeneratorDiagnostics);
        string actual = Normalize(run.EditionSource());

        CompareWithBaseline(baseline, actual);
    }

    [Fact]
    public void Edition_registry_of_the_builtin_editions_matches_its_baseline()
    {
        GeneratorRun run = GeneratorHarness.Run(
            new InMemoryAdditionalText(GeneratorHarness.PathOf("edition-2021.report-schema.json"), GeneratorHarness.BuiltinSchema("edition-2021.report-schema.json")),
            new InMemoryAdditionalText(GeneratorHarness.PathOf("edition-2019.report-schema.json"), GeneratorHarness.BuiltinSchema("edition-2019.report-schema.json")));
        Assert.Empty(run.GeneratorDiagnostics);
        string actual = Normalize(run.SourceOf(GeneratorRun.RegistryHintName));

        CompareWithBaseline("ReportEditions.g.cs.txt", actual);
    }

    [Theory]
    [InlineData("edition-2019.report-schema.json")]
    [InlineData("edition-2021.report-schema.json")]
    [InlineData("hotline")]
    [InlineData("registry")]
    public void Generated_code_has_one_statement_per_line_and_marks_every_type_as_generated(string schemaFile)
    {
        GeneratorRun run = schemaFile is "hotline" or "registry"
            ? GeneratorHarness.Run("hotline.report-schema.json", TestSchemas.Hotline)
            : GeneratorHarness.Run(schemaFile, GeneratorHarness.BuiltinSchema(schemaFile));
        string[] lines = Normalize(schemaFile == "registry" ? run.SourceOf(GeneratorRun.RegistryHintName) : run.EditionSource()).Split('\n');

        // The longest code lines are single declarations (a cell or identity with its labels); comments that list the cell
        // keys of a 21-part summation may be longer.
        string longest = lines.Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) || l.TrimStart().StartsWith("///", StringComparison.Ordinal)).OrderByDescending(l => l.Length).First();
        Assert.True(longest.Length <= 400, "a line of " + longest.Length + " characters: " + longest.Substring(0, 120));
        for (int i = 0; i < lines.Length; i++)
        {
            string code = lines[i].TrimStart();
            if (code.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            // A property's accessors ({ get => _info; init => ... }) are one declaration.
            int statements = code.Split(';').Length - 1;
            bool accessors = code.Contains("{ get", StringComparison.Ordinal);
            Assert.True(statements <= 1 || accessors, "line " + (i + 1) + ": " + code);
            bool declaresType = System.Text.RegularExpressions.Regex.IsMatch(code, @"^(public|private|internal)( sealed| readonly| partial| static)* (class|struct|record) ");
            if (declaresType)
            {
                Assert.Contains("[global::System.CodeDom.Compiler.GeneratedCode(\"Reports.Core.Generators\", ", lines[i - 1], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Hard_identity_lines_are_commented_with_their_cell_keys()
    {
        GeneratorRun run = GeneratorHarness.Run("hotline.report-schema.json", TestSchemas.Hotline);
        string source = run.EditionSource();
        Assert.Contains("// H1[received]: t1.total.received == t1.phone.received + t1.online.received", source, StringComparison.Ordinal);
        Assert.Contains("// S1[online]: t1.online.resolved <= t1.online.received", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Docs_of_a_custom_schema_name_its_own_keys_and_shared_row_types_describe_the_column_not_one_row()
    {
        GeneratorRun custom = GeneratorHarness.Run("hotline.report-schema.json", TestSchemas.Hotline);
        string hotline = custom.EditionSource();
        Assert.DoesNotContain("t3.", hotline, StringComparison.Ordinal);
        Assert.Contains("(e.g. t1.phone.received)", hotline, StringComparison.Ordinal);

        GeneratorRun builtin = GeneratorHarness.Run("edition-2021.report-schema.json", GeneratorHarness.BuiltinSchema("edition-2021.report-schema.json"));
        string report2021 = builtin.EditionSource();
        Assert.DoesNotContain("(t3.new.np;", report2021, StringComparison.Ordinal);
        Assert.Contains("/// <summary>申请人情况 › 自然人 (column np; count, 件). Derived (the total of its parts) in t3.r.total.</summary>", report2021, StringComparison.Ordinal);
    }

    private static void CompareWithBaseline(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        string sourceFolder = Path.Combine(Path.GetDirectoryName(callerPath) ?? string.Empty, "Baselines");
        string sourceFile = Path.Combine(sourceFolder, name);
        if (Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1")
        {
            Directory.CreateDirectory(sourceFolder);
            File.WriteAllText(sourceFile, actual);
            return;
        }

        // The source folder when the build ran here; the copy in the output folder otherwise (e.g. path-mapped CI builds).
        string file = File.Exists(sourceFile) ? sourceFile : Path.Combine(AppContext.BaseDirectory, "Baselines", name);
        Assert.True(File.Exists(file), "Baseline " + name + " is missing; run the tests with UPDATE_BASELINES=1 to create it.");
        string expected = Normalize(File.ReadAllText(file));
        if (expected != actual)
        {
            string[] e = expected.Split('\n');
            string[] a = actual.Split('\n');
            int line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail(
                "Generated source differs from baseline " + name + " at line " + (line + 1) + ":\n  expected: " + (line < e.Length ? e[line] : "<end>") +
                "\n  actual:   " + (line < a.Length ? a[line] : "<end>") + "\nRun with UPDATE_BASELINES=1 to accept the change.");
        }
    }

    // Line ends, and the generator version in [GeneratedCode], which changes with every release.
    private static string Normalize(string text) =>
        System.Text.RegularExpressions.Regex.Replace(
            text.Replace("\r\n", "\n", StringComparison.Ordinal),
            "GeneratedCode\\(\"Reports.Core.Generators\", \"[^\"]*\"\\)",
            "GeneratedCode(\"Reports.Core.Generators\", \"*\")");
}
