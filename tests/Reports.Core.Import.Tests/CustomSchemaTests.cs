using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>
/// A team's own form (the package consumer's <c>contoso-form.report-schema.json</c>, generated in this project too) is
/// imported by the same importer as the national editions: headings, rows, columns and narrative statements all come
/// from its schema, with no C# of its own.
/// </summary>
public class CustomSchemaTests
{
    private const string Published =
        "Contoso 市数据局2024年政府信息公开工作年度报告\n" +
        "一、总体情况\n" +
        "本年共制发主动公开文件12件。\n" +
        "二、主动公开政府信息情况\n" +
        "第二十条第（一）项\n" +
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n" +
        "规章\t1\t0\t4\n" +
        "行政规范性文件\t3\t1\t12\n" +
        "其他主动公开文件\t7\t0\t5\n" +
        "合计\t11\t1\t21\n";

    private static readonly ReportImporter Importer = new(ReportEditions.All);

    [Fact]
    public void The_project_gets_its_own_edition_registry_and_the_default_importer_reads_the_builtin_registry()
    {
        // This project's registry (in its root namespace) holds its one schema; the library's holds 2019 and 2021.
        Assert.Equal(new[] { ContosoForm.Edition }, ReportEditions.All);
        Assert.Same(ContosoForm.Edition, ReportEditions.Find(ContosoForm.Schema.Edition));
        Assert.Equal(global::Reports.Core.Editions.ReportEditions.All, new ReportImporter().SupportedEditions);
    }

    [Fact]
    public void A_custom_form_published_as_text_is_read_cell_by_cell_from_its_own_schema()
    {
        ImportResult result = Importer.Import(Published, "contoso-2024.txt");

        Assert.Equal("contoso-a20-2024", result.Edition?.Id);
        Assert.Equal(2024, result.Draft!.Info.Year);
        Assert.Equal("Contoso 市数据局", result.Draft.Info.Agency);
        (string Key, long Value)[] expected =
        {
            ("t2.a1.regulation.issued", 1), ("t2.a1.regulation.repealed", 0), ("t2.a1.regulation.in_force", 4),
            ("t2.a1.admin_normative.issued", 3), ("t2.a1.admin_normative.repealed", 1), ("t2.a1.admin_normative.in_force", 12),
            ("t2.a1.other_docs.issued", 7), ("t2.a1.other_docs.repealed", 0), ("t2.a1.other_docs.in_force", 5),
            ("t2.a1.total.issued", 11), ("t2.a1.total.repealed", 1), ("t2.a1.total.in_force", 21),
        };
        foreach ((string key, long value) in expected)
        {
            Cell cell = result.Draft.Cells[key];
            Assert.True(cell.IsNumber, key + " is " + cell.State);
            Assert.Equal(value, cell.Value);
        }

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_custom_forms_narrative_statement_is_checked_against_its_table()
    {
        ImportResult result = Importer.Import(Published, "contoso-2024.txt");

        // The form's own statement N1 ("制发…文件 N 件" = t2.a1.total.issued): the narrative says 12, the table 11.
        Diagnostic mismatch = Assert.Single(result.Diagnostics, d => d.Id == ImportDiagnostics.NarrativeMismatch.Id);
        Assert.Equal(DiagnosticSeverity.Warning, mismatch.Severity);
        Assert.Contains("N1 documents issued", mismatch.Message);
        Assert.Contains("12", mismatch.Message);
        Assert.Contains("t2.a1.total.issued", mismatch.Message);
        Assert.Contains("11", mismatch.Message);
        Assert.Equal(3, mismatch.Location.Span.Line);

        ImportResult agreeing = Importer.Import(Published.Replace("文件12件", "文件11件"), "contoso-2024.txt");
        Assert.DoesNotContain(agreeing.Diagnostics, d => d.Id == ImportDiagnostics.NarrativeMismatch.Id);
    }
}
