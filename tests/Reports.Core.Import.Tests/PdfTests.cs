using Reports.Core.Tests.Support;
using System;
using System.IO;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Reports.Core.Import.Pdf;
using Reports.Core.Reports;
using Reports.Core.Synthetic;
using Xunit;

namespace Reports.Core.Import.Tests;

public class PdfTests
{
    internal static byte[] Pdf(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "pdf", name));

    /// <summary>Each cell as state, value and (for text) raw text: the location differs between the PDF and its text.</summary>
    internal static string Describe(Cell cell) => cell.State switch
    {
        CellState.Number => "number " + cell.FormatValue(),
        CellState.Missing => "missing",
        _ => cell.State + " \"" + cell.Raw + "\"",
    };

    [Fact]
    public void Real_pdf_reads_the_same_cells_as_its_pdftotext_text_cell_by_cell()
    {
        ReportFileResult pdf = ReportFile.Read(Pdf("huaian-2024.pdf"), "huaian-2024.pdf", ".pdf", PdfReportReader.Options);
        ImportResult text = ReportImporter.Default.Import(Samples.Read(Samples.Huaian2024), Samples.Huaian2024);

        Assert.Equal("pdf", pdf.Format);
        Assert.NotNull(text.Draft);
        Assert.NotNull(pdf.Draft);
        Assert.Equal(text.Edition, pdf.Edition);
        Assert.Equal(text.Draft!.Info.Agency, pdf.Agency);
        Assert.Equal(text.Draft.Info.Year, pdf.Year);
        var schema = text.Draft.Edition.Schema;
        Assert.All(Enumerable.Range(0, schema.CellCount), i =>
            Assert.Equal(schema.Cells[i].Key + ": " + Describe(text.Draft.Cells[i]), schema.Cells[i].Key + ": " + Describe(pdf.Draft!.Cells[i])));
        Assert.Equal(
            text.Diagnostics.Select(d => d.Id).OrderBy(x => x, StringComparer.Ordinal),
            pdf.Diagnostics.Where(d => d.Id.StartsWith("RC2", StringComparison.Ordinal)).Select(d => d.Id + (d.Id == "RC2004" ? d.Message : "")).OrderBy(x => x, StringComparer.Ordinal));
    }

    [Fact]
    public void Random_reports_rendered_as_pdf_read_the_same_cells()
    {
        ReportEdition[] editions = { Editions.Report2019.Edition, Editions.Report2021.Edition };
        Gen<(int Edition, int Seed)> gen = Gen.Choose(0, 1).SelectMany(e => Gen.Choose(0, int.MaxValue - 1).Select(s => (e, s)));
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            ReportEdition edition = editions[x.Edition];
            ReportCells cells = PropertyTests.RandomReport(edition, new System.Random(x.Seed));
            int year = edition.Id == "2019" ? 2020 : 2023;
            byte[] pdf = PdfRenderer.Render(ReportTextRenderer.Render(cells, RenderLayout.Layout, "测试区人民政府办公室", year));
            ReportFileResult result = ReportFile.Read(pdf, "rendered.pdf", ".pdf", PdfReportReader.Options);
            if (result.Draft is null || result.Edition != edition)
            {
                throw new InvalidOperationException("edition not detected: " + string.Join("\n", result.Diagnostics));
            }

            for (int i = 0; i < cells.Count; i++)
            {
                if (Describe(result.Draft.Cells[i]) != Describe(cells[i]))
                {
                    throw new InvalidOperationException(edition.Schema.Cells[i].Key + " expected " + Describe(cells[i]) + " got " + Describe(result.Draft.Cells[i]) + "\n" + string.Join("\n", result.Diagnostics));
                }
            }

            return result.Year == year && result.Agency == "测试区人民政府办公室" && result.IsValid;
        }).Check(PropertyConfig.Cases(25));
    }

    [Fact]
    public void A_pdf_without_a_text_layer_is_one_RC2022_finding()
    {
        ReportFileResult scan = ReportFile.Read(PdfRenderer.Render(string.Empty), "scan.pdf", ".pdf", PdfReportReader.Options);
        Diagnostic d = Assert.Single(scan.Diagnostics);
        Assert.Equal(ImportDiagnostics.PdfUnreadable.Id, d.Id);
        Assert.Contains("no text layer", d.Message, StringComparison.Ordinal);
        Assert.Null(scan.Draft);
        Assert.False(scan.InputFailed);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbage")]
    [InlineData("encrypted")]
    public void A_damaged_or_encrypted_pdf_is_one_RC2022_finding_never_an_exception(string kind)
    {
        byte[] good = Pdf("huaian-2024.pdf");
        byte[] bytes = kind switch
        {
            "truncated" => good.AsSpan(0, good.Length / 3).ToArray(),
            "garbage" => System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"),
            _ => Encrypted(good),
        };
        ReportFileResult result = ReportFile.Read(bytes, kind + ".pdf", ".pdf", PdfReportReader.Options);
        Diagnostic d = Assert.Single(result.Diagnostics, x => x.IsError);
        Assert.Equal("RC2022", d.Id);
        Assert.Null(result.Draft);
    }

    [Fact]
    public void Without_the_pdf_reader_a_pdf_is_an_unsupported_file_not_garbage_text()
    {
        ReportFileResult result = ReportFile.Read(Pdf("huaian-2024.pdf"), "huaian-2024.pdf", ".pdf");
        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal(ImportDiagnostics.UnsupportedFile.Id, d.Id);
        Assert.Contains("Reports.Core.Import.Pdf", d.Message, StringComparison.Ordinal);
    }

    private static byte[] Encrypted(byte[] pdf)
    {
        using var input = new MemoryStream(pdf);
        using PdfSharp.Pdf.PdfDocument document = PdfSharp.Pdf.IO.PdfReader.Open(input, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Modify);
        document.SecuritySettings.UserPassword = "secret";
        document.SecuritySettings.OwnerPassword = "owner";
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }
}
