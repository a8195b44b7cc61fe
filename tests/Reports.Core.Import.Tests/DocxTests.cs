using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Reports.Core.Diagnostics;
using Reports.Core.Import.Docx;
using Reports.Core.Import.Tests.Pages;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>Word documents: a .docx written from a fixture's cells reads back to the same cells; a broken one is one RC2025 finding.</summary>
public class DocxTests
{
    public static TheoryData<string> Fixtures => SavedPageTests.Fixtures;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_docx_written_from_a_fixture_reads_back_to_the_same_cells(string fixture)
    {
        FixturePage expected = FixturePage.Load(fixture);
        byte[] docx = DocxWriter.Write(expected.Page);
        using (var check = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            // The document really merges cells both ways, as Word does.
            Body body = check.MainDocumentPart!.Document!.Body!;
            Assert.Contains(body.Descendants<VerticalMerge>(), m => m.Val is null);
            Assert.Contains(body.Descendants<GridSpan>(), s => s.Val! > 1);
        }

        ReportFileResult result = ReportFile.Read(docx, fixture + ".docx", ".docx", DocxReportReader.Options);
        Assert.Equal("docx", result.Format);
        Assert.Null(result.Encoding);
        expected.AssertReadBy(result);
    }

    [Fact]
    public void Merged_cells_are_unfolded_as_html_rowspan_and_colspan()
    {
        FixturePage expected = FixturePage.Load("sample-004.json");
        string? html = DocxReportReader.ReadHtml(DocxWriter.Write(expected.Page), out string? problem);
        Assert.Null(problem);
        // t3's heading: the note cell spans three columns and three rows, 申请人情况 seven columns.
        Assert.Contains("<td colspan=\"3\" rowspan=\"3\">", html, StringComparison.Ordinal);
        Assert.Contains("<td colspan=\"7\"><p>申请人情况</p></td>", html, StringComparison.Ordinal);
        Assert.Contains("<td rowspan=\"2\"><p>自然人</p></td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docx_is_recognised_by_its_content_when_it_has_no_extension()
    {
        byte[] docx = DocxWriter.Write(FixturePage.Load("sample-004.json").Page);
        Assert.True(DocxReportReader.Instance.Recognizes(docx.AsSpan(0, Math.Min(docx.Length, 1024))));
        ReportFileResult result = ReportFile.Read(docx, "download", null, DocxReportReader.Options);
        Assert.Equal("docx", result.Format);
        Assert.NotNull(result.Draft);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("spreadsheet")]
    [InlineData("no-body")]
    public void A_damaged_or_foreign_docx_is_one_RC2025_finding_never_an_exception(string kind)
    {
        byte[] docx = DocxWriter.Write(FixturePage.Load("sample-004.json").Page);
        byte[] bytes = kind switch
        {
            "garbage" => Encoding.ASCII.GetBytes("PK\u0003\u0004 this is not a zip package at all"),
            "truncated" => docx.AsSpan(0, docx.Length / 2).ToArray(),
            "spreadsheet" => Zip(("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"), ("xl/workbook.xml", "<workbook/>")),
            _ => Zip(
                ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
                ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"R1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
                ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"></w:document>")),
        };

        ReportFileResult result = ReportFile.Read(bytes, "report.docx", ".docx", DocxReportReader.Options);
        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal(ImportDiagnostics.DocxUnreadable, d.Descriptor);
        Assert.Equal("report.docx", d.Location.Source);
        Assert.Null(result.Draft);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Without_the_docx_reader_a_docx_is_an_unsupported_file_that_names_the_package()
    {
        byte[] docx = DocxWriter.Write(FixturePage.Load("sample-004.json").Page);
        ReportFileResult result = ReportFile.Read(docx, "report.docx", ".docx");
        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal("RC2023", d.Id);
        Assert.Contains("Reports.Core.Import.Docx", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_options_read_the_real_pdf_and_a_docx_in_one_call_each()
    {
        // README "From a file to findings in one call".
        ReportFileOptions options = Pdf.PdfReportReader.Options.WithReader(DocxReportReader.Instance);
        ReportFileResult pdf = ReportFile.Read(PdfTests.Pdf("huaian-2024.pdf"), "淮安市2024年报.pdf", ".pdf", options);
        Assert.Equal(("pdf", "淮安市人民政府", 2024, "2021"), (pdf.Format, pdf.Agency, pdf.Year, pdf.EditionId));
        Assert.NotNull(pdf.Report);

        FixturePage expected = FixturePage.Load("sample-004.json");
        using var stream = new MemoryStream(DocxWriter.Write(expected.Page));
        ReportFileResult docx = ReportFile.Read(stream, "name.docx", options);
        Assert.Equal("docx", docx.Format);
        expected.AssertReadBy(docx);
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, string content) in entries)
            {
                using Stream entry = zip.CreateEntry(name).Open();
                byte[] bytes = Encoding.UTF8.GetBytes(content);
                entry.Write(bytes, 0, bytes.Length);
            }
        }

        return stream.ToArray();
    }
}
