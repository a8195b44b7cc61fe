using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Reports.Core.Import.Matching;

/// <summary>
/// The reporting year where the title does not give it: the statistics period (统计期限自2024年1月1日起至2024年12月31日),
/// then the year the narrative names most (本局2024年度…; ties go to the earlier year, since reports look back more
/// than ahead).
/// </summary>
internal static class YearReader
{
    private static readonly Regex Period = new(@"((?:19|20)[0-9]{2})\s*年\s*0?1\s*月\s*0?1\s*日?\s*(?:起)?\s*(?:至|到|-|—|－|~)\s*((?:19|20)[0-9]{2})\s*年\s*12\s*月\s*31\s*日", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex Year = new(@"(?<![0-9])((?:19|20)[0-9]{2})\s*年", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static int? Read(IEnumerable<string> narrative)
    {
        var counts = new Dictionary<int, int>();
        foreach (string text in narrative)
        {
            string folded = LabelText.FoldWidth(text);
            Match period = Period.Match(folded);
            if (period.Success && period.Groups[1].Value == period.Groups[2].Value)
            {
                return Parse(period.Groups[1].Value);
            }

            foreach (Match m in Year.Matches(folded))
            {
                int y = Parse(m.Groups[1].Value);
                counts[y] = counts.TryGetValue(y, out int c) ? c + 1 : 1;
            }
        }

        int? best = null;
        foreach (KeyValuePair<int, int> pair in counts)
        {
            if (best is null || pair.Value > counts[best.Value] || (pair.Value == counts[best.Value] && pair.Key < best.Value))
            {
                best = pair.Key;
            }
        }

        return best;
    }

    private static int Parse(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int y) ? y : 0;
}
