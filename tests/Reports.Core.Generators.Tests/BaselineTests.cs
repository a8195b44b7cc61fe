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
        string actual = Normalize(run.Sources.Single().SourceText.ToString());

        CompareWithBaseline("HotlineReport.g.cs.txt", actual);
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

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
