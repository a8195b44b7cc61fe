using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Reports.Core.Import.Matching;

/// <summary>
/// Label normalization: full-width to half-width, traditional to simplified (for the characters used in the
/// template labels), white space and line breaks removed, <c>，</c>/<c>、</c>/<c>．</c> unified; numbering tokens
/// (<c>一、</c>, <c>（一）</c>, <c>1.</c>, <c>1、</c>, <c>1．</c>) extracted; parentheticals droppable.
/// </summary>
internal readonly record struct LabelParts(string Body, string Core, List<string> Numbering);

internal static class LabelText
{
    private static readonly Dictionary<char, char> Simplified = BuildSimplified();

    /// <summary>The simplified form of each CJK unified ideograph (U+4E00–U+9FFF), or 0: one load per character.</summary>
    private static readonly char[] SimplifiedIdeographs = BuildIdeographTable();

    private static readonly Regex Pinyin = new(@"\([a-zA-Z\u00C0-\u024F\u0300-\u036F]{1,8}\)", RegexOptions.CultureInvariant | RegexOptions.Compiled);

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

            c = ToSimplified(c);

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

    /// <summary>The folded text's letters and digits only, numbering kept (第二十条第(九)项 → 第二十条第九项).</summary>
    public static string Letters(string text)
    {
        string folded = Fold(text);
        var letters = new StringBuilder(folded.Length);
        foreach (char c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters.Append(c);
            }
        }

        return letters.ToString();
    }

    /// <summary>Full-width ASCII to half-width, nothing else: for patterns over text as written.</summary>
    public static string FoldWidth(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uFF01', '\uFF5E') < 0)
        {
            return text; // nothing full-width (most lines): nothing to copy
        }

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
        return ToSimplified(c);
    }

    /// <summary>The folded text without numbering tokens and without punctuation: what the label says.</summary>
    public static string Body(string? text) => Analyze(text).Body;

    /// <summary>Like <see cref="Body"/>, with parenthetical remarks dropped first.</summary>
    public static string Core(string? text) => Analyze(text).Core;

    /// <summary>Numbering tokens in canonical form: <c>c1</c> (一、), <c>p1</c> (（一）), <c>a1</c> (1.).</summary>
    public static List<string> NumberingTokens(string? text) => Analyze(text).Numbering;

    /// <summary>The first numbering token of a label, or null.</summary>
    public static string? LeadingNumbering(string? text)
    {
        string folded = Fold(text);
        return NextNumbering(folded, 0, out int start, out int length) is string token && start == 0 && length > 0 ? token : null;
    }

    /// <summary>
    /// <see cref="Body"/>, <see cref="Core"/> and <see cref="NumberingTokens"/> at once, from one fold and one scan
    /// (label probes need all three for every text of the stream).
    /// </summary>
    public static LabelParts Analyze(string? text)
    {
        string folded = Fold(text);
        var numbering = new List<string>();
        var body = new StringBuilder(folded.Length);
        var core = new StringBuilder(folded.Length);
        var open = new Stack<int>();
        for (int i = 0; i < folded.Length;)
        {
            if (NextNumbering(folded, i, out int start, out int length) is string token && start == i)
            {
                numbering.Add(token);
                i += length; // a numbering mark says where the row stands, not what it is: neither body nor core
                continue;
            }

            char c = folded[i++];
            if (c == '(')
            {
                open.Push(core.Length);
            }
            else if (c == ')' && open.Count > 0)
            {
                core.Length = open.Pop(); // a remark in balanced parentheses, nested ones with it
            }

            if (char.IsLetterOrDigit(c))
            {
                body.Append(c);
                core.Append(c);
            }
        }

        return new LabelParts(body.ToString(), core.ToString(), numbering);
    }

    /// <summary>
    /// The numbering mark that starts at <paramref name="at"/> (一、, (一), 1. / 1、 / 1, not followed by a digit,
    /// the digits not continuing a number), or null; <paramref name="start"/> is <paramref name="at"/> when found.
    /// </summary>
    private static string? NextNumbering(string s, int at, out int start, out int length)
    {
        start = at;
        length = 0;
        if (at >= s.Length)
        {
            return null;
        }

        char c = s[at];
        if (IsChineseNumeral(c))
        {
            int end = at;
            while (end < s.Length && end - at < 4 && IsChineseNumeral(s[end]))
            {
                end++;
            }

            if (end - at <= 3 && end < s.Length && s[end] == '、')
            {
                length = end - at + 1;
                return "c" + ChineseNumber(s.Substring(at, end - at));
            }

            return null;
        }

        if (c == '(')
        {
            int end = at + 1;
            while (end < s.Length && end - at <= 4 && IsChineseNumeral(s[end]))
            {
                end++;
            }

            if (end - at - 1 is >= 1 and <= 3 && end < s.Length && s[end] == ')')
            {
                length = end - at + 1;
                return "p" + ChineseNumber(s.Substring(at + 1, end - at - 1));
            }

            return null;
        }

        if (IsAsciiDigit(c) && (at == 0 || !(IsAsciiDigit(s[at - 1]) || s[at - 1] == '.')))
        {
            int end = at;
            while (end < s.Length && IsAsciiDigit(s[end]))
            {
                end++;
            }

            if (end - at <= 2 && end < s.Length && s[end] is '.' or '、' or ',' && (end + 1 == s.Length || !IsAsciiDigit(s[end + 1])))
            {
                length = end - at + 1;
                int n = end - at == 1 ? s[at] - '0' : ((s[at] - '0') * 10) + (s[at + 1] - '0');
                return "a" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static bool IsChineseNumeral(char c) => "一二三四五六七八九十".IndexOf(c) >= 0;

    private static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

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

    private static char ToSimplified(char c)
    {
        int at = c - FirstIdeograph;
        if ((uint)at < (uint)SimplifiedIdeographs.Length)
        {
            char s = SimplifiedIdeographs[at];
            return s == '\0' ? c : s;
        }

        return c >= '\u3400' && Simplified.TryGetValue(c, out char other) ? other : c;
    }

    private const char FirstIdeograph = '\u4E00';

    private static char[] BuildIdeographTable()
    {
        var table = new char['\u9FFF' - FirstIdeograph + 1];
        foreach (KeyValuePair<char, char> pair in Simplified)
        {
            if (pair.Key - FirstIdeograph is int at && (uint)at < (uint)table.Length)
            {
                table[at] = pair.Value;
            }
        }

        return table;
    }

    // Traditional → simplified for the characters of the template's labels: each pair maps a character no label uses
    // onto one the labels use (TraditionalFoldTests checks this against both editions' schemas). The list holds every
    // traditional form (Taiwan and Hong Kong usage, as OpenCC converts them) of every character of the labels'
    // alphabet, headings included (主動 → 主动): a character missing here keeps a mirror's label from matching.
    private static Dictionary<char, char> BuildSimplified()
    {
        const string pairs =
            "開开獲获處处機机關关項项數数規规範范條条議议訴诉訟讼總总計计審审結结維维糾纠請请國国護护權权過过執执詢询現现製制補补確确對对發发" +
            "廢废強强費费許许罰罚購购額额類类屬属穩稳內内務务複复報报訪访舉举單单無无據据轉转續续辦办當当組组織织業业構构決决會会區区為为這这" +
            "況况經经後后認认繫系萬万於于減减動动華华復复沒没納纳繼继繳缴試试採采";
        var map = new Dictionary<char, char>();
        for (int i = 0; i + 1 < pairs.Length; i += 2)
        {
            map[pairs[i]] = pairs[i + 1];
        }

        return map;
    }
}
