using System;
using System.IO;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Import.Pdf;
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
}
