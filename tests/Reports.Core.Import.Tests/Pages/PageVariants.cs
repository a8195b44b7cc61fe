using System.Linq;
using System.Net;
using System.Text;

namespace Reports.Core.Import.Tests.Pages;

/// <summary>
/// A report page written as agencies' sites and their visitors really produce it: inside a site's chrome (navigation,
/// scripts, a metadata table, related links, a footer full of numbers), as a browser's "Save page as" output, and as
/// the HTML Word writes (<c>&lt;o:p&gt;</c>, a span per character, <c>mso-</c> styles, conditional comments, the
/// spacer row of <c>supportMisalignedColumns</c>). The report's own words and numbers are the page's, unchanged.
/// </summary>
internal static class PageVariants
{
    /// <summary>The page inside a government site's chrome, with scripts, navigation, a metadata table and a footer.</summary>
    public static string WithSiteChrome(ReportPage page, string charset)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n");
        html.Append("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>\n");
        html.Append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=").Append(charset).Append("\" />\n");
        html.Append("<meta name=\"SiteName\" content=\"人民政府门户网站\" /><meta name=\"ColumnName\" content=\"政府信息公开年报\" />\n");
        html.Append("<title>").Append(Esc(page.Title)).Append("_政府信息公开年报</title>\n");
        html.Append("<link rel=\"stylesheet\" href=\"/images/2019/css/common.css\" />\n");
        html.Append("<style type=\"text/css\">.nav li{float:left;width:120px}.footer{text-align:center;font-size:12px}</style>\n");
        html.Append("<script type=\"text/javascript\" src=\"/module/jslib/jquery/jquery.js\"></script>\n");
        html.Append("<script type=\"text/javascript\">\n");
        html.Append("var _hmt = _hmt || []; var columnid = 12345, unitid = 67890;\n");
        html.Append("function fontZoom(size){ document.getElementById('zoom').style.fontSize = size + 'px'; }\n");
        html.Append("document.write('<table class=\"share\"><tr><td>分享到：</td><td>微信</td><td>12</td></tr></table>');\n");
        html.Append("</script>\n</head>\n<body>\n");
        html.Append("<div class=\"top\"><a href=\"/\">无障碍</a> | <a href=\"/col/col1/index.html\">长者模式</a> | <span id=\"date\">2024年1月17日 星期三</span></div>\n");
        html.Append("<div class=\"nav\"><ul><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk\">政务公开</a></li><li><a href=\"/zwfw\">政务服务</a></li><li><a href=\"/hdjl\">互动交流</a></li><li><a href=\"/col/col2023/\">2023年报</a></li></ul></div>\n");
        html.Append("<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政府信息公开</a> &gt; <a href=\"/zwgk/nb\">政府信息公开年报</a></div>\n");
        html.Append("<div class=\"xxgk_info\"><table class=\"xxgk_table\" width=\"100%\">\n");
        html.Append("<tr><td>索引号：</td><td>014000319/2024-00012</td><td>分类：</td><td>政府信息公开年报</td></tr>\n");
        html.Append("<tr><td>发布机构：</td><td>办公室</td><td>发文日期：</td><td>2024-01-17</td></tr>\n");
        html.Append("<tr><td>文号：</td><td></td><td>有效性：</td><td>有效</td></tr>\n");
        html.Append("</table></div>\n");
        html.Append("<div class=\"article\"><div class=\"tools\">字号：<a href=\"javascript:fontZoom(16)\">大</a> <a href=\"javascript:fontZoom(14)\">中</a> <a href=\"javascript:fontZoom(12)\">小</a> 浏览次数：<span id=\"hits\">1024</span></div>\n");
        html.Append("<div id=\"zoom\">\n");
        foreach (PageBlock block in page.Blocks)
        {
            if (block.Rows is null)
            {
                html.Append("<p style=\"text-indent:2em;line-height:2\">").Append(Esc(block.Text!)).Append("</p>\n");
            }
            else
            {
                html.Append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse:collapse\"><tbody>\n");
                foreach (var row in block.Rows)
                {
                    html.Append("<tr>");
                    foreach (PageCell cell in row)
                    {
                        html.Append("<td").Append(Spans(cell)).Append(" style=\"padding:4px\"><p style=\"text-align:center\">").Append(Esc(cell.Text)).Append("</p></td>");
                    }

                    html.Append("</tr>\n");
                }

                html.Append("</tbody></table>\n");
            }
        }

        html.Append("</div></div>\n");
        html.Append("<div class=\"share\"><span>【打印本页】</span><span>【关闭窗口】</span></div>\n");
        html.Append("<div class=\"related\"><h3>相关阅读</h3><ul><li><a href=\"/art/2023/1/16/art_1_1.html\">上一年度政府信息公开工作年度报告</a><span>2023-01-16</span></li><li><a href=\"/art/2022/1/18/art_1_2.html\">政府信息公开指南</a><span>2022-01-18</span></li></ul></div>\n");
        html.Append("<noscript>您的浏览器不支持脚本，部分功能无法使用。</noscript>\n");
        html.Append("<div class=\"footer\"><p>主办单位：人民政府办公室　承办：大数据管理局</p><p>网站标识码：3208000001　<a href=\"https://beian.miit.gov.cn\">苏ICP备05009090号-1</a>　苏公网安备 32080202000123号</p><p>您是第 <span>1234567</span> 位访问者</p></div>\n");
        html.Append("<script type=\"text/javascript\">document.getElementById('hits').innerHTML = 1025; _hmt.push(['_trackPageview', '/art/2024/1/17/art_5_6.html']);</script>\n");
        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>
    /// What "Save page as" (webpage, complete) writes: the mark of the web, the browser's own UTF-8 declaration before
    /// the site's original one, assets moved to a <c>_files</c> folder, the site chrome around the report.
    /// </summary>
    public static string AsSavedPage(ReportPage page)
    {
        string original = WithSiteChrome(page, "gb2312");
        string saved = original
            .Replace("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>\n", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">\n", System.StringComparison.Ordinal)
            .Replace("href=\"/images/2019/css/common.css\"", "href=\"./年度报告_files/common.css\"", System.StringComparison.Ordinal)
            .Replace("src=\"/module/jslib/jquery/jquery.js\"", "src=\"./年度报告_files/jquery.js.下载\"", System.StringComparison.Ordinal)
            .Replace("href=\"/", "href=\"https://www.example.gov.cn/", System.StringComparison.Ordinal);
        return saved.Replace(
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n<!-- saved from url=(0064)https://www.example.gov.cn/art/2024/1/17/art_1229_3920812.html -->\n",
            System.StringComparison.Ordinal);
    }

    /// <summary>The page as Word's "Save as web page" writes it (declared GB2312, as Chinese Word does).</summary>
    public static string AsWordHtml(ReportPage page)
    {
        var html = new StringBuilder();
        html.Append("<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\nxmlns:o=\"urn:schemas-microsoft-com:office:office\"\nxmlns:w=\"urn:schemas-microsoft-com:office:word\"\nxmlns:m=\"http://schemas.microsoft.com/office/2004/12/omml\"\nxmlns=\"http://www.w3.org/TR/REC-html40\">\n\n");
        html.Append("<head>\n<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">\n<meta name=ProgId content=Word.Document>\n<meta name=Generator content=\"Microsoft Word 15\">\n<meta name=Originator content=\"Microsoft Word 15\">\n");
        html.Append("<link rel=File-List href=\"report.files/filelist.xml\">\n<title>").Append(Esc(page.Title)).Append("</title>\n");
        html.Append("<!--[if gte mso 9]><xml>\n <o:DocumentProperties>\n  <o:Author>Administrator</o:Author>\n  <o:LastAuthor>user</o:LastAuthor>\n  <o:Revision>3</o:Revision>\n  <o:TotalTime>12</o:TotalTime>\n  <o:Pages>4</o:Pages>\n  <o:Words>512</o:Words>\n  <o:Characters>2924</o:Characters>\n  <o:Version>16.00</o:Version>\n </o:DocumentProperties>\n</xml><![endif]-->\n");
        html.Append("<!--[if gte mso 9]><xml>\n <w:WordDocument>\n  <w:SpellingState>Clean</w:SpellingState>\n  <w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing>\n  <w:Compatibility><w:SpaceForUL/></w:Compatibility>\n </w:WordDocument>\n</xml><![endif]-->\n");
        html.Append("<style>\n<!--\n /* Font Definitions */\n @font-face\n\t{font-family:宋体;\n\tpanose-1:2 1 6 0 3 1 1 1 1 1;\n\tmso-font-charset:134;}\n /* Style Definitions */\n p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{mso-style-unhide:no;\n\tmargin:0cm;\n\ttext-align:justify;\n\tfont-size:10.5pt;\n\tfont-family:\"Times New Roman\",serif;}\n@page WordSection1\n\t{size:595.3pt 841.9pt;\n\tmargin:72.0pt 90.0pt 72.0pt 90.0pt;}\ndiv.WordSection1\n\t{page:WordSection1;}\n-->\n</style>\n");
        html.Append("</head>\n\n<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>\n\n<div class=WordSection1 style='layout-grid:15.6pt'>\n\n");
        int tableNumber = 0;
        foreach (PageBlock block in page.Blocks)
        {
            if (block.Rows is null)
            {
                html.Append("<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt'>")
                    .Append(PerCharacter(block.Text!, "font-size:16.0pt;font-family:仿宋_GB2312"))
                    .Append("<span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></p>\n\n");
                continue;
            }

            int columns = block.Rows.Max(r => r.Sum(c => c.ColSpan));
            html.Append("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=568\n style='width:426.1pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;\n mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n");
            int rowNumber = 0;
            foreach (var row in block.Rows)
            {
                html.Append(" <tr style='mso-yfti-irow:").Append(rowNumber++).Append(tableNumber == 0 && rowNumber == 1 ? ";mso-yfti-firstrow:yes" : string.Empty).Append(";height:19.85pt'>\n");
                foreach (PageCell cell in row)
                {
                    html.Append("  <td width=57").Append(Spans(cell)).Append(" valign=center style='width:42.55pt;border:solid windowtext 1.0pt;\n  mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt;height:19.85pt'>\n");
                    html.Append("  <p class=MsoNormal align=center style='text-align:center;line-height:14.0pt'>");
                    if (cell.Text.Length == 0)
                    {
                        html.Append("<span lang=EN-US style='font-size:9.0pt'><o:p>&nbsp;</o:p></span></p>\n  </td>\n");
                        continue;
                    }

                    html.Append(PerCharacter(cell.Text, "font-size:9.0pt;font-family:宋体;mso-bidi-font-family:\"Times New Roman\""))
                        .Append("<span lang=EN-US style='font-size:9.0pt'><o:p></o:p></span></p>\n  </td>\n");
                }

                html.Append(" </tr>\n");
            }

            // Word's spacer row: one empty cell per grid column, only for browsers that misalign columns.
            html.Append(" <![if !supportMisalignedColumns]>\n <tr height=0>\n");
            for (int c = 0; c < columns; c++)
            {
                html.Append("  <td width=57 style='border:none'></td>\n");
            }

            html.Append(" </tr>\n <![endif]>\n</table>\n\n<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n\n");
            tableNumber++;
        }

        html.Append("</div>\n\n</body>\n\n</html>\n");
        return html.ToString();
    }

    // A span per character, as Word writes text whose runs changed font or language; tags broken inside, never between.
    private static string PerCharacter(string text, string style) =>
        string.Concat(text.Select(ch => (ch < 0x80 ? "<span lang=EN-US\nstyle='" : "<span\nstyle='") + style + "'>" + Esc(ch.ToString()) + "</span>"));

    private static string Spans(PageCell cell) =>
        (cell.ColSpan > 1 ? " colspan=" + cell.ColSpan.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)
        + (cell.RowSpan > 1 ? " rowspan=" + cell.RowSpan.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
