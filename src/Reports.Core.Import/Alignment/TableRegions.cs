using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Import.Matching;
using Reports.Core.Import.Tokens;
using Reports.Core.Schema;

namespace Reports.Core.Import.Alignment;

/// <summary>A table's heading as every edition's schema words it: its numeral (二 → 2) and its label bodies.</summary>
internal sealed record TableHeading(string Key, int Numeral, ImmutableArray<string> Bodies)
{
    /// <summary>The headings of the tables of <paramref name="schemas"/>, in the order of the first schema that has each.</summary>
    public static ImmutableArray<TableHeading> From(IEnumerable<ReportSchema> schemas)
    {
        var order = new List<string>();
        var bodies = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var numerals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (ReportSchema schema in schemas)
        {
            foreach (TableInfo table in schema.Tables)
            {
                if (!bodies.TryGetValue(table.Key, out List<string>? list))
                {
                    order.Add(table.Key);
                    bodies[table.Key] = list = new List<string>();
                    string? numbering = LabelText.LeadingNumbering(table.Label);
                    numerals[table.Key] = numbering is { Length: > 1 } && numbering[0] == 'c' && int.TryParse(numbering.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : 0;
                }

                foreach (string body in new[] { LabelText.Body(table.Label), LabelText.Core(table.Label) })
                {
                    if (body.Length > 0 && !list.Contains(body))
                    {
                        list.Add(body);
                    }
                }
            }
        }

        var result = ImmutableArray.CreateBuilder<TableHeading>();
        foreach (string key in order)
        {
            result.Add(new TableHeading(key, numerals[key], bodies[key].ToImmutableArray()));
        }

        return result.ToImmutable();
    }
}

/// <summary>Where a table's heading stands in the token stream (-1: not found).</summary>
internal readonly record struct HeadingAt(int Token, bool Numbered);

/// <summary>
/// Finds the table headings in the token stream, also inside a longer label (a run-together page has no line breaks),
/// and splits the label there so that each heading begins a token. A heading is its label's body, preceded by its
/// numeral (二、主动公开政府信息情况); unnumbered, it must stand alone. Of several candidates (a table of contents, the
/// heading itself) the last one before the next table's heading is taken.
/// </summary>
internal static class TableRegions
{
    private const string Numerals = "零一二三四五六七八九十";

    public static Dictionary<string, HeadingAt> Find(List<Token> tokens, ImmutableArray<TableHeading> headings, ProbeCache? known = null)
    {
        // Candidates per table, in stream order: (token index, letter offset, numbered).
        var candidates = new List<(int Token, int RawOffset, bool Numbered)>[headings.Length];
        for (int h = 0; h < headings.Length; h++)
        {
            candidates[h] = new List<(int, int, bool)>();
        }

        char[] lettersBuffer = new char[256];
        int[] raw = new int[256];
        var scratch = new List<(int Heading, int RawOffset, bool Numbered)>();
        for (int t = 0; t < tokens.Count; t++)
        {
            if (tokens[t].Kind != TokenKind.Label)
            {
                continue;
            }

            string text = tokens[t].Text;
            if (known is null || !known.TryGetHeadingCandidates(text, out (int Heading, int RawOffset, bool Numbered)[] hits))
            {
                scratch.Clear();
                CandidatesIn(text, headings, scratch, ref lettersBuffer, ref raw);
                hits = scratch.Count == 0 ? Array.Empty<(int, int, bool)>() : scratch.ToArray();
                known?.AddHeadingCandidates(text, hits);
            }

            foreach ((int heading, int offset, bool numbered) in hits)
            {
                candidates[heading].Add((t, offset, numbered));
            }
        }

        // The template's order holds between headings: an unnumbered candidate standing before the numbered heading of
        // an earlier table (a sub-heading of the overview that words a table's heading) is prose, not the table.
        long[] numberedPick = NumberedPicks(candidates);
        for (int h = 1; h < headings.Length; h++)
        {
            long earlier = -1;
            for (int e = 0; e < h; e++)
            {
                earlier = Math.Max(earlier, numberedPick[e]);
            }

            candidates[h].RemoveAll(c => !c.Numbered && Position(c.Token, c.RawOffset) < earlier);
        }

        // Last candidate before the next table's choice, numbered ones first.
        var chosen = new (int Token, int RawOffset, bool Numbered)?[headings.Length];
        int limit = int.MaxValue;
        for (int h = headings.Length - 1; h >= 0; h--)
        {
            (int, int, bool)? pick = null;
            foreach (bool wantNumbered in new[] { true, false })
            {
                foreach ((int token, int offset, bool numbered) c in candidates[h])
                {
                    long position = ((long)c.token << 20) + c.offset;
                    if (c.numbered == wantNumbered && position < limit)
                    {
                        pick = c;
                    }
                }

                if (pick is not null)
                {
                    break;
                }
            }

            chosen[h] = pick;
            if (pick is { } p)
            {
                limit = (int)Math.Min(int.MaxValue, ((long)p.Item1 << 20) + p.Item2);
            }
        }

        // Cut labels so that each heading begins a token.
        var cuts = new Dictionary<int, List<(int Offset, int Heading)>>();
        for (int h = 0; h < headings.Length; h++)
        {
            if (chosen[h] is { } c)
            {
                if (!cuts.TryGetValue(c.Token, out var list))
                {
                    cuts[c.Token] = list = new List<(int, int)>();
                }

                list.Add((c.RawOffset, h));
            }
        }

        // In place, a cut token at a time in stream order (at most one per table): the stream is not copied.
        var found = new Dictionary<string, HeadingAt>(StringComparer.Ordinal);
        var pieces = new List<Token>();
        int shift = 0;
        var cutTokens = new List<int>(cuts.Keys);
        cutTokens.Sort();
        foreach (int t in cutTokens)
        {
            List<(int Offset, int Heading)> list = cuts[t];
            list.Sort((a, b) => a.Offset.CompareTo(b.Offset));
            int at = t + shift;
            Token token = tokens[at];
            pieces.Clear();
            int from = 0;
            foreach ((int offset, int h) in list)
            {
                if (offset > from)
                {
                    AddPiece(pieces, token, from, offset);
                    from = offset;
                }

                found[headings[h].Key] = new HeadingAt(at + pieces.Count, chosen[h]!.Value.Numbered);
            }

            AddPiece(pieces, token, from, token.Text.Length);
            tokens.RemoveAt(at);
            tokens.InsertRange(at, pieces);
            shift += pieces.Count - 1;
        }

        return found;
    }

