using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Reports.Core.Generators.Tests;

/// <summary>
/// The narrative checks (N1–N3) are data in the schema's <c>statements</c> section; the generator checks their cell
/// references and patterns, so a renamed key is RCG013 at the key's own text and a pattern without its one group is
/// RCG004 at the pattern, never a check that silently finds nothing.
/// </summary>
public sealed class StatementRuleTests
{
    private const string File = "edition-2021.report-schema.json";

    [Theory]
    [InlineData("\"t3.new.tot\"", "t3.new.tot", "t3.received.tot")]
    [InlineData("\"t3.r.withheld.*.tot\"", "t3.r.withheld.*.tot", "t3.r.refused.*.tot")]
    [InlineData("\"t4.lit_after_rev.pending\"", "t4.lit_after_rev.pending", "t4.lit_after_rev.open")]
    public void RCG013_a_renamed_key_in_a_builtin_statement_is_an_error_at_that_key(string context, string key, string renamed)
    {
        string original = GeneratorHarness.BuiltinSchema(File);
        int at = original.IndexOf("\"statements\"", StringComparison.Ordinal);
        at = original.IndexOf(context, at, StringComparison.Ordinal);
        Assert.True(at > 0);
        string schema = original.Substring(0, at) + "\"" + renamed + "\"" + original.Substring(at + key.Length + 2);

        GeneratorRun run = GeneratorHarness.Run(File, schema);
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RCG013", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        FileLinePositionSpan span = d.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.PathOf(File), span.Path);
        Assert.Equal(GeneratorHarness.PositionOf(schema, at), span.StartLinePosition);
        Assert.Equal(renamed.Length + 2, d.Location.SourceSpan.Length);
        Assert.Contains("refers to '" + renamed + "', which matches no cell of this schema", d.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Builtin_statements_are_emitted_into_the_schema_with_their_cells_resolved()
    {
        GeneratorRun run = GeneratorHarness.Run(File, GeneratorHarness.BuiltinSchema(File));
        Assert.Empty(run.GeneratorDiagnostics);
        string source = run.EditionSource();
        Assert.Contains("StatementInfo(\"N1\", \"applications received\"", source, StringComparison.Ordinal);
        Assert.Contains("StatementInfo(\"N3\", \"结果维持\"", source, StringComparison.Ordinal); // a detail inherits its statement's id
    }

    [Theory]
    [InlineData("\"收到(?:申请)件\"", "must have exactly one group (the number stated), found 0")]
    [InlineData("\"(收到)(\\\\d+)件\"", "must have exactly one group (the number stated), found 2")]
    [InlineData("\"收到(\\\\d+件\"", "must be a regular expression")]
    public void RCG004_a_statement_pattern_without_one_group_is_an_error_at_the_pattern(string pattern, string message)
    {
        string schema = WithStatement("{ \"id\": \"N9\", \"title\": \"received\", \"patterns\": [ " + pattern + " ], \"cells\": [ \"t1.*.received\" ] }");

        GeneratorRun run = GeneratorHarness.Run(File, schema);
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RCG004", d.Id);
        Assert.Contains(message, d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(GeneratorHarness.PositionOf(schema, GeneratorHarness.IndexOf(schema, pattern)), d.Location.GetLineSpan().StartLinePosition);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_well_formed_custom_statement_compiles_without_diagnostics()
    {
        string schema = WithStatement("{ \"id\": \"N1\", \"title\": \"received\", \"patterns\": [ \"受理(\\\\d+)件\" ], \"cells\": [ \"t1.*.received\" ], "
            + "\"details\": [ { \"title\": \"resolved\", \"patterns\": [ \"办结(\\\\d+)件\" ], \"cells\": [ \"t1.*.resolved\" ] } ] }");

        GeneratorRun run = GeneratorHarness.Run(File, schema);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
    }

    private static string WithStatement(string statement)
    {
        int end = TestSchemas.Hotline.LastIndexOf('}');
        return TestSchemas.Hotline.Substring(0, end).TrimEnd() + ",\n  \"statements\": [\n    " + statement + "\n  ]\n}\n";
    }
}
