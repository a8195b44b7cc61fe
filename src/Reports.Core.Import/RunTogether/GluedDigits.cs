using System;
using System.Collections.Generic;
using Reports.Core.Cells;
using Reports.Core.Import.Tokens;
using Reports.Core.Schema;

namespace Reports.Core.Import.RunTogether;

/// <summary>
/// The ways a run of glued digits (<c>151300000154</c>, <c>2648-18538</c>, <c>652.15</c>) splits into the cells of
/// one row: every part written as its cell would be written (no leading zero; a sign only in a signed cell; decimals
/// only in a money cell, no more than it keeps), and every identity within the row holding. The search is bounded by
/// the nodes it visits, not by the splits it completes, so a long run costs a fixed amount of work at most.
/// </summary>
/// <summary>One way to split a run: the values (scaled as their cells keep them) and where each part ends in the text.</summary>
internal sealed record RunSplit(long[] Values, int[] Ends)
{
    public string Format() => Parts is null ? string.Join("|", Values) : string.Join("|", Parts);

    /// <summary>The parts as written (set by <see cref="GluedDigits.Split"/>; an empty cell is empty).</summary>
    public string[]? Parts { get; init; }
}

internal static class GluedDigits
{
    /// <summary>Nodes one row's search may visit.</summary>
    public const int NodeBudget = 50_000;

    /// <summary>Splits kept per row; more are counted as "more than".</summary>
    public const int MaxSplits = 256;

    /// <summary>True for digits, with signs and decimal points between them, enough for <paramref name="cells"/> values.</summary>
    public static bool IsRun(string text, int cells) => cells >= 2 && RunDigits(text) >= cells;

    /// <summary>Longest unit written after a run (元, 万元): which one a cell takes is the cell parser's to say.</summary>
    private const int MaxUnitLength = 2;

    /// <summary>
    /// The most cells <paramref name="text"/> can fill when it is a run (digits with signs and points between them,
    /// perhaps spaces, and perhaps a unit after them: <c>13575394432.52元</c>, <c>0 00000</c>), else 0: one per digit,
    /// and one per gap of spaces (an empty cell may stand there).
    /// </summary>
    public static int RunDigits(string text)
    {
        int cells = 0;
        int end = text.Length - UnitLength(text);
        for (int i = 0; i < end; i++)
        {
            char c = CharClass.Fold(text[i]);
            if (CharClass.IsDigit(c))
            {
                cells++;
            }
            else if (CharClass.IsSpace(c) && i > 0 && i < end - 1)
            {
                cells += CharClass.IsSpace(CharClass.Fold(text[i - 1])) ? 0 : 1;
            }
            else if (!(c is '-' or '+' or '.') || i == end - 1 || (c == '.' && i == 0))
            {
                return 0;
            }
        }

        return cells;
    }

    /// <summary>The length of the letters after the last digit of <paramref name="text"/>, when they may be a unit (at most <see cref="MaxUnitLength"/>).</summary>
    private static int UnitLength(string text)
    {
        int end = text.Length;
        while (end > 0 && text.Length - end <= MaxUnitLength && char.IsLetter(text[end - 1]))
        {
            end--;
        }

        return text.Length - end is > 0 and <= MaxUnitLength && end > 0 && CharClass.IsDigit(CharClass.Fold(text[end - 1])) ? text.Length - end : 0;
    }

