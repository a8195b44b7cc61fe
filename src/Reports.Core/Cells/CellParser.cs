using System;
using Reports.Core.Schema;

namespace Reports.Core.Cells;

/// <summary>
/// Reads the text of one published cell. Accepts what agencies write: ASCII and full-width digits,
/// a leading <c>+</c>, <c>-</c> or <c>−</c>, thousands separators (in groups of three only: <c>1,234</c>, never
/// <c>1,2</c>), a trailing unit that fits the cell (件, 项, 个, 起, 宗 for counts; 元, 万元 for money), and the
/// not-applicable markers. Never throws: what cannot be read becomes <see cref="CellState.Text"/>, so a unit that
/// does not fit the cell (<c>3元</c> in a count) is reported rather than dropped.
/// </summary>
public static class CellParser
{
    private static readonly string[] NotApplicableMarkers = { "/", "／", "—", "——", "-", "－", "–", "─", "\\", "_", "＿" };
    private static readonly string[] MoneyUnits = { "万元", "元" };
    private static readonly string[] CountUnits = { "件", "项", "个", "起", "宗" };

    /// <summary>
    /// Parses <paramref name="raw"/> as a cell with <paramref name="scale"/> decimal places kept. Scale 0 reads the
    /// text as a count (count units only), a positive scale as money (money units only); prefer
    /// <see cref="Parse(string?, CellInfo, SourceSpan, out string?)"/>, which knows the cell's kind.
    /// </summary>
    /// <param name="raw">The cell text as published.</param>
    /// <param name="scale">Decimal places of the cell's value kind (0 for counts).</param>
    /// <param name="span">Where the text stands.</param>
    public static Cell Parse(string? raw, int scale = 0, SourceSpan span = default) => Parse(raw, scale, span, out _);

    /// <summary>Parses <paramref name="raw"/>; <paramref name="unit"/> receives a unit written after the number, if any.</summary>
    public static Cell Parse(string? raw, int scale, SourceSpan span, out string? unit) =>
        Parse(raw, scale, scale > 0, span, out unit);

    /// <summary>
    /// Parses <paramref name="raw"/> for <paramref name="cell"/>: its scale, and the units its kind allows (a money
    /// unit in a count cell, or a count unit in a money cell, makes the text unreadable). <paramref name="unit"/>
    /// receives the unit written after the number, if any; compare it with <see cref="CellInfo.Unit"/>.
    /// </summary>
    public static Cell Parse(string? raw, CellInfo cell, SourceSpan span, out string? unit)
    {
        if (cell is null)
        {
            throw new ArgumentNullException(nameof(cell));
        }

        return Parse(raw, cell.Scale, cell.Kind == ValueKind.Money, span, out unit);
    }

    private static Cell Parse(string? raw, int scale, bool money, SourceSpan span, out string? unit)
    {
        unit = null;
        if (raw is null)
        {
            return Cell.Missing;
        }

        ReadOnlySpan<char> text = Trim(raw.AsSpan());
        if (text.IsEmpty)
        {
            return Cell.Blank(raw, span);
        }

        foreach (string marker in NotApplicableMarkers)
        {
            if (text.SequenceEqual(marker.AsSpan()))
            {
                return Cell.NotApplicable(raw, span);
            }
        }

        foreach (string suffix in money ? MoneyUnits : CountUnits)
        {
            if (text.Length > suffix.Length && text.EndsWith(suffix.AsSpan(), StringComparison.Ordinal))
            {
                unit = suffix;
                text = Trim(text.Slice(0, text.Length - suffix.Length));
                break;
            }
        }

        return TryParseScaled(text, scale, out long value)
            ? Cell.Number(value, (byte)scale, raw, span)
            : Cell.Text(raw, span);
    }

    /// <summary>
    /// Parses a plain number into a scaled integer. False when the text is not a number, has more
    /// significant decimals than <paramref name="scale"/> allows, or does not fit in 64 bits.
    /// </summary>
    public static bool TryParseScaled(ReadOnlySpan<char> text, int scale, out long value) =>
        ParseScaled(text, scale, out value) == NumberStatus.Number;

