using System;
using System.Collections.Generic;

namespace Reports.Core.Import.RunTogether;

/// <summary>
/// Splits a run of glued digits (<c>801000081</c>) into a row's cells: every split into the cell count with no
/// leading zeros is enumerated, and only those the row's identities accept are kept
/// (<c>80|1|0|0|0|0|81</c> is the only split where the total equals the sum of the other six).
/// </summary>
internal static class RunTogetherSplitter
{
    /// <summary>Most splits enumerated before giving up (a run that long is reported as ambiguous).</summary>
    public const int EnumerationLimit = 2_000_000;

    /// <summary>True when <paramref name="text"/> looks like glued digits for <paramref name="cells"/> cells.</summary>
    public static bool IsCandidate(string text, int cells)
    {
        if (cells < 2 || text.Length < cells || text.Length > 60)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The splits of <paramref name="digits"/> into <paramref name="cells"/> non-negative integers that
    /// <paramref name="accept"/> accepts, at most <paramref name="maxResults"/>; <paramref name="exhausted"/> is
    /// false when the enumeration limit was reached first.
    /// </summary>
    public static List<long[]> Split(string digits, int cells, Func<long[], bool> accept, int maxResults, out bool exhausted)
    {
        var results = new List<long[]>();
        var parts = new long[cells];
        long visited = 0;
        bool stopped = false;
        bool limitHit = false;

        void Recurse(int start, int index)
        {
            if (stopped)
            {
                return;
            }

            int remainingCells = cells - index;
            int remainingDigits = digits.Length - start;
            if (remainingCells == 0)
            {
                if (remainingDigits == 0)
                {
                    if (++visited > EnumerationLimit)
                    {
                        stopped = true;
                        limitHit = true;
                        return;
                    }

                    if (accept(parts))
                    {
                        results.Add((long[])parts.Clone());
                        if (results.Count >= maxResults)
                        {
                            stopped = true;
                        }
                    }
                }

                return;
            }

            int maxLen = Math.Min(remainingDigits - (remainingCells - 1), 15);
            for (int len = 1; len <= maxLen; len++)
            {
                if (len > 1 && digits[start] == '0')
                {
                    break;
                }

                parts[index] = long.Parse(digits.AsSpan(start, len), provider: System.Globalization.CultureInfo.InvariantCulture);
                Recurse(start + len, index + 1);
                if (stopped)
                {
                    return;
                }
            }
        }

        Recurse(0, 0);
        exhausted = !limitHit;
        return results;
    }
}
