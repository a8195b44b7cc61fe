using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Reports.Core.Generators.Tests;

/// <summary>
/// <c>&lt;TypeName&gt;Keys</c>: every cell key once, as a <c>const string</c> nested by table, row and column under the
/// names of the report's members; a class that would share a member's name takes its view suffix (C# forbids it).
/// </summary>
public sealed class KeysTests
{
    [Theory]
    [MemberData(nameof(GenerationTests.Schemas), MemberType = typeof(GenerationTests))]
    public void Every_cell_key_is_one_constant_at_the_member_path_of_the_report(string fileName, string schema, string typeName)
    {
        GeneratorRun run = GeneratorHarness.Run(fileName, schema);
        Assert.Empty(run.CompilationProblems());
        INamedTypeSymbol keys = Assert.IsAssignableFrom<INamedTypeSymbol>(run.Output.GetTypeByMetadataName(typeName + "Keys"));
        Assert.True(keys.IsStatic);

        var constants = new List<(string Path, string Value)>();
        Collect(keys, string.Empty, constants);
        string[] cellKeys = CellKeys(run, typeName);
        Assert.Equal(cellKeys.OrderBy(k => k, StringComparer.Ordinal), constants.Select(c => c.Value).OrderBy(k => k, StringComparer.Ordinal));

        // The constant's path is the report's member path to the same cell (class suffixes aside).
        INamedTypeSymbol report = run.Output.GetTypeByMetadataName(typeName)!;
        foreach ((string path, string value) in constants)
        {
            Assert.True(MemberPathExists(report, path), typeName + "Keys" + path + " (" + value + ") has no member path on " + typeName);
        }
    }

    [Fact]
    public void A_row_class_holding_a_column_of_its_own_name_takes_the_row_suffix()
    {
        // The row Total gets a column named Total: the keys class is TotalRow, the constant keeps its name.
        string schema = TestSchemas.Hotline.Replace("{ \"key\": \"resolved\", \"name\": \"Resolved\"", "{ \"key\": \"resolved\", \"name\": \"Total\"", StringComparison.Ordinal);
        Assert.NotEqual(TestSchemas.Hotline, schema);
        GeneratorRun run = GeneratorHarness.Run("hotline.report-schema.json", schema);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.NotNull(run.Output.GetTypeByMetadataName("Test.Gen.HotlineReportKeys+Requests+TotalRow"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Test.Gen.HotlineReportKeys+Requests+Phone"));
        string source = run.EditionSource();
        Assert.Contains("public const string Total = \"t1.total.resolved\";", source, StringComparison.Ordinal);
        Assert.Contains("public const string Total = \"t1.phone.resolved\";", source, StringComparison.Ordinal);
    }

    private static void Collect(INamedTypeSymbol type, string path, List<(string, string)> into)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            switch (member)
            {
                case IFieldSymbol { IsConst: true, ConstantValue: string value } field:
                    Assert.Equal(Accessibility.Public, field.DeclaredAccessibility);
                    into.Add((path + "." + field.Name, value));
                    break;
                case INamedTypeSymbol { IsStatic: true } nested:
                    Collect(nested, path + "." + nested.Name, into);
                    break;
            }
        }
    }

    // Walks report.A.B.C by property names; a class with a view suffix (TotalRow) stands for the member Total.
    private static bool MemberPathExists(INamedTypeSymbol report, string path)
    {
        ITypeSymbol at = report;
        string[] names = path.TrimStart('.').Split('.');
        for (int i = 0; i < names.Length; i++)
        {
            string name = names[i];
            IPropertySymbol? property = at.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault()
                ?? new[] { "Row", "Group", "Columns", "Table" }
                    .Where(s => i < names.Length - 1 && name.EndsWith(s, StringComparison.Ordinal))
                    .Select(s => at.GetMembers(name.Substring(0, name.Length - s.Length)).OfType<IPropertySymbol>().FirstOrDefault())
                    .FirstOrDefault(p => p is not null);
            if (property is null)
            {
                return false;
            }

            at = property.Type;
        }

        return true;
    }

    // The cell keys of the generated schema, as its CellInfo constructor calls write them (second argument).
    private static string[] CellKeys(GeneratorRun run, string typeName)
    {
        string source = run.SourceOf(typeName.Substring(typeName.LastIndexOf('.') + 1) + ".g.cs");
        return System.Text.RegularExpressions.Regex.Matches(source, "new global::Reports\\.Core\\.Schema\\.CellInfo\\([0-9]+, \"([^\"]+)\"")
            .Select(m => m.Groups[1].Value).ToArray();
    }
}
