using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Reports.Core.Diagnostics;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>The importer owns its descriptors (RC2xxx but RC2013, RC4001, RC4002): unique, documented, each triggered by a test.</summary>
public sealed class ImportDiagnosticsTests
{
    private static readonly FieldInfo[] Fields = typeof(ImportDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static);

    [Fact]
    public void Every_import_descriptor_has_a_unique_id_of_its_range_and_is_documented()
    {
        string[] ids = Fields.Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id).ToArray();
        Assert.Equal(27, ids.Length);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(id.StartsWith("RC2", StringComparison.Ordinal) || id is "RC4001" or "RC4002", id));
        Assert.DoesNotContain("RC2013", ids); // the core library's JSON reader raises it: ReportDiagnostics.MoneyUnitMismatch
        Assert.Empty(ids.Intersect(typeof(ReportDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)));

        string docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "diagnostics.md"));
        Assert.All(ids, id => Assert.Contains("### " + id, docs));
    }

    [Fact]
    public void Every_import_descriptor_is_triggered_by_some_test()
    {
        string root = RepoRoot();
        string tests = string.Concat(Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !f.EndsWith(nameof(ImportDiagnosticsTests) + ".cs", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        string[] untested = Fields
            .Where(f => !tests.Contains("ImportDiagnostics." + f.Name, StringComparison.Ordinal)
                        && !tests.Contains("\"" + ((DiagnosticDescriptor)f.GetValue(null)!).Id + "\"", StringComparison.Ordinal))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id + " " + f.Name)
            .ToArray();
        Assert.Empty(untested);
    }

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
}