    private static long Position(int token, int offset) => ((long)token << 20) + offset;

    /// <summary>Per table, the numbered candidate the choice below would take among numbered ones alone (-1: none).</summary>
    private static long[] NumberedPicks(List<(int Token, int RawOffset, bool Numbered)>[] candidates)
    {
        var picks = new long[candidates.Length];
        long limit = long.MaxValue;
        for (int h = candidates.Length - 1; h >= 0; h--)
        {
            picks[h] = -1;
            foreach ((int token, int offset, bool numbered) in candidates[h])
            {
                long position = Position(token, offset);
                if (numbered && position < limit)
                {
                    picks[h] = position;
                }
            }

            if (picks[h] >= 0)
            {
                limit = picks[h];
            }
        }

        return picks;
    }

    /// <summary>Words that close with a full stop are a sentence: a heading that stands so is the narrative's, not a table's.</summary>
    private static bool EndsSentence(string text)
    {
        int end = text.Length - 1;
        while (end >= 0 && CharClass.IsSpace(text[end]))
        {
            end--;
        }

        return end >= 0 && text[end] is '。' or '．';
    }

    private static void AddPiece(List<Token> result, Token token, int from, int to)
    {
        string text = token.Text.Substring(from, to - from).Trim();
        if (text.Length == 0)
        {
            return;
        }

        SourceSpan span = token.Span;
        result.Add(token with { Text = text, Span = new SourceSpan(span.Line, span.Column + from, to - from) });
    }

    /// <summary>The first token at or after <paramref name="from"/> that opens the part numbered <paramref name="numeral"/> (五、…), or -1.</summary>
    public static int NextPart(List<Token> tokens, int from, int numeral)
    {
        if (numeral is <= 0 or >= 11)
        {
            return -1;
        }

        char c = Numerals[numeral];
        for (int t = Math.Max(from, 0); t < tokens.Count; t++)
        {
            string text = tokens[t].Text.TrimStart('#', '*', ' ', '\u3000', '>');
            if (tokens[t].Kind == TokenKind.Label && text.Length >= 3 && text[0] == c && (text[1] is '、' or '.' or '．' or ',' or '，'))
            {
                return t;
            }
        }

        return -1;
    }

    /// <summary>
    /// The numeral at <paramref name="index"/> opens a part: a mark follows it (二、 二. 二．) and no word precedes it
    /// (表二：… names a table of another numbering).
    /// </summary>
    private static bool OpensPart(string text, int index)
    {
        if (index + 1 >= text.Length || text[index + 1] is not ('、' or '.' or '．' or '，' or ','))
        {
            return false;
        }

        int before = NonSpaceBefore(text, index);
        return before < 0 || !CharClass.IsCjk(text[before]) && !CharClass.IsAsciiLetter(text[before]);
    }

    /// <summary>The numeral at <paramref name="index"/> stands in brackets: （四） numbers an item within a part.</summary>
    private static bool Bracketed(string text, int index)
    {
        int before = NonSpaceBefore(text, index);
        return before >= 0 && text[before] is '(' or '（' or '〔' or '[' or '【';
    }

