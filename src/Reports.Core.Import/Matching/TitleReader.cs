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
        RegexOptions.CultureInvariant);

    private static readonly Regex Agency = new(@"^[\p{IsCJKUnifiedIdeographs}（）()]{2,30}$", RegexOptions.CultureInvariant);

    public static (string? Agency, int? Year, int Line) Read(IReadOnlyList<GridRow> rows)
    {
        int limit = System.Math.Min(rows.Count, 80);
        for (int i = 0; i < limit; i++)
        {
            string text = Clean(rows[i].Text);
            if (!EndsLikeATitle(text))
            {
                continue; // the pattern's own tail, checked first: most lines are not titles, and some are long
            }

            Match m = Title.Match(text);
            if (!m.Success)
            {
                continue;
            }

            _ = int.TryParse(m.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int year);
            string agency = m.Groups["agency"].Value.Trim();
            if (agency.EndsWith("关于印发", System.StringComparison.Ordinal) || agency.EndsWith("关于报送", System.StringComparison.Ordinal))
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

            return (agency.Length == 0 ? null : agency, year, rows[i].Line);
        }

        return (null, null, 0);
    }

    /// <summary>The text ends as <see cref="Title"/> requires: 报告, then nothing but white space and 》.</summary>
    private static bool EndsLikeATitle(string text)
    {
        int end = text.Length;
        while (end > 0 && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == '》'))
        {
            end--;
        }

        return end >= 2 && text[end - 2] == '报' && text[end - 1] == '告';
    }

    private static string Clean(string text)
    {
        string cleaned = text.Replace("#", string.Empty).Replace('\u3000', ' ').Trim();

        // A page's field name before the title ("标题: …", "Title：…").
        int colon = cleaned.IndexOfAny(new[] { ':', '：' });
        return colon is > 0 and <= 6 ? cleaned.Substring(colon + 1).Trim() : cleaned;
    }
}
