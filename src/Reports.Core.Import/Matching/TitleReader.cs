using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Reports.Core.Import.Grid;

namespace Reports.Core.Import.Matching;

/// <summary>
/// Reads the agency and the year from the title: "泉港区人民政府办公室 2020 年政府信息公开工作年度报告", or
/// "2021 年度政府信息公开工作报告" with the agency on a line above.
/// </summary>
internal static class TitleReader
{
    private static readonly Regex Title = new(
        @"^(?<agency>.*?)[\s《]*(?<year>(?:19|20)[0-9]{2})\s*年\s*度?\s*(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告[\s》]*$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // The year first: "2019年上海市人民政府办公厅政府信息公开工作年度报告".
    private static readonly Regex YearFirstTitle = new(
        @"^[\s《]*(?<year>(?:19|20)[0-9]{2})\s*年\s*度?\s*(?<agency>[\p{IsCJKUnifiedIdeographs}（）()]{2,30}?)\s*(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告[\s》]*$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // No year: "驼峰路街道办事处政府信息公开工作年度报告" (the year is then the statistics period's or the narrative's).
    private static readonly Regex YearlessTitle = new(
        @"^[\s《]*(?<agency>[\p{IsCJKUnifiedIdeographs}（）()]{2,30}?)\s*(?:政府信息公开|政务公开)(?:工作)?年度报告[\s》]*$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex Agency = new(@"^[\p{IsCJKUnifiedIdeographs}（）()]{2,30}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>
    /// The opening sentence that publishes the report (现公布区统计局2023年政府信息公开工作年度报告, 现将（现把）…进行公开, 现予…),
    /// read over the folded text: the words between the verb and the year name the agency.
    /// </summary>
    private static readonly Regex Publishing = new(
        @"现(?:公布|[将將把]|予(?:以)?(?:公布|公开)?)[\s《]*(?<agency>[\p{IsCJKUnifiedIdeographs}（）()]{2,30}?)\s*(?:19|20)[0-9]{2}\s*年\s*度?\s*(?:政府信息公开|政务公开)(?:工作)?(?:年度|情况)?报告",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static (string? Agency, int? Year, int Line) Read(IReadOnlyList<GridRow> rows)
    {
        int limit = System.Math.Min(rows.Count, 80);
        (string Agency, int Line)? yearless = null;
        for (int i = 0; i < limit; i++)
        {
            string text = Clean(rows[i].Text);
            if (!EndsLikeATitle(text))
            {
                continue; // the pattern's own tail, checked first: most lines are not titles, and some are long
            }

            // Matched over the folded text (traditional characters, full-width digits), read from the text as written.
            string folded = Folded(text);
            Match m = Title.Match(folded);
            if (!m.Success)
            {
                m = YearFirstTitle.Match(folded);
                if (!m.Success)
                {
                    // A title without a year names the agency, unless a title with one follows.
                    Match y = YearlessTitle.Match(folded);
                    if (y.Success && yearless is null && !SaysWhoOnlyToInsiders(y.Groups["agency"].Value))
                    {
                        yearless = (text.Substring(y.Groups["agency"].Index, y.Groups["agency"].Length).Trim(), rows[i].Line);
                    }

                    continue;
                }
            }

            _ = int.TryParse(m.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int year);
            Group agencyGroup = m.Groups["agency"];
            string agency = text.Substring(agencyGroup.Index, agencyGroup.Length).Trim();
            string agencyFolded = agencyGroup.Value.Trim();
            if (agencyFolded.EndsWith("关于印发", System.StringComparison.Ordinal) || agencyFolded.EndsWith("关于报送", System.StringComparison.Ordinal))
            {
                agency = agency.Substring(0, agency.Length - 4);
            }

            if (agency.Length == 0)
            {
                for (int k = i - 1; k >= 0 && k >= i - 4; k--)
                {
                    string above = Clean(rows[k].Text);
                    if (Agency.IsMatch(above))
                    {
                        agency = above;
                        break;
                    }
                }
            }

            return (agency.Length == 0 ? OpeningSentenceAgency(rows, limit) : agency, year, rows[i].Line);
        }

        return yearless is { } title ? (title.Agency, null, title.Line) : (OpeningSentenceAgency(rows, limit), null, 0);
    }

    // 我局, 本机关, 该单位 say who only to a reader who knows; 全县, 全区 name an area, not an agency.
    private static bool SaysWhoOnlyToInsiders(string agency) => agency.Length < 2 || LabelText.FoldChar(agency[0]) is '我' or '本' or '该' or '該' or '全';

    /// <summary>
    /// The agency as the sentence that publishes the report names it, written as in the text; null where the sentence
    /// says only 我局, 本机关 (who "we" are is not stated) or there is no such sentence.
    /// </summary>
    private static string? OpeningSentenceAgency(IReadOnlyList<GridRow> rows, int limit)
    {
        for (int i = 0; i < limit; i++)
        {
            string text = rows[i].Text;
            if (text.IndexOf('现') < 0 && text.IndexOf('現') < 0)
            {
                continue;
            }

            Match m = Publishing.Match(Folded(text));
            if (!m.Success)
            {
                continue;
            }

            Group g = m.Groups["agency"];
            string agency = text.Substring(g.Index, g.Length).Trim();
            if (m.Value.Substring(g.Index - m.Index, g.Length).EndsWith("关于", System.StringComparison.Ordinal))
            {
                agency = agency.Substring(0, agency.Length - 2);
            }

            if (SaysWhoOnlyToInsiders(agency))
            {
                return null;
            }

            // The page may name the agency in full on a line of its own above the sentence (浑南区国资局 over 现公布区政府国资局…):
            // an agency of the same kind (the same last character) is that one.
            for (int k = i - 1; k >= 0 && k >= i - 3; k--)
            {
                string above = Clean(rows[k].Text);
                if (Agency.IsMatch(above) && LabelText.FoldChar(above[above.Length - 1]) == LabelText.FoldChar(agency[agency.Length - 1]))
                {
                    return above;
                }
            }

            return agency;
        }

        return null;
    }

    /// <summary>The text ends as <see cref="Title"/> requires: 报告 (報告), then nothing but white space and 》.</summary>
    private static bool EndsLikeATitle(string text)
    {
        int end = text.Length;
        while (end > 0 && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == '》'))
        {
            end--;
        }

        return end >= 2 && LabelText.FoldChar(text[end - 2]) == '报' && text[end - 1] == '告';
    }

    // Folded character by character (width, script), so that an index into it is one into the text.
    private static string Folded(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (int k = 0; k < source.Length; k++)
        {
            span[k] = LabelText.FoldChar(source[k]);
        }
    });

    // A mirror's pinyin glosses after characters ("運(yùn)輸局"): Latin letters in parentheses are no part of a Chinese title.
    private static readonly Regex PinyinGloss = new(@"\([A-Za-z\u00C0-\u024F]{1,8}\)", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static string Clean(string text)
    {
        string cleaned = text.Replace("#", string.Empty).Replace('\u3000', ' ').Trim();
        if (cleaned.IndexOf('(') >= 0)
        {
            cleaned = PinyinGloss.Replace(cleaned, string.Empty);
        }

        // A page's field name before the title ("标题: …", "Title：…").
        int colon = cleaned.IndexOfAny(new[] { ':', '：' });
        return colon is > 0 and <= 6 ? cleaned.Substring(colon + 1).Trim() : cleaned;
    }
}
