using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Reports.Core.Generators.Diagnostics;
using Reports.Core.Generators.Emit;
using Reports.Core.Generators.Model;
using Reports.Core.Generators.Parsing;

namespace Reports.Core.Generators;

/// <summary>
/// Turns every AdditionalFile named <c>*.report-schema.json</c> into typed report records, validation and JSON.
/// Pipeline: file → (parse, equatable model + diagnostics) → emit; diagnostics and sources are separate outputs.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ReportSchemaGenerator : IIncrementalGenerator
{
    /// <summary>File name suffix of schema files.</summary>
    public const string SchemaSuffix = ".report-schema.json";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<string?> rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => ReadNamespace(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        IncrementalValuesProvider<SchemaParseResult> parsed = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase))
            .Select(static (file, ct) => (file.Path, Text: file.GetText(ct)))
            .WithTrackingName(TrackingNames.SchemaFiles)
            .Combine(rootNamespace)
            .Select(static (input, ct) => ParseSafely(input.Left.Path, input.Left.Text, input.Right, ct))
            .WithTrackingName(TrackingNames.Parsed);

        context.RegisterSourceOutput(parsed.Select(static (r, _) => r.Diagnostics).WithTrackingName(TrackingNames.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (DiagnosticInfo info in diagnostics)
            {
                spc.ReportDiagnostic(info.ToDiagnostic());
            }
        });

        IncrementalValuesProvider<EditionModel> models = parsed
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(TrackingNames.Models);

        context.RegisterSourceOutput(models, static (spc, model) =>
            spc.AddSource(model.TypeName + ".g.cs", SourceText.From(EditionEmitter.Emit(model), System.Text.Encoding.UTF8)));

        // One registry per compilation: every schema that generates code, in a stable order; none without such a schema.
        IncrementalValueProvider<EquatableArray<EditionEntry>> registry = parsed
            .Where(static r => r.Entry is not null)
            .Select(static (r, _) => r.Entry!)
            .Collect()
            .Select(static (entries, _) => RegistryEmitter.Order(entries))
            .WithTrackingName(TrackingNames.Registry);

        context.RegisterSourceOutput(registry.Combine(rootNamespace), static (spc, input) =>
        {
            EquatableArray<EditionEntry> entries = input.Left;
            if (entries.Count == 0)
            {
                return;
            }

            for (int i = 1; i < entries.Count; i++)
            {
                EditionEntry first = entries.First(e => e.Edition == entries[i].Edition);
                if (!ReferenceEquals(first, entries[i]))
                {
                    spc.ReportDiagnostic(Diagnostic.Create(
                        GeneratorDiagnostics.DuplicateEdition,
                        Location.Create(entries[i].FilePath, entries[i].EditionSpan, entries[i].EditionLineSpan),
                        entries[i].Edition,
                        Path.GetFileName(first.FilePath),
                        first.Namespace + "." + first.TypeName));
                }
            }

            spc.AddSource(RegistryEmitter.HintName, SourceText.From(RegistryEmitter.Emit(entries, RegistryEmitter.NamespaceOf(entries, input.Right)), System.Text.Encoding.UTF8));
        });
    }

    private static string? ReadNamespace(AnalyzerConfigOptions options)
    {
        if (options.TryGetValue("build_property.ReportsCoreSchemaNamespace", out string? ns) && !string.IsNullOrWhiteSpace(ns))
        {
            return ns.Trim();
        }

        return options.TryGetValue("build_property.RootNamespace", out string? root) && !string.IsNullOrWhiteSpace(root) ? root.Trim() : null;
    }

    // A generator must never crash the build: anything unexpected becomes a located diagnostic.
    private static SchemaParseResult ParseSafely(string path, SourceText? text, string? rootNamespace, System.Threading.CancellationToken ct)
    {
        try
        {
            return text is null
                ? Failure(path, "the file could not be read")
                : SchemaParser.Parse(path, text, rootNamespace, ct);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return Failure(path, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static SchemaParseResult Failure(string path, string message) =>
        new(null, new[] { new DiagnosticInfo(GeneratorDiagnostics.UnexpectedFailure.Id, path, default, default, new[] { message }.ToEquatableArray()) }.ToEquatableArray());
}

/// <summary>Names of the pipeline steps, for incremental-caching tests.</summary>
public static class TrackingNames
{
    /// <summary>MSBuild options.</summary>
    public const string Options = nameof(Options);

    /// <summary>Schema files and their text.</summary>
    public const string SchemaFiles = nameof(SchemaFiles);

    /// <summary>Parse results (model + diagnostics).</summary>
    public const string Parsed = nameof(Parsed);

    /// <summary>Diagnostics.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>Models to emit.</summary>
    public const string Models = nameof(Models);

    /// <summary>The edition registry's entries, collected over every schema.</summary>
    public const string Registry = nameof(Registry);
}
