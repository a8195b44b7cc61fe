using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Reports.Core.Generators.Tests;

/// <summary>
/// A schema name that collides with a member the generated types already have is RCG012 at the schema text, never a C#
/// error in the user's build; the reserved names are one list, and it is exactly what the emitter declares.
/// </summary>
public sealed class ReservedNameTests
{
    private const string File = "reserved.report-schema.json";

    [Theory]
    [InlineData("{ \"key\": \"phone\", \"name\": \"Phone\", \"label\": \"（一）电话\" }", "{ \"key\": \"to_json\", \"label\": \"（一）电话\" }", "\"to_json\"", "ToJson")]
    [InlineData("{ \"key\": \"phone\", \"name\": \"Phone\", \"label\": \"（一）电话\" }", "{ \"key\": \"is_valid\", \"label\": \"（一）电话\" }", "\"is_valid\"", "IsValid")]
    [InlineData("\"key\": \"t1\",\n      \"name\": \"Requests\",", "\"key\": \"schema\",", "\"schema\"", "Schema")]
    [InlineData("\"name\": \"Received\"", "\"name\": \"GetHashCode\"", "\"GetHashCode\"", "GetHashCode")]
    public void RCG012_a_name_colliding_with_a_generated_member_is_an_error_at_the_schema_text(string original, string replacement, string at, string member)
    {
        string schema = TestSchemas.Hotline.Replace(original, replacement, StringComparison.Ordinal)
            .Replace("\"phone\", \"online\"", "\"" + (replacement.Contains("to_json", StringComparison.Ordinal) ? "to_json" : replacement.Contains("is_valid", StringComparison.Ordinal) ? "is_valid" : "phone") + "\", \"online\"", StringComparison.Ordinal)
            .Replace("\"table\": \"t1\"", "\"table\": \"" + (replacement.Contains("\"schema\"", StringComparison.Ordinal) ? "schema" : "t1") + "\"", StringComparison.Ordinal);
        Assert.NotEqual(TestSchemas.Hotline, schema);

        GeneratorRun run = GeneratorHarness.Run(File, schema);
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RCG012", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        FileLinePositionSpan span = d.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.PathOf(File), span.Path);
        Assert.Equal(GeneratorHarness.PositionOf(schema, GeneratorHarness.IndexOf(schema, at)), span.StartLinePosition);
        Assert.Contains("is '" + member + "'", d.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void The_reserved_names_are_exactly_the_members_the_generated_types_declare_besides_schema_names()
    {
        GeneratorRun run = GeneratorHarness.Run(File, TestSchemas.Hotline);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        var schemaNames = new HashSet<string>(StringComparer.Ordinal) { "Requests", "Received", "Resolved", "Phone", "Online", "Total" };

        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (string typeName in new[] { "HotlineReport", "HotlineReportDraft", "HotlineReportBuilder" })
        {
            INamedTypeSymbol type = run.Output.GetTypeByMetadataName("Test.Gen." + typeName) ?? throw new InvalidOperationException(typeName);
            Collect(type, declared);
        }

        declared.ExceptWith(schemaNames);
        declared.RemoveWhere(name => name.StartsWith("Requests", StringComparison.Ordinal)); // the view types a table's name makes
        string[] inherited = { "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize" };
        // The generator's internal list (Emit.GeneratedMembers.Names), read by reflection.
        var reserved = (HashSet<string>)typeof(ReportSchemaGenerator).Assembly.GetType("Reports.Core.Generators.Emit.GeneratedMembers", throwOnError: true)!
            .GetField("Names")!.GetValue(null)!;
        Assert.Equal(
            reserved.Except(inherited).OrderBy(n => n, StringComparer.Ordinal),
            declared.Except(inherited).OrderBy(n => n, StringComparer.Ordinal));
    }

    // Member names as C# code names them (an indexer is "Item"); constructors, operators and explicit implementations cannot collide.
    private static void Collect(INamedTypeSymbol type, HashSet<string> names)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.UserDefinedOperator or MethodKind.ExplicitInterfaceImplementation or MethodKind.PropertyGet or MethodKind.PropertySet })
            {
                continue;
            }

            bool indexer = member is IPropertySymbol { IsIndexer: true };
            if (member is IPropertySymbol { ExplicitInterfaceImplementations.Length: > 0 } || (!member.CanBeReferencedByName && !indexer))
            {
                continue;
            }

            names.Add(indexer ? "Item" : member.Name);

            // View types hold schema names and their fields; the edition object's own members are not beside any schema name.
            if (member is INamedTypeSymbol nested && nested.Name != "EditionImpl")
            {
                Collect(nested, names);
            }
        }
    }
}
