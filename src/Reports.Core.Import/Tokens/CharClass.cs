namespace Reports.Core.Import.Tokens;

/// <summary>Character classes the tokenizer decides by, on text folded to half-width.</summary>
internal static class CharClass
{
    /// <summary>Counters that make a number part of a sentence ("收到申请154件"), not a cell, when words follow them.</summary>
    private const string Counters = "件条项个次篇人家起宗余年月日号%倍份届名户位天期批余多";

    /// <summary>Full-width ASCII to half-width, ideographic and no-break spaces to a space; one char to one char.</summary>
    public static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' or '\u200B' or '\uFEFF' or '\f' or '\t' or '\r' or '\v' => ' ',
        '−' or '–' => '-',
        _ => c,
    };

    /// <summary>ASCII digit (full-width ones are folded first; other scripts' digits are words).</summary>
    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    public static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    public static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    public static bool IsCounter(char c) => Counters.IndexOf(c) >= 0;

    /// <summary>White space including the ideographic and no-break spaces.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n' or '\f' or '\v' or '\u3000' or '\u00A0' or '\u200B' or '\uFEFF';

    /// <summary>True when <paramref name="text"/> is only white space and at least one char of it is not ASCII (U+3000, NBSP): a cell someone left blank.</summary>
    public static bool IsStatedBlank(System.ReadOnlySpan<char> text)
    {
        bool stated = false;
        foreach (char c in text)
        {
            if (!IsSpace(c))
            {
                return false;
            }

            // Stryker disable once Equality : only white space reaches here, and none of it is U+007F (DEL is no space), so >= and > agree.
            stated |= c > '\u007F';
        }

        return stated;
    }
}