    /// <summary>
    /// True when <paramref name="raw"/> is written as a number (plain, grouped, with a unit, or as a JSON number with an
    /// exponent) whose value is too large to hold: validation reports it as out of range (RC1004), not as unreadable.
    /// </summary>
    internal static bool IsOutOfRangeNumber(string? raw, int scale)
    {
        if (raw is null)
        {
            return false;
        }

        ReadOnlySpan<char> text = Trim(raw.AsSpan());
        foreach (string suffix in MoneyUnits)
        {
            text = StripUnit(text, suffix);
        }

        foreach (string suffix in CountUnits)
        {
            text = StripUnit(text, suffix);
        }

        if (ParseScaled(text, scale, out _) == NumberStatus.OutOfRange)
        {
            return true;
        }

        if (text.IsEmpty || text.Length > 4096 || text.IndexOfAny('e', 'E') < 0)
        {
            return false;
        }

        byte[] ascii = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            // Stryker disable once Equality : a DEL (127) is no character of a JSON number, so JsonNumber.Parse says NotANumber: false either way.
            if (text[i] > 127)
            {
                return false;
            }

            ascii[i] = (byte)text[i];
        }

        return Json.JsonNumber.Parse(ascii, scale, out _) == NumberStatus.OutOfRange;

        static ReadOnlySpan<char> StripUnit(ReadOnlySpan<char> t, string unit) =>
            t.Length > unit.Length && t.EndsWith(unit.AsSpan(), StringComparison.Ordinal) ? Trim(t.Slice(0, t.Length - unit.Length)) : t;
    }

    private static NumberStatus ParseScaled(ReadOnlySpan<char> text, int scale, out long value)
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (text.Length > 0 && (text[0] is '+' or '＋'))
        {
            i++;
        }
        else if (text.Length > 0 && (text[0] is '-' or '−' or '－'))
        {
            negative = true;
            i++;
        }

        if (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        long magnitude = 0;
        int digits = 0;
        int fractionDigits = -1;
        int group = -1; // digits since the last thousands separator; -1 before the first one
        bool overflow = false;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            int d = c is >= '0' and <= '9' ? c - '0' : c is >= '０' and <= '９' ? c - '０' : -1;
            if (d >= 0)
            {
                digits++;
                // Stryker disable once Equality : after the decimal point no separator is accepted and the group count is never read again.
                if (group >= 0 && fractionDigits < 0)
                {
                    group++;
                }

                if (fractionDigits >= 0)
                {
                    fractionDigits++;
                    if (fractionDigits > scale)
                    {
                        if (d != 0)
                        {
                            return NumberStatus.TooPrecise; // more precision than the schema keeps
                        }

                        continue;
                    }
                }

                if (magnitude > (long.MaxValue - d) / 10)
                {
                    overflow = true;
                    // Stryker disable once Statement : once overflow is set the result is OutOfRange whatever magnitude becomes (unchecked arithmetic wraps, nothing reads it).
                    continue; // keep checking that the rest is a number
                }

                magnitude = (magnitude * 10) + d;
            }
            else if ((c is '.' or '．') && fractionDigits < 0 && digits > 0 && group is -1 or 3)
            {
                fractionDigits = 0;
            }
            else if ((c is ',' or '，') && fractionDigits < 0 && (group == -1 ? digits is >= 1 and <= 3 : group == 3))
            {
                group = 0; // a separator stands after 1–3 leading digits, then after every three
            }
            else
            {
                return NumberStatus.NotANumber;
            }
        }

        // Stryker disable once Equality : a point is only accepted after a whole group (group -1 or 3), so with no digit after it the group test fails either way.
        if (digits == 0 || (fractionDigits < 0 && group is >= 0 and not 3))
        {
            return NumberStatus.NotANumber;
        }

        if (overflow)
        {
            return NumberStatus.OutOfRange;
        }

        for (int f = Math.Max(fractionDigits, 0); f < scale; f++)
        {
            if (magnitude > long.MaxValue / 10)
            {
                return NumberStatus.OutOfRange;
            }

            magnitude *= 10;
        }

        value = negative ? -magnitude : magnitude;
        return NumberStatus.Number;
    }

    /// <summary>Trims ASCII white space, U+3000, no-break spaces and zero-width characters.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text)
    {
        int start = 0;
        int end = text.Length;
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return text.Slice(start, end - start);
    }

    // Stryker disable once Logical : char.IsWhiteSpace already holds for U+3000 and U+00A0 (both Zs); naming them is for the reader.
    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u3000' or '\u00A0' or '\u200B' or '\uFEFF';
}

/// <summary>What reading a number found.</summary>
internal enum NumberStatus
{
    /// <summary>A number that fits.</summary>
    Number,

    /// <summary>Not a number at all.</summary>
    NotANumber,

    /// <summary>A number with more significant decimals than the cell keeps (<c>1.5</c> in a count, <c>1e-400</c>).</summary>
    TooPrecise,

    /// <summary>A number too large to hold in 64 bits.</summary>
    OutOfRange,
}