    // The index of the last character before index that is not a space, or -1.
    private static int NonSpaceBefore(string text, int index)
    {
        int before = index - 1;
        while (before >= 0 && CharClass.IsSpace(text[before]))
        {
            before--;
        }

        return before;
    }

    /// <summary>
    /// Where the headings may stand in one label's text: (heading, offset in the raw text, numbered), in the order
    /// found. A function of the text alone, so an importer keeps it per text from one report to the next.
    /// </summary>
    private static void CandidatesIn(string text, ImmutableArray<TableHeading> headings, List<(int Heading, int RawOffset, bool Numbered)> hits, ref char[] lettersBuffer, ref int[] raw)
    {
        if (lettersBuffer.Length < text.Length)
        {
            lettersBuffer = new char[Math.Max(text.Length, 2 * lettersBuffer.Length)];
            raw = new int[lettersBuffer.Length];
        }

        ReadOnlySpan<char> letters = lettersBuffer.AsSpan(0, Letters(text, lettersBuffer, raw));
        LabelProbe? probe = null;
        for (int h = 0; h < headings.Length; h++)
        {
            char numeral = headings[h].Numeral is > 0 and < 11 ? Numerals[headings[h].Numeral] : '\0';
            // A heading worded a little differently (四、因政府信息公开工作被申请行政复议提起行政诉讼情况, 三、行政机关收到和
            // 处理…): a short label that opens with the numeral and holds or covers nearly all of the heading. A
            // numeral in brackets ((四)…) numbers an item within a part, never a part: it opens no table.
            if (numeral != '\0' && letters.Length > 1 && letters[0] == numeral && text.Length <= 2 * headings[h].Bodies[0].Length + 4 && !Bracketed(text, raw[0]))
            {
                probe ??= new LabelProbe(text);
                foreach (string body in headings[h].Bodies)
                {
                    // Right after the numeral (at 1), the body is found as numbered below; after other words, it is held.
                    int exact = letters.IndexOf(body.AsSpan(), StringComparison.Ordinal);
                    if (exact > 1 || (exact != 1 && probe.Coverage(body) >= 0.85))
                    {
                        hits.Add((h, raw[0], true));
                        break;
                    }
                }
            }

            // The same inside a longer label (a page without line breaks: 四、政府信息公开行政法复议、行政诉讼情况行政复议…):
            // the words right after a numeral that opens a part cover nearly all of the heading.
            for (int p = numeral == '\0' ? -1 : letters.IndexOf(numeral); p >= 0 && p + 1 < letters.Length; p = Next(letters, numeral, p))
            {
                if (!OpensPart(text, raw[p]))
                {
                    continue;
                }

                foreach (string body in headings[h].Bodies)
                {
                    ReadOnlySpan<char> after = letters.Slice(p + 1, Math.Min(body.Length + 4, letters.Length - p - 1));
                    if (after.IndexOf(body.AsSpan(), StringComparison.Ordinal) < 0 && new LabelProbe(after.ToString()).Coverage(body) >= 0.85)
                    {
                        hits.Add((h, raw[p], true));
                        break;
                    }
                }
            }

            foreach (string body in headings[h].Bodies)
            {
                for (int from = 0, hit; from < letters.Length && (hit = letters.Slice(from).IndexOf(body.AsSpan(), StringComparison.Ordinal)) >= 0; from += hit + 1)
                {
                    int at = from + hit;
                    bool numbered = numeral != '\0' && at > 0 && letters[at - 1] == numeral && OpensPart(text, raw[at - 1]);
                    bool alone = at <= 1 && letters.Length <= body.Length + 4 && !EndsSentence(text);
                    if (numbered || alone)
                    {
                        hits.Add((h, raw[numbered ? at - 1 : at], numbered));
                    }
                }
            }
        }
    }

    private static int Next(ReadOnlySpan<char> letters, char c, int after)
    {
        int next = letters.Slice(after + 1).IndexOf(c);
        return next < 0 ? -1 : after + 1 + next;
    }

    /// <summary>
    /// Writes the letters and digits of <paramref name="text"/>, folded, into <paramref name="letters"/> and the index
    /// in the raw text of each into <paramref name="raw"/> (both at least as long as the text); returns their count.
    /// </summary>
    private static int Letters(string text, char[] letters, int[] raw)
    {
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            // Headings are words of the schema's script: Latin letters (pinyin glosses of a mirror) are passed over.
            char c = LabelText.FoldChar(text[i]);
            if (char.IsLetterOrDigit(c) && !(c < '\u0250' && char.IsLetter(c)))
            {
                raw[count] = i;
                letters[count++] = c;
            }
        }

        return count;
    }
}
