using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using Xunit;

namespace Reports.Core.Generators.Tests;

/// <summary>
/// The meta-schema editors check a file with (report-schema.schema.json, shipped in the package) accepts every schema the
/// generator accepts, and rejects what the generator rejects for the same reason (what tools/verify_schemas.py checked).
/// </summary>
public sealed class MetaSchemaTests
{
    // NJsonSchema does not check "const" (formatVersion 2 passes it; the generator's RCG004 catches it), and it
    // resolves draft-07 "definitions", not 2020-12 "$defs" (the same keyword under its new name): renamed here.
    private static readonly Lazy<JsonSchema> Meta = new(() => JsonSchema.FromJsonAsync(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "report-schema.schema.json"))
            .Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal)
            .Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal)).GetAwaiter().GetResult());

    public static TheoryData<string> Valid()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schemas"), "*.report-schema.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        foreach (string name in new[] { "hotline", "appeals", "budget", "plain" })
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Every_schema_the_generator_accepts_is_valid_against_the_meta_schema(string name)
    {
        string text = Text(name);
        GeneratorRun run = GeneratorHarness.Run(name.EndsWith(".json", StringComparison.Ordinal) ? name : name + ".report-schema.json", text);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);

        ICollection<ValidationError> errors = Meta.Value.Validate(text);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
    }

    [Theory]
    [InlineData("{ \"key\": \"phone\", \"name\": \"Phone\", \"label\": \"（一）电话\" }", "{ \"key\": \"Bad-Key\", \"name\": \"Phone\", \"label\": \"（一）电话\" }", "RCG004")]
    [InlineData("\"title\": \"政务服务热线季度统计表\",", "", "RCG003")]
    [InlineData("\"kind\": \"count\"", "\"kind\": \"amount\"", "RCG004")]
    [InlineData("\"along\": \"rows\"", "\"along\": \"diagonal\"", "RCG004")]
    public void What_the_generator_rejects_the_meta_schema_rejects_too(string original, string replacement, string id)
    {
        string schema = TestSchemas.Hotline.Replace(original, replacement, StringComparison.Ordinal);
        Assert.NotEqual(TestSchemas.Hotline, schema);

        Assert.Contains(GeneratorHarness.Run("hotline.report-schema.json", schema).GeneratorDiagnostics, d => d.Id == id);
        Assert.NotEmpty(Meta.Value.Validate(schema));
    }

    private static string Text(string name) => name switch
    {
        "hotline" => TestSchemas.Hotline,
        "appeals" => TestSchemas.Appeals,
        "budget" => TestSchemas.Budget,
        "plain" => TestSchemas.Plain,
        _ => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", name)),
    };
}