    /// <summary>Enumerates the splits of <paramref name="text"/> over <paramref name="cells"/> that <paramref name="accept"/> takes.</summary>
    /// <remarks><c>complete</c> is false when the node budget or <see cref="MaxSplits"/> stopped the search.</remarks>
    public static List<RunSplit> Split(string text, IReadOnlyList<CellInfo> cells, Func<long[], bool> accept, out bool complete)
    {
        var folded = new char[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            folded[i] = CharClass.Fold(text[i]);
        }

        var results = new List<RunSplit>();

        // A unit after the digits belongs to the last cell, if that cell takes it (a count cell takes no 元); it stays
        // in the last part's text, so the unit is read (and checked) with the value.
        int unit = UnitLength(text);
        int digitsEnd = folded.Length - unit;
        if (unit > 0 && (cells.Count == 0 || !CellParser.Parse("1" + text.Substring(digitsEnd), cells[cells.Count - 1], default, out _).IsNumber))
        {
            complete = true;
            return results;
        }

        var parts = new long[cells.Count];
        var ends = new int[cells.Count];
        int nodes = 0;
        bool stopped = false;

        void Recurse(int start, int index)
        {
            if (stopped || ++nodes > NodeBudget)
            {
                stopped = true;
                return;
            }

            // Spaces inside a run are a cell boundary, and an empty cell may stand in them (a flattened empty cell).
            if (start < digitsEnd && CharClass.IsSpace(folded[start]))
            {
                int next = start;
                while (next < digitsEnd && CharClass.IsSpace(folded[next]))
                {
                    next++;
                }

                if (index < cells.Count && start > 0)
                {
                    parts[index] = 0;
                    ends[index] = next;
                    Recurse(next, index + 1);
                }

                start = next;
            }

            if (index == cells.Count)
            {
                if (start == digitsEnd && accept(parts))
                {
                    var at = (int[])ends.Clone();
                    if (cells.Count > 0)
                    {
                        at[cells.Count - 1] = text.Length;
                    }

                    var written = new string[cells.Count];
                    for (int p = 0, from = 0; p < cells.Count; from = at[p], p++)
                    {
                        written[p] = text.Substring(from, at[p] - from).Trim();
                    }

                    results.Add(new RunSplit((long[])parts.Clone(), at) { Parts = written });
                    stopped = results.Count >= MaxSplits;
                }

                return;
            }

            int remaining = cells.Count - index - 1;
            for (int end = start + 1; end <= digitsEnd - remaining && !stopped && !CharClass.IsSpace(folded[end - 1]); end++)
            {
                if (TryPart(folded, start, end, cells[index], out long value))
                {
                    parts[index] = value;
                    ends[index] = end;
                    Recurse(end, index + 1);
                }
                else if (!CanGrow(folded, start, end))
                {
                    break; // a longer part cannot be read either
                }
            }
        }

        Recurse(0, 0);
        complete = !stopped;
        return results;
    }

    /// <summary>Whether a part [start, end) that cannot be read might become readable with more characters.</summary>
    private static bool CanGrow(char[] s, int start, int end)
    {
        int length = end - start;
        if (length > 19)
        {
            return false; // beyond any cell's range
        }

        // A lone sign or a number ending in its decimal point waits for digits; a leading zero never recovers.
        char first = s[start];
        int digitAt = first is '-' or '+' ? start + 1 : start;
        return !(digitAt < end && s[digitAt] == '0' && digitAt + 1 < end && s[digitAt + 1] != '.');
    }

    /// <summary>Reads [start, end) as a value of <paramref name="cell"/> written the way a clerk writes it.</summary>
    private static bool TryPart(char[] s, int start, int end, CellInfo cell, out long value)
    {
        value = 0;
        int i = start;
        bool negative = false;
        if (s[i] is '-' or '+')
        {
            if (cell.Kind != ValueKind.Delta)
            {
                return false;
            }

            negative = s[i] == '-';
            i++;
        }

        if (i >= end || !CharClass.IsDigit(s[i]) || (s[i] == '0' && i + 1 < end && s[i + 1] != '.'))
        {
            return false; // no digits, or a leading zero
        }

        long magnitude = 0;
        int decimals = -1;
        for (; i < end; i++)
        {
            char c = s[i];
            if (c == '.')
            {
                if (decimals >= 0 || cell.Kind != ValueKind.Money || i == end - 1)
                {
                    return false;
                }

                decimals = 0;
                continue;
            }

            if (!CharClass.IsDigit(c) || (decimals >= 0 && ++decimals > cell.Scale) || magnitude > (cell.MaxValue - (c - '0')) / 10)
            {
                return false;
            }

            magnitude = (magnitude * 10) + (c - '0');
        }

        for (int d = Math.Max(decimals, 0); d < cell.Scale; d++)
        {
            if (magnitude > cell.MaxValue / 10)
            {
                return false;
            }

            magnitude *= 10;
        }

        value = negative ? -magnitude : magnitude;
        return value >= cell.MinValue && value <= cell.MaxValue;
    }
}
