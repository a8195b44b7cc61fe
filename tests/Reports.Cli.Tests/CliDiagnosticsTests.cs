using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace Reports.Cli.Tests;

/// <summary>The command line's own diagnostic ids (src/Reports.Cli/CliDiagnostics.cs) are documented and triggered by a test.</summary>
public sealed class CliDiagnosticsTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reports.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Reports.Core.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Every_cli_diagnostic_is_documented_and_triggered()
    {
        string root = RepoRoot();
        string source = File.ReadAllText(Path.Combine(root, "src", "Reports.Cli", "CliDiagnostics.cs"));
        string[] ids = Regex.Matches(source, "\"(RC4\\d{3})\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.True(ids.Length >= 4, string.Join(", ", ids));
        Assert.Equal(ids.Length, ids.Distinct().Count());

        string docs = File.ReadAllText(Path.Combine(root, "docs", "diagnostics.md"));
        string tests = string.Concat(Directory.EnumerateFiles(Path.Combine(root, "tests", "Reports.Cli.Tests"), "*.cs")
            .Where(f => !f.EndsWith(nameof(CliDiagnosticsTests) + ".cs", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        Assert.All(ids, id => Assert.Contains("### " + id, docs));
        Assert.All(ids, id => Assert.Contains(id, tests));
    }
}
