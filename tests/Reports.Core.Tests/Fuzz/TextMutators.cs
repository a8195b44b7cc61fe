using System;
using System.Linq;
using System.Text;

namespace Reports.Core.Tests.Fuzz;

/// <summary>
/// Mutations of a published report's text for the importer (issue 13's shapes): digits of other scripts, huge digit
/// runs, glued rows, hostile sentences, repeated lines, HTML nesting and rowspan bombs, other encodings; and, a third of
/// the time, the byte-level mutations of <see cref="Mutators"/>. Each names itself so a failure says what produced it.
/// </summary>
internal static class TextMutators
{
    private static readonly string[] Sentences =
    {
        "结果维持99999999999999999999件", "20٢١ 年度", "٣. 危及“三安全一稳定”", "（七）总计 " + new string('9', 40), "乱码乱码  5",
        "本年度共收到申请 -9223372036854775808 件", "二、主动公开政府信息情况", "（三）申请人数 １２３４５６ 人", "合计\t" + new string('1', 60),
    };

    private static readonly char[] DigitZeros = { '\u0660', '\u06F0', '\uFF10', '\u0966', '\u09E6' };

    private static readonly Encoding[] Encodings = OtherEncodings();

    public static (string Name, byte[] Input) Apply(Random random, byte[] seed, byte[][] all)
    {
        if (random.Next(3) == 0)
        {
            return Mutators.Apply(random, seed, all);
        }

        string text = Encoding.UTF8.GetString(seed);
        string[] lines = text.Split('\n');
        switch (random.Next(9))
        {
            case 0:
            {
                // A slice of the text with its digits in another script (Arabic-Indic, full-width, Devanagari, …).
                char zero = DigitZeros[random.Next(DigitZeros.Length)];
                int at = random.Next(text.Length + 1), length = Math.Min(text.Length - at, random.Next(1, 400));
                string slice = new(text.AsSpan(at, length).ToArray().Select(c => c is >= '0' and <= '9' ? (char)(zero + (c - '0')) : c).ToArray());
                return ("other-digits", Utf8(text.Substring(0, at) + slice + text.Substring(at + length)));
            }

            case 1:
            {
                // One digit run becomes a huge one.
                int[] starts = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i]) && (i == 0 || !char.IsAsciiDigit(text[i - 1]))).ToArray();
                if (starts.Length == 0)
                {
                    return ("long-digits", seed);
                }

                int start = starts[random.Next(starts.Length)], end = start;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                return ("long-digits", Utf8(text.Substring(0, start) + new string((char)('1' + random.Next(9)), random.Next(19, 120)) + text.Substring(end)));
            }

            case 2:
            {
                // A line with numbers glued together: its separators dropped.
                int[] numbered = Enumerable.Range(0, lines.Length).Where(i => lines[i].Count(char.IsAsciiDigit) >= 2).ToArray();
                if (numbered.Length == 0)
                {
                    return ("glue", seed);
                }

                int line = numbered[random.Next(numbered.Length)];
                lines[line] = new string(lines[line].Where(c => c is not (' ' or '\t' or '|')).ToArray());
                return ("glue", Utf8(string.Join('\n', lines)));
            }

            case 3:
            {
                int line = random.Next(lines.Length + 1);
                return ("sentence", Utf8(string.Join('\n', lines.Take(line).Append(Sentences[random.Next(Sentences.Length)]).Concat(lines.Skip(line)))));
            }

            case 4:
            {
                int line = random.Next(lines.Length);
                return ("repeat-line", Utf8(string.Join('\n', lines.Take(line).Concat(Enumerable.Repeat(lines[line], random.Next(2, 300))).Concat(lines.Skip(line + 1)))));
            }

            case 5:
            {
                // The text as an HTML table (a row per line, a cell per run of spaces or tabs), nested or spanned.
                int depth = random.Next(2) == 0 ? random.Next(1, 5) : random.Next(100, 3000);
                string span = random.Next(3) == 0 ? " rowspan=256 colspan=64" : string.Empty;
                var html = new StringBuilder("<html><body>").Append(string.Concat(Enumerable.Repeat("<div>", depth))).Append("<table>");
                foreach (string line in lines.Take(400))
                {
                    html.Append("<tr>");
                    foreach (string cell in line.Split(new[] { ' ', '\t', '|' }, StringSplitOptions.RemoveEmptyEntries))
                    {
                        html.Append("<td").Append(random.Next(20) == 0 ? span : string.Empty).Append('>').Append(cell.Replace("<", "&lt;", StringComparison.Ordinal)).Append("</td>");
                    }

                    html.Append("</tr>\n");
                }

                return ("html", Utf8(html.Append("</table>").Append(string.Concat(Enumerable.Repeat("</div>", depth))).Append("</body></html>").ToString()));
            }

            case 6:
            {
                Encoding encoding = Encodings[random.Next(Encodings.Length)];
                byte[] body = encoding.GetBytes(text);
                return ("encoding", random.Next(2) == 0 ? encoding.GetPreamble().Concat(body).ToArray() : body);
            }

            case 7:
            {
                int a = random.Next(lines.Length), b = random.Next(lines.Length);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return ("swap-lines", Utf8(string.Join('\n', lines)));
            }

            default:
            {
                // Lines cut short: every line loses its tail from a random column.
                int keep = random.Next(1, 12);
                return ("cut-lines", Utf8(string.Join('\n', lines.Select(l => l.Length > keep ? l.Substring(0, keep) : l))));
            }
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static Encoding[] OtherEncodings()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // GB18030 and Big5
        return new[] { Encoding.Unicode, Encoding.BigEndianUnicode, Encoding.GetEncoding("GB18030"), Encoding.GetEncoding("big5") };
    }
}
