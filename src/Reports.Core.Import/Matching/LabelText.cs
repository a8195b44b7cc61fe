using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Reports.Core.Import.Matching;

/// <summary>
/// Label normalization: full-width to half-width, traditional to simplified (for the characters used in the
/// template labels), white space and line breaks removed, <c>，</c>/<c>、</c>/<c>．</c> unified; numbering tokens
/// (<c>一、</c>, <c>（一）</c>, <c>1.</c>, <c>1、</c>, <c>1．</c>) extracted; parentheticals droppable.
/// </summary>
internal static class LabelText
{
    private static readonly Dictionary<char, char> Simplified = BuildSimplified();

    private static readonly Regex Numbering = new(
        @"[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|(?<![0-9.])[0-9]{1,2}(?:[.、,](?![0-9])|\.(?=[^0-9]))",
        RegexOptions.CultureInvariant);

    private static readonly Regex Pinyin = new(@"\([a-zA-Z\u00E0-\u01DC\u0300-\u036F]{1,8}\)", RegexOptions.CultureInvariant);

    private static readonly Regex Parenthetical = new(@"\([^()]*\)", RegexOptions.CultureInvariant);

    /// <summary>Width-, script- and space-folded text; punctuation kept (half-width).</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Mirrors annotate characters with pinyin ("報(bào)"): readings in parentheses are no part of the label.
        if (text.IndexOf('(') >= 0)
        {
            text = Pinyin.Replace(text, string.Empty);
        }

        var sb = new StringBuilder(text.Length);
        foreach (char ch in text)
        {
            char c = ch;
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0);
            }

            if (char.IsWhiteSpace(c) || c is '\u3000' or '\u00A0' or '\u200B' or '\uFEFF' or '#' or '*' or '|')
            {
                continue;
            }

            if (Simplified.TryGetValue(c, out char s))
            {
                c = s;
            }

            c = c switch
            {
                '，' => ',',
                '．' or '。' => '.',
                '〔' or '【' or '［' => '(',
                '〕' or '】' or '］' => ')',
                '﹑' => '、',
                _ => c,
            };
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Full-width ASCII to half-width, nothing else: for patterns over text as written.</summary>
    public static string FoldWidth(string text)
    {
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\uFF01' and <= '\uFF5E')
            {
                chars[i] = (char)(chars[i] - 0xFEE0);
            }
        }

        return new string(chars);
    }

    /// <summary>The traditional form of each simplified character the fold knows (for tests that write like mirrors).</summary>
    internal static IReadOnlyDictionary<char, char> TraditionalForms()
    {
        var map = new Dictionary<char, char>();
        foreach (KeyValuePair<char, char> pair in Simplified)
        {
            map.TryAdd(pair.Value, pair.Key);
        }

        return map;
    }

    /// <summary>One character folded the way <see cref="Fold"/> folds it (width, script), or itself.</summary>
    public static char FoldChar(char ch)
    {
        char c = ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch;
        return Simplified.TryGetValue(c, out char s) ? s : c;
    }

    /// <summary>The folded text without numbering tokens and without punctuation: what the label says.</summary>
    public static string Body(string? text) => Strip(Numbering.Replace(Fold(text), " "));

    /// <summary>Like <see cref="Body"/>, with parenthetical remarks dropped first.</summary>
    public static string Core(string? text)
    {
        string folded = Numbering.Replace(Fold(text), " ");
        string previous;
        do
        {
            previous = folded;
            folded = Parenthetical.Replace(folded, string.Empty);
        }
        while (folded != previous);

        return Strip(folded);
    }

    /// <summary>Numbering tokens in canonical form: <c>c1</c> (一、), <c>p1</c> (（一）), <c>a1</c> (1.).</summary>
    public static List<string> NumberingTokens(string? text)
    {
        var tokens = new List<string>();
        foreach (Match m in Numbering.Matches(Fold(text)))
        {
            string v = m.Value;
            if (v.EndsWith('、') && !char.IsDigit(v[0]))
            {
                tokens.Add("c" + ChineseNumber(v.Substring(0, v.Length - 1)));
            }
            else if (v.StartsWith('('))
            {
                tokens.Add("p" + ChineseNumber(v.Substring(1, v.Length - 2)));
            }
            else
            {
                // ASCII digits only (the pattern says so), at most two: the parse cannot fail.
                _ = int.TryParse(v.TrimEnd('.', '、', ','), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n);
                tokens.Add("a" + n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return tokens;
    }

    /// <summary>The first numbering token of a label, or null.</summary>
    public static string? LeadingNumbering(string? text)
    {
        string folded = Fold(text);
        Match m = Numbering.Match(folded);
        return m.Success && m.Index == 0 ? NumberingTokens(m.Value)[0] : null;
    }

    private static string Strip(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static int ChineseNumber(string s)
    {
        const string digits = "零一二三四五六七八九";
        if (s == "十")
        {
            return 10;
        }

        int ten = s.IndexOf('十');
        if (ten < 0)
        {
            return s.Length == 1 ? digits.IndexOf(s[0]) : 0;
        }

        int high = ten == 0 ? 1 : digits.IndexOf(s[0]);
        int low = ten == s.Length - 1 ? 0 : digits.IndexOf(s[ten + 1]);
        return (high * 10) + low;
    }

    private static Dictionary<char, char> BuildSimplified()
    {
        const string pairs =
            "開开獲获處处機机關关項项數数規规範范條条議议訴诉訟讼總总計计審审結结維维糾纠請请資资訊讯國国護护權权過过執执詢询現现" +
            "製制補补確确對对發发廢废強强費费許许罰罚購购額额類类屬属險险穩稳內内務务複复報报訪访舉举單单來来無无據据轉转續续辦办" +
            "當当體体組组織织業业構构決决達达會会區区縣县鎮镇員员歸归視视證证書书號号們们個个產产態态與与為为這这說说滿满據据況况" +
            "協协財财稅税價价狀状徵征義义實实產产環环經经濟济醫医農农勞劳衛卫廣广電电準准備备細细總总處处應应並并從从後后讓让認认" +
            "級级圍围圖图繫系聯联負负責责齊齐職职幹干錄录頁页點点專专題题億亿萬万圓圆條条紀纪";
        var map = new Dictionary<char, char>();
        for (int i = 0; i + 1 < pairs.Length; i += 2)
        {
            map[pairs[i]] = pairs[i + 1];
        }

        return map;
    }
}
