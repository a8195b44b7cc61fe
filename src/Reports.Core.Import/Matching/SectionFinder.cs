using System.Collections.Generic;
using Reports.Core.Import.Grid;

namespace Reports.Core.Import.Matching;

/// <summary>Where one part of the report stands in the grid: the heading row and the rows up to the next part.</summary>
internal sealed record Section(string Key, int HeadingIndex, int Start, int End)
{
    public bool Found => HeadingIndex >= 0;
}

/// <summary>
/// Finds the part headings (一、总体情况, 二、主动公开…, 三、收到和处理…, 四、…行政复议、行政诉讼情况, 五、, 六、) by fuzzy
/// rules: the numeral, then the folded heading text, short rows only (a heading is not a sentence).
/// </summary>
internal static class SectionFinder
{
    private static readonly (string Key, string Numeral, string[] Bodies)[] Headings =
    {
        ("s1", "一", new[] { "总体情况", "概述" }),
        ("t2", "二", new[] { "主动公开政府信息情况", "主动公开政府信息" }),
        ("t3", "三", new[] { "收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请" }),
        ("t4", "四", new[] { "政府信息公开行政复议行政诉讼情况", "行政复议行政诉讼情况" }),
        ("s5", "五", new[] { "存在的主要问题", "存在问题", "主要问题" }),
        ("s6", "六", new[] { "其他需要报告的事项", "需要说明的其他事项", "其他事项" }),
    };

    /// <summary>Finds the sections in order; a section not found has HeadingIndex -1 and an empty range.</summary>
    public static Dictionary<string, Section> Find(IReadOnlyList<GridRow> rows)
    {
        var found = new Dictionary<string, int>();
        int from = 0;
        foreach ((string key, string numeral, string[] bodies) in Headings)
        {
            for (int i = from; i < rows.Count; i++)
            {
                if (IsHeading(rows[i], numeral, bodies))
                {
                    found[key] = i;
                    from = i + 1;
                    break;
                }
            }
        }

        var result = new Dictionary<string, Section>();
        for (int h = 0; h < Headings.Length; h++)
        {
            string key = Headings[h].Key;
            if (!found.TryGetValue(key, out int index))
            {
                result[key] = new Section(key, -1, 0, 0);
                continue;
            }

            int end = rows.Count;
            for (int n = h + 1; n < Headings.Length; n++)
            {
                if (found.TryGetValue(Headings[n].Key, out int next))
                {
                    end = next;
                    break;
                }
            }

            result[key] = new Section(key, index, index + 1, end);
        }

        return result;
    }

    private static bool IsHeading(GridRow row, string numeral, string[] bodies)
    {
        string text = row.Text;
        if (text.Length > 60)
        {
            return false;
        }

        string folded = LabelText.Fold(text);
        if (!folded.StartsWith(numeral + "、", System.StringComparison.Ordinal) && !folded.StartsWith(numeral + ".", System.StringComparison.Ordinal))
        {
            return false;
        }

        string body = LabelText.Body(text);
        foreach (string b in bodies)
        {
            if (body.StartsWith(b, System.StringComparison.Ordinal) || (body.Contains(b, System.StringComparison.Ordinal) && body.Length <= b.Length + 8))
            {
                return true;
            }
        }

        return false;
    }
}
