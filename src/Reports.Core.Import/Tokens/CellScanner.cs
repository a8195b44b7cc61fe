using System;
using System.Collections.Generic;
using Reports.Core.Cells;

namespace Reports.Core.Import.Tokens;

/// <summary>
/// Cuts the text of one cell (or of a whole line where no separators mark cells) into label and value tokens. A cell
/// that is a number, a not-applicable marker or a run of digits is one value; otherwise numbers embedded in words are
/// values where nothing makes them part of the words: a counter after them (<c>154件，</c>), a <c>第</c> or a letter
/// before them, or a numbering mark (<c>2.</c>, <c>3、</c>) that begins the next label (<c>00000002.其他法律…</c>
/// gives the value <c>0000000</c> and the label <c>2.其他法律…</c>).
/// </summary>
internal static class CellScanner
{
    private const string NotApplicableExtras = "_＿";

    // Cells and lines up to this many characters are folded on the stack.
    private const int MaxStackFold = 512;

    public static void Scan(string raw, int lineNumber, int column, int line, LineLayout layout, bool explicitCell, bool lastCell, List<Token> output) =>
        Scan(raw, 0, raw.Length, lineNumber, column, line, layout, explicitCell, lastCell, output);

    /// <summary>Scans the cell <c>source[from, from + length)</c> (a piece of a line, not copied out first).</summary>
    public static void Scan(string source, int from, int length, int lineNumber, int column, int line, LineLayout layout, bool explicitCell, bool lastCell, List<Token> output)
    {
        ReadOnlySpan<char> raw = source.AsSpan(from, length);
        int start = 0, end = raw.Length;
        while (start < end && CharClass.IsSpace(raw[start]))
        {
            start++;
        }

        while (end > start && CharClass.IsSpace(raw[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            if (explicitCell || CharClass.IsStatedBlank(raw))
            {
                output.Add(new Token(TokenKind.Empty, string.Empty, new SourceSpan(lineNumber, column, 0), line, layout));
            }

            return;
        }

        string text = source.Substring(from + start, end - start); // the string itself when that is all of it
        int col = column + start;
        if (IsBareNumbering(text))
        {
            // "1." or "2、" alone: a row's numbering whose words were cut off or wrapped, never a count.
            output.Add(new Token(TokenKind.Label, text, new SourceSpan(lineNumber, col, text.Length), line, layout));
            return;
        }

        if (IsWholeValue(text))
        {
            output.Add(new Token(TokenKind.Value, text, new SourceSpan(lineNumber, col, text.Length), line, layout) { Glued = OpensWithZero(text) });
            return;
        }

        Span<char> folded = text.Length <= MaxStackFold ? stackalloc char[text.Length] : new char[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            folded[i] = CharClass.Fold(text[i]);
        }

        int first = output.Count;
        int values = 0;
        int labelStart = 0;
        int p = 0;
        while (p < folded.Length)
        {
            if (!StartsNumber(folded, p))
            {
                p++;
                continue;
            }

            int q = NumberEnd(folded, p);
            (bool isValue, int valueEnd, int nextLabel) = Decide(folded, p, q);
            if (!isValue)
            {
                p = q;
                continue;
            }

            AddLabel(text, labelStart, p, lineNumber, col, line, layout, output);
            // Glued: written against the words before or after it, with no space (规章000, 申请 80000082.申请人).
            string value = text.Substring(p, valueEnd - p);
            bool glued = (p > 0 && !CharClass.IsSpace(folded[p - 1])) || (valueEnd < folded.Length && !CharClass.IsSpace(folded[valueEnd])) || OpensWithZero(value);
            output.Add(new Token(TokenKind.Value, value, new SourceSpan(lineNumber, col + p, valueEnd - p), line, layout) { Glued = glued });
            values++;
            labelStart = nextLabel;
            p = nextLabel;
        }

        AddLabel(text, labelStart, folded.Length, lineNumber, col, line, layout, output);

        // "减4", "约5": one glued character is no label; the cell is words in a number cell.
        if (values == 1 && output.Count - first == 2 && output[first].Kind == TokenKind.Label && output[first].Text.Length == 1 && output[first + 1].Glued)
        {
            output.RemoveRange(first, 2);
            output.Add(new Token(TokenKind.Value, text, new SourceSpan(lineNumber, col, text.Length), line, layout));
        }
        else if (explicitCell && values > 0 && !(lastCell && values == 1 && output.Count - first == 2 && output[first].Kind == TokenKind.Label))
        {
            // An explicit cell is one thing; the only split it takes is a label with a value glued to its end, in
            // the last cell of a row (a label merged into the value cells).
            output.RemoveRange(first, output.Count - first);
            output.Add(new Token(TokenKind.Label, text, new SourceSpan(lineNumber, col, text.Length), line, layout));
        }
        else if (!explicitCell)
        {
            JoinSpacedRuns(text, col, output, first);
        }
    }

    /// <summary>
    /// Values of digits that stand next to each other with only spaces between them. Where one of them opens with a
    /// zero (<c>230 000023</c>, <c>23 0 00 0 023</c>) no clerk wrote cells so: they are one run (a flattened page), with
    /// the spaces kept, for a space is a cell boundary, perhaps an empty cell; the table's identities decide the split.
    /// Other chains (<c>…情形）500000 5（三）不予公开</c>, <c>5 0 0 0 0 0 5</c>) may be either: their values are marked
    /// <see cref="Token.Chained"/> and the alignment reads a chain as one run only when its values are too few to be the
    /// row's cells.
    /// </summary>
    private static void JoinSpacedRuns(string text, int col, List<Token> output, int first)
    {
        for (int i = first; i < output.Count; i++)
        {
            int j = i;
            bool zero = false;
            while (j < output.Count && output[j].Kind == TokenKind.Value && IsDigits(output[j].Text) && (j == i || OnlySpacesBetween(text, col, output[j - 1], output[j])))
            {
                zero |= OpensWithZero(output[j].Text);
                j++;
            }

            if (j - i < 2)
            {
                continue;
            }

            Token head = output[i], tail = output[j - 1];
            int from = head.Span.Column - col, to = tail.Span.Column + tail.Span.Length - col;
            if (zero)
            {
                output.RemoveRange(i, j - i);
                output.Insert(i, head with { Text = text.Substring(from, to - from), Span = new SourceSpan(head.Span.Line, head.Span.Column, to - from), Glued = true });
            }
            else
            {
                // Perhaps cells, perhaps one run with spaces in it: the alignment decides by the row's number of cells.
                for (int k = i; k < j; k++)
                {
                    output[k] = output[k] with { Chained = true };
                }

                i = j - 1;
            }
        }
    }

    private static bool OnlySpacesBetween(string text, int col, Token left, Token right)
    {
        int from = left.Span.Column + left.Span.Length - col, to = right.Span.Column - col;
        // Stryker disable once Logical,Equality : only asked about two consecutive digit values of one scan, and a digit value never begins where the one before ends (a number starts after a non-digit), so 1 <= from < to < text.Length: the guard never holds.
        if (from < 0 || to > text.Length || from >= to)
        {
            return false;
        }

        // Stryker disable once Equality : between two consecutive values of one scan stand only spaces (anything else is cut off as a label between them), so the loop finds none and the answer is true, run or not.
        for (int k = from; k < to; k++)
        {
            if (!CharClass.IsSpace(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(string text)
    {
        foreach (char c in text)
        {
            if (!CharClass.IsDigit(CharClass.Fold(c)))
            {
                return false;
            }
        }

        // Stryker disable once Equality : no text asked about here is empty: every value token has a digit, and OpensWithZero asks only of two characters or more.
        return text.Length > 0;
    }

    /// <summary>
    /// Digits that open with a zero and go on (<c>0000000</c>, <c>000023</c>): no count is written so, so they are cells
    /// run together even where spaces stand around them.
    /// </summary>
    private static bool OpensWithZero(string text) => text.Length >= 2 && CharClass.Fold(text[0]) == '0' && IsDigits(text);

    /// <summary>One or two digits and a numbering mark, nothing else (<c>1.</c>, <c>2、</c>): no cell is written so.</summary>
    private static bool IsBareNumbering(string text)
    {
        int digits = text.Length - 1;
        if (digits is < 1 or > 2 || text[text.Length - 1] is not ('.' or '、' or '．'))
        {
            return false;
        }

        for (int i = 0; i < digits; i++)
        {
            if (!CharClass.IsDigit(CharClass.Fold(text[i])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A number (with or without a unit), a not-applicable marker, or a run of digits of any length.</summary>
    public static bool IsWholeValue(string text)
    {
        bool digits = text.Length > 0;
        foreach (char c in text)
        {
            if (!CharClass.IsDigit(CharClass.Fold(c)))
            {
                digits = false;
                break;
            }
        }

        // Stryker disable once Equality : '_' (index 0) is also one of CellParser's not-applicable markers, so Parse below says NotApplicable for it either way.
        if (digits || (text.Length == 1 && NotApplicableExtras.IndexOf(text[0]) >= 0))
        {
            return true;
        }

        CellState state = CellParser.Parse(text, 6).State;
        return state is CellState.Number or CellState.NotApplicable;
    }

    private static bool StartsNumber(ReadOnlySpan<char> s, int p)
    {
        if (CharClass.IsDigit(s[p]))
        {
            return p == 0 || !CharClass.IsDigit(s[p - 1]);
        }

        // A sign belongs to the number only at the start of a word: "+3", " -14".
        return s[p] is '+' or '-' && p + 1 < s.Length && CharClass.IsDigit(s[p + 1]) && (p == 0 || s[p - 1] == ' ');
    }

    private static int NumberEnd(ReadOnlySpan<char> s, int p)
    {
        int q = p;
        if (s[q] is '+' or '-')
        {
            q++;
        }

        while (q < s.Length && CharClass.IsDigit(s[q]))
        {
            q++;
        }

        // Groups of exactly three after a comma, then one decimal part.
        while (q + 3 < s.Length + 0 && s[q] == ',' && CharClass.IsDigit(s[q + 1]) && CharClass.IsDigit(s[q + 2]) && CharClass.IsDigit(s[q + 3]) && (q + 4 >= s.Length || !CharClass.IsDigit(s[q + 4])))
        {
            q += 4;
        }

        q = Fraction(s, q);

        // Signed parts glued on (2648-18538): one run of digits for the row's cells to split.
        while (q + 1 < s.Length && s[q] is '-' or '+' && CharClass.IsDigit(s[q + 1]))
        {
            q++;
            while (q < s.Length && CharClass.IsDigit(s[q]))
            {
                q++;
            }

            q = Fraction(s, q);
        }

        return q;
    }

    private static int Fraction(ReadOnlySpan<char> s, int q)
    {
        if (q + 1 < s.Length && s[q] == '.' && CharClass.IsDigit(s[q + 1]))
        {
            q++;
            while (q < s.Length && CharClass.IsDigit(s[q]))
            {
                q++;
            }
        }

        return q;
    }

    /// <summary>Whether the number at [p, q) is a value; where the value ends (a unit included) and the next label begins.</summary>
    private static (bool IsValue, int ValueEnd, int NextLabel) Decide(ReadOnlySpan<char> s, int p, int q)
    {
        char left = p == 0 ? ' ' : s[p - 1];
        if (CharClass.IsAsciiLetter(left) || left is '第' or '.' or '/' or ':' or '-' or '~' or '_' or '#')
        {
            return (false, q, q);
        }

        // A page number between dashes ("— 5 —", "- 12 -") is page furniture, not a cell.
        if (IsDash(Neighbour(s, p - 1, -1)) && IsDash(Neighbour(s, q, +1)))
        {
            return (false, q, q);
        }

        // A counter after spaces still makes the number part of the words ("2020 年,我单位…").
        int next = q;
        while (next < s.Length && s[next] == ' ')
        {
            next++;
        }

        // Stryker disable once Equality : the cell's text is trimmed, so spaces after the number (next > q) are always followed by a character: next < s.Length holds whenever next > q.
        if (next > q && next < s.Length && CharClass.IsCounter(s[next]) && next + 1 < s.Length && !CharClass.IsSpace(s[next + 1]))
        {
            return (false, q, q);
        }

        char right = q < s.Length ? s[q] : ' ';
        bool wordAfter = q + 1 < s.Length && (CharClass.IsCjk(s[q + 1]) || CharClass.IsAsciiLetter(s[q + 1]));
        if (right is '.' or '、' && wordAfter)
        {
            // A numbering mark: the whole number when short, else its last digit begins the next label.
            int digits = q - p;
            bool freeStanding = left is ' ' or '(' or '（' or '|';
            if (digits == 1 || (digits == 2 && freeStanding && p > 0) || (digits == 2 && p == 0))
            {
                return (false, q, q);
            }

            return (true, q - 1, q - 1);
        }

        int unit = UnitLength(s, q);
        if (unit > 0)
        {
            return (true, q + unit, q + unit);
        }

        if (CharClass.IsCounter(right))
        {
            // "5件" closing a cell is a value with a unit; "154件，" inside a sentence is words.
            int after = q + 1;
            // Stryker disable once Update,Equality : the cell's text is trimmed, so spaces after a counter are always followed by a word: skipped or not (after > s.Length, after--), after stays short of the end exactly when it would have.
            while (after < s.Length && s[after] == ' ')
            {
                after++;
            }

            return after >= s.Length ? (true, q + 1, q + 1) : (false, q, q);
        }

        if (CharClass.IsAsciiLetter(right) || right is '-' or '/' or '~' or ':' or '%' or '_' or '.')
        {
            return (false, q, q);
        }

        return (true, q, q);
    }

    /// <summary>The first non-space character from <paramref name="i"/> in direction <paramref name="step"/>, or a space.</summary>
    private static char Neighbour(ReadOnlySpan<char> s, int i, int step)
    {
        while (i >= 0 && i < s.Length && s[i] == ' ')
        {
            i += step;
        }

        return i >= 0 && i < s.Length ? s[i] : ' ';
    }

    private static bool IsDash(char c) => c is '-' or '—' or '–' or '－' or '─';

    private static int UnitLength(ReadOnlySpan<char> s, int q)
    {
        if (q < s.Length && s[q] == '元')
        {
            return 1;
        }

        if (q + 1 < s.Length && s[q] is '万' or '亿' && s[q + 1] == '元')
        {
            return 2;
        }

        return 0;
    }

    private static void AddLabel(string text, int from, int to, int lineNumber, int col, int line, LineLayout layout, List<Token> output)
    {
        while (from < to && CharClass.IsSpace(text[from]))
        {
            from++;
        }

        while (to > from && CharClass.IsSpace(text[to - 1]))
        {
            to--;
        }

        if (to > from)
        {
            output.Add(new Token(TokenKind.Label, text.Substring(from, to - from), new SourceSpan(lineNumber, col + from, to - from), line, layout));
        }
    }
}
