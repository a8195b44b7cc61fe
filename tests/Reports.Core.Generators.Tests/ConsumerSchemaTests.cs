using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Reports.Core.CrossReport;
using Reports.Core.Diagnostics;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Synthetic;
using Reports.Core.Validation;
using Xunit;

namespace Reports.Core.Generators.Tests;

/// <summary>
/// Adding a row to a package consumer's schema is a schema edit only: the generated edition, compiled and loaded here,
/// validates, reads and writes JSON, draws a synthetic corpus and checks cross-year identities for the new row with no
/// C# written for it.
/// </summary>
public sealed class ConsumerSchemaTests
{
    private const string File = "contoso-form.report-schema.json";

    private const string ExtraRow = "{ \"key\": \"decisions\", \"name\": \"Decisions\", \"label\": \"其他决定文件\" },";

    [Fact]
    public void A_row_added_to_the_schema_alone_is_validated_serialized_synthesized_and_checked_across_years()
    {
        string original = System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", File));
        string schema = original
            .Replace("{ \"key\": \"total\", \"name\": \"Total\"", ExtraRow + "\n            { \"key\": \"total\", \"name\": \"Total\"", StringComparison.Ordinal)
            .Replace("\"a1.other_docs\"] },", "\"a1.other_docs\", \"a1.decisions\"] },", StringComparison.Ordinal);
        Assert.Contains(ExtraRow, schema, StringComparison.Ordinal);
        Assert.Contains("\"a1.decisions\"] },", schema, StringComparison.Ordinal);

        ReportEdition before = Load(original);
        ReportEdition edition = Load(schema);
        Assert.Equal(before.Schema.CellCount + 3, edition.Schema.CellCount);
        Assert.True(edition.Schema.TryGetCell("t2.a1.decisions.issued", out CellInfo issued));
        Assert.True(edition.Schema.TryGetCell("t2.a1.total.issued", out CellInfo total));

        // Validation: the new row is a part of the total (H1) and of the soft check (none declared for it: S1 names its rows).
        Assert.Contains(edition.Schema.Identities, i => i.Id == "H1" && i.Right.Contains(issued.Ordinal) && i.Left.Contains(total.Ordinal));

        // Synthetic data: every report of the corpus is valid, its JSON reads back equal, the new row gets numbers.
        var corpus = new SyntheticCorpus(5, new[] { edition });
        bool anyNonZero = false;
        foreach (SyntheticReport report in corpus.Generate(0, 40))
        {
            ReportJsonReadResult read = ReportJson.Read(edition, report.Utf8Json.Span);
            Assert.Empty(read.Diagnostics);
            Assert.NotNull(read.Cells);
            Assert.Equal(report.Cells, read.Cells);
            ValidationResult<IValidatedReport> validated = edition.Validate(edition.CreateDraft(read.Info, read.Cells!));
            Assert.True(validated.IsValid, string.Join("\n", validated.Diagnostics));
            Assert.Empty(validated.Diagnostics.Where(d => d.Id != ReportDiagnostics.EditionYearMismatch.Id));
            anyNonZero |= read.Cells!.Values[issued.Ordinal] != 0;
        }

        Assert.True(anyNonZero, "the corpus never drew a number for the new row");

        // Cross-year: X2 is declared with '*', so it covers the new row too.
        string[] names = CrossYearChecks.Instances(edition.Schema, edition.Schema).Select(i => i.Name).ToArray();
        Assert.Equal(new[] { "X2[regulation]", "X2[admin_normative]", "X2[other_docs]", "X2[decisions]", "X2[total]" }, names);

        long[] previous = SyntheticValues.Create(edition.Schema, new Random(1));
        long[] current = SyntheticValues.Create(edition.Schema, new Random(2));
        foreach (string row in new[] { "regulation", "admin_normative", "other_docs", "decisions" })
        {
            current[Ordinal(edition, row, "repealed")] = 0; // keeps this year's stock non-negative and S1 holding
            current[Ordinal(edition, row, "in_force")] = previous[Ordinal(edition, row, "in_force")] + current[Ordinal(edition, row, "issued")] - current[Ordinal(edition, row, "repealed")];
        }

        current[Ordinal(edition, "decisions", "in_force")] += 3;
        SyntheticValues.Derive(edition.Schema, current);
        Diagnostic[] found = CrossYearChecks.Check(Validated(edition, previous, 2024), Validated(edition, current, 2025)).ToArray();
        Assert.Equal(new[] { "X2[decisions]", "X2[total]" }, found.Select(d => d.Identity).ToArray());
        Assert.All(found, d => Assert.Equal(ReportDiagnostics.CrossYearCheckFailed.Id, d.Id));
    }

    private static int Ordinal(ReportEdition edition, string row, string column) =>
        edition.Schema.TryGetCell("t2.a1." + row + "." + column, out CellInfo cell) ? cell.Ordinal : throw new InvalidOperationException(row + "." + column);

    private static IValidatedReport Validated(ReportEdition edition, long[] values, int year)
    {
        ValidationResult<IValidatedReport> result = edition.Validate(edition.CreateDraft(new ReportInfo { Agency = "Contoso 市数据局", Year = year }, ReportCells.FromValues(edition.Schema, values)));
        return result.Report ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    // Generates, compiles and loads the edition of one schema text; its static Edition property is the entry point.
    private static ReportEdition Load(string schema)
    {
        GeneratorRun run = GeneratorHarness.Run(File, schema);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = run.Output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        Assembly assembly = Assembly.Load(stream.ToArray());
        Type type = assembly.GetType("Test.Consumer.ContosoForm", throwOnError: true)!;
        return (ReportEdition)type.GetProperty("Edition", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }
}
