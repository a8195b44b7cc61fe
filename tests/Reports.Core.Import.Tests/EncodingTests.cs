using System;
using System.IO;
using System.Linq;
using System.Text;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;
using Reports.Core.Synthetic;
using Xunit;

namespace Reports.Core.Import.Tests;

public class EncodingTests
{
    static EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Cells(ImportResult result) =>
        result.Draft is null ? "(no draft)" : string.Join("\n", result.Draft.Edition.Schema.Cells.Select(c => c.Key + "=" + PdfTests.Describe(result.Draft.Cells[c.Ordinal])));

    private static byte[] Bytes(Encoding encoding, string text, bool bom) =>
        bom ? encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray() : encoding.GetBytes(text);

    [Theory]
    [InlineData("utf-8", false, "UTF-8")]
    [InlineData("utf-8", true, "UTF-8")]
    [InlineData("utf-16", true, "UTF-16LE")]
    [InlineData("utf-16BE", true, "UTF-16BE")]
    [InlineData("utf-16", false, "UTF-16LE")]
    [InlineData("gb18030", false, "GB18030")]
    [InlineData("gbk", false, "GB18030")]
    public void Every_sample_reads_the_same_in_every_encoding(string encodingName, bool bom, string expected)
    {
        Encoding encoding = Encoding.GetEncoding(encodingName);
        foreach (string name in new[] { Samples.S004, Samples.Huaian2024, Samples.S001 })
        {
            string text = Samples.Read(name);
            ImportResult reference = ReportImporter.Default.Import(text, name);
            byte[] bytes = Bytes(encoding, text, bom);
            DecodedText decoded = ReportTextDecoder.Decode(bytes);
            Assert.Equal(expected, decoded.EncodingName);
            Assert.Equal(text, decoded.Text);

            ImportResult result = ReportImporter.Default.Import(bytes, name);
            Assert.Equal(Cells(reference), Cells(result));
            Diagnostic[] said = result.Diagnostics.Where(d => d.Id == ImportDiagnostics.EncodingDetected.Id).ToArray();
            if (expected == "UTF-8")
            {
                Assert.Empty(said);
            }
            else
            {
                Assert.Contains(expected, Assert.Single(said).Message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("gb2312", "gbk")]
    [InlineData("GBK", "gbk")]
    [InlineData("gb18030", "gb18030")]
    public void An_html_page_declaring_its_charset_is_read_in_it(string declared, string encodingName)
    {
        ReportCells cells = PropertyTests.RandomReport(Editions.Report2021.Edition, new Random(3));
        string html = ReportTextRenderer.Render(cells, RenderLayout.Html, "淮安市人民政府办公室", 2023).Replace("charset=\"utf-8\"", "charset=\"" + declared + "\"", StringComparison.Ordinal);
        Assert.Contains("charset=\"" + declared + "\"", html, StringComparison.Ordinal);
        byte[] bytes = Encoding.GetEncoding(encodingName).GetBytes(html);

        ReportFileResult result = ReportFile.Read(new MemoryStream(bytes), "page.html");
        Assert.Equal("html", result.Format);
        Assert.Equal("GB18030", result.Encoding);
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Diagnostic said = Assert.Single(result.Diagnostics, d => d.Id == "RC2021");
        Assert.Contains("<meta charset=" + declared + ">", said.Message, StringComparison.Ordinal);
        Assert.Equal(Cells(ReportImporter.Default.Import(html)), Cells(ReportImporter.Default.Import(bytes)));
    }

    [Fact]
    public void Big5_is_read_by_its_declaration_and_by_trial()
    {
        Encoding big5 = Encoding.GetEncoding("big5");
        const string text = "臺北市政府資訊公開工作年度報告\n一、總體情況\n本機關認真貫徹落實《條例》，做好政府資訊公開工作。收到和處理政府資訊公開申請情況\n";
        byte[] bytes = big5.GetBytes(text);
        DecodedText trial = ReportTextDecoder.Decode(bytes);
        Assert.Equal("Big5", trial.EncodingName);
        Assert.Equal(text, trial.Text);

        byte[] page = big5.GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\"></head><body>" + text + "</body></html>");
        DecodedText declared = ReportTextDecoder.Decode(page);
        Assert.Equal("Big5", declared.EncodingName);
        Assert.Equal("<meta charset=big5>", declared.How);

        // A simplified-Chinese report in Big5 (what Big5 can hold of it) decodes to exactly that.
        string sample = Samples.Read(Samples.S004);
        byte[] lossy = big5.GetBytes(sample);
        Assert.Equal(big5.GetString(lossy), ReportTextDecoder.Decode(lossy).Text);
        Assert.Equal("Big5", ReportTextDecoder.Decode(lossy).EncodingName);
    }

    [Fact]
    public void Bytes_that_fit_no_encoding_are_replaced_and_said_RC2024()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Samples.Read(Samples.S004)).Concat(new byte[] { 0xFF, 0xFF, 0xFF, 0x80 }).ToArray();
        ImportResult result = ReportImporter.Default.Import(bytes, "broken.txt");
        Assert.Contains(result.Diagnostics, d => d.Id == ImportDiagnostics.UndecodableBytes.Id);
        Assert.NotNull(result.Draft);
    }

    [Fact]
    public void Stream_overload_reads_from_the_position_to_the_end()
    {
        string text = Samples.Read(Samples.S004);
        using var stream = new MemoryStream(Encoding.GetEncoding("gb18030").GetBytes(text));
        ImportResult result = ReportImporter.Default.Import(stream, "s004.txt");
        Assert.Equal(Cells(ReportImporter.Default.Import(text)), Cells(result));
    }
}
