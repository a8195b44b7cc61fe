using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Reports.Core.Generators;

namespace Reports.Core.Generators.Tests;

/// <summary>An AdditionalText held in memory. A null text stands for a file that cannot be read.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText? _text;

    public InMemoryAdditionalText(string path, string? text)
    {
        Path = path;
        _text = text is null ? null : SourceText.From(text, System.Text.Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>The outcome of one generator run plus the compilation that includes the generated code.</summary>
internal sealed class GeneratorRun
{
    public GeneratorRun(GeneratorDriver driver, Compilation input, Compilation output)
    {
        Driver = driver;
        Input = input;
        Output = output;
        Result = driver.GetRunResult().Results.Single();
    }

    public GeneratorDriver Driver { get; }

    public Compilation Input { get; }

    public Compilation Output { get; }

    public GeneratorRunResult Result { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    public ImmutableArray<GeneratedSourceResult> Sources => Result.GeneratedSources;

    /// <summary>The hint name of the edition registry, emitted once per compilation that has at least one schema.</summary>
    public const string RegistryHintName = "ReportEditions.g.cs";

    /// <summary>The generated source with the given hint name (<c>HotlineReport.g.cs</c>); fails when there is none.</summary>
    public string SourceOf(string hintName)
    {
        GeneratedSourceResult? found = Sources.Cast<GeneratedSourceResult?>().FirstOrDefault(s => s!.Value.HintName == hintName);
        Xunit.Assert.True(found is not null, "no generated source " + hintName + "; generated: " + string.Join(", ", Sources.Select(s => s.HintName)));
        return found!.Value.SourceText.ToString();
    }

    /// <summary>The one edition generated (its source, not the registry's); fails unless exactly one schema generated code.</summary>
    public string EditionSource() =>
        Xunit.Assert.Single(Sources, s => s.HintName != RegistryHintName).SourceText.ToString();

    /// <summary>The hint names of the generated editions, the registry left out.</summary>
    public IReadOnlyList<string> EditionHintNames() =>
        Sources.Select(s => s.HintName).Where(n => n != RegistryHintName).OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>Compiler diagnostics of the compilation with the generated code, warnings and errors only.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems() =>
        Output.WithOptions(GeneratorHarness.StrictOptions).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}

internal static class GeneratorHarness
{
    public const string SchemaDirectory = "/schemas/";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>
    /// Options of the compilation the generator runs against: nullable on, every warning wave. Warnings stay warnings here,
    /// because the driver filters generator diagnostics through these options (TreatWarningsAsErrors would turn RCG007 into an error).
    /// CS1701/CS1702 (reference to an older framework version, unified at run time) are suppressed as the .NET SDK does by default.
    /// </summary>
    public static CSharpCompilationOptions CompilationOptions { get; } = new CSharpCompilationOptions(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    /// <summary>The same with TreatWarningsAsErrors, used to check the generated code.</summary>
    public static CSharpCompilationOptions StrictOptions { get; } = CompilationOptions.WithGeneralDiagnosticOption(ReportDiagnostic.Error);

    public static string PathOf(string fileName) => SchemaDirectory + fileName;

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "GeneratorTestAssembly",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "Source" + i + ".cs")),
            References.Value,
            CompilationOptions);

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts) =>
        CSharpGeneratorDriver.Create(
            new[] { new ReportSchemaGenerator().AsSourceGenerator() },
            additionalTexts: texts,
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params AdditionalText[] texts)
    {
        CSharpCompilation compilation = CreateCompilation("namespace Consumer { internal static class Marker { } }");
        GeneratorDriver driver = CreateDriver(texts).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return new GeneratorRun(driver, compilation, output);
    }

    public static GeneratorRun Run(string fileName, string schema) => Run(new InMemoryAdditionalText(PathOf(fileName), schema));

    /// <summary>The built-in schema text with its namespace moved out of Reports.Core.Editions (Reports.Core already defines those types).</summary>
    public static string BuiltinSchema(string fileName)
    {
        string text = File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Schemas", fileName));
        const string original = "\"namespace\": \"Reports.Core.Editions\"";
        if (!text.Contains(original, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(fileName + " no longer declares " + original);
        }

        return text.Replace(original, "\"namespace\": \"Test.Builtin\"", StringComparison.Ordinal);
    }

    /// <summary>The 0-based line/column of <paramref name="index"/> in <paramref name="text"/>.</summary>
    public static LinePosition PositionOf(string text, int index) => SourceText.From(text).Lines.GetLinePosition(index);

    /// <summary>The index of the <paramref name="occurrence"/>-th (1-based) occurrence of <paramref name="token"/>; fails if absent.</summary>
    public static int IndexOf(string text, string token, int occurrence = 1)
    {
        int index = -1;
        for (int i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(token, index + 1, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new InvalidOperationException("Token not found: " + token);
            }
        }

        return index;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var paths = new SortedSet<string>(tpa.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal)
        {
            typeof(global::Reports.Core.Reports.ReportEdition).Assembly.Location,
        };

        // One reference per assembly name: the same assembly may be listed twice under different paths.
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in paths)
        {
            byName.TryAdd(System.IO.Path.GetFileNameWithoutExtension(path), path);
        }

        return byName.Values.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}
