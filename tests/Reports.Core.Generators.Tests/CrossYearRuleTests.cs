using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Reports.Core.Generators.Tests;

/// <summary>
/// Cross-year identities are data in the schema's <c>crossYear</c> section; the generator checks their keys, so a renamed
/// key is RCG011 at the key's own text (file, line, column), never a check that silently matches nothing.
/// </summary>
public sealed class CrossYearRuleTests
{
    private const string File = "edition-2021.report-schema.json";

    [Theory]
    [InlineData("\"cell\": \"t3.carried_in.*\"", "t3.carried_in.*", "t3.carryover_in.*")]
    [InlineData("{ \"previous\": \"t3.carried_out.*\" }", "t3.carried_out.*", "t3.carried_over.*")]
    [InlineData("{ \"current\": \"t2.a1.*.repealed\", \"sign\": \"-\" }", "t2.a1.*.repealed", "t2.a1.*.abolished")]
    public void RCG011_a_renamed_key_in_a_builtin_cross_year_rule_is_an_error_at_that_key(string context, string key, string renamed)
    {
        string original = GeneratorHarness.BuiltinSchema(File);
        int at = GeneratorHarness.IndexOf(original, context) + context.IndexOf("\"" + key + "\"", StringComparison.Ordinal);
        string schema = original.Substring(0, at) + "\"" + renamed + "\"" + original.Substring(at + key.Length + 2);

        GeneratorRun run = GeneratorHarness.Run(File, schema);
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RCG011", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        FileLinePositionSpan span = d.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.PathOf(File), span.Path);
        Assert.Equal(GeneratorHarness.PositionOf(schema, at), span.StartLinePosition);
        Assert.Equal(renamed.Length + 2, d.Location.SourceSpan.Length);
        Assert.Contains("refers to '" + renamed + "', which matches no cell of this schema", d.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Builtin_cross_year_rules_are_emitted_into_the_schema_as_declared()
    {
        GeneratorRun run = GeneratorHarness.Run(File, GeneratorHarness.BuiltinSchema(File));
        Assert.Empty(run.GeneratorDiagnostics);
        string source = run.EditionSource();
        Assert.Contains("CrossYearLink(\"X1\"", source, StringComparison.Ordinal);
        Assert.Contains("CrossYearTerm(global::Reports.Core.CrossReport.ReportYear.Current, \"t2.a1.*.repealed\", -1)", source, StringComparison.Ordinal);
        Assert.DoesNotContain("\"X3\"", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"cell\": \"t1.**\"", "must be a cell key with at most one '*'")]
    [InlineData("\"sign\": \"x\"", "'sign' must be '+' or '-'")]
    [InlineData("\"severity\": \"fatal\"", "'severity' must be 'error' or 'warning'")]
    public void RCG004_a_malformed_cross_year_rule_is_an_error_at_the_bad_value(string bad, string message)
    {
        string rule = "{ \"id\": \"X1\", \"title\": \"结转\", \"severity\": \"warning\", \"cell\": \"t1.*.received\", \"equals\": [ { \"previous\": \"t1.*.resolved\", \"sign\": \"+\" } ] }";
        string broken = bad.StartsWith("\"cell\"", StringComparison.Ordinal) ? rule.Replace("\"cell\": \"t1.*.received\"", bad, StringComparison.Ordinal)
            : bad.StartsWith("\"sign\"", StringComparison.Ordinal) ? rule.Replace("\"sign\": \"+\"", bad, StringComparison.Ordinal)
            : rule.Replace("\"severity\": \"warning\"", bad, StringComparison.Ordinal);
        string schema = WithCrossYear(broken);

        GeneratorRun run = GeneratorHarness.Run(File, schema);
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RCG004", d.Id);
        Assert.Contains(message, d.GetMessage(), StringComparison.Ordinal);
        int value = GeneratorHarness.IndexOf(schema, bad) + bad.IndexOf(": ", StringComparison.Ordinal) + 2;
        Assert.Equal(GeneratorHarness.PositionOf(schema, value), d.Location.GetLineSpan().StartLinePosition);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_well_formed_custom_cross_year_rule_compiles_without_diagnostics()
    {
        string schema = WithCrossYear("{ \"id\": \"X1\", \"title\": \"结转\", \"cell\": \"t1.*.received\", \"equals\": [ { \"previous\": \"t1.*.resolved\" }, { \"current\": \"t1.*.resolved\", \"sign\": \"-\" } ] }");

        GeneratorRun run = GeneratorHarness.Run(File, schema);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
    }

    private static string WithCrossYear(string rule)
    {
        int end = TestSchemas.Hotline.LastIndexOf('}');
        return TestSchemas.Hotline.Substring(0, end).TrimEnd() + ",\n  \"crossYear\": [\n    " + rule + "\n  ]\n}\n";
    }
}
