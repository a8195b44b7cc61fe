using System;
using System.Globalization;
using Reports.Core.Cells;
using Reports.Core.Reports;
using Reports.Core.Schema;

namespace Reports.Core.Localization;

/// <summary>
/// Weights that rank candidates of one size (after deducorrect's typing-error repairs): a keying slip that turns the
/// repaired value into the published one makes a cell a far likelier culprit than an arbitrary difference.
/// </summary>
internal static class Plausibility
{
    /// <summary>Preference for a total over its parts when both explain the data.</summary>
    public const double TotalBonus = 0.5;

    /// <summary>Penalty for a repaired value the cell cannot hold (a negative count).</summary>
    public const double OutOfRangePenalty = 4;

    /// <summary>Penalty for a changed value the identities leave open.</summary>
    public const double UndeterminedPenalty = 1;

    public static double Weight(TypingError error) => error switch
    {
        TypingError.Transposition => 3.2,
        TypingError.SignFlip => 3.1,
        TypingError.DoubledDigit => 3.0,
        TypingError.DroppedDigit => 2.9,
        TypingError.RowShift => 2.5,
        TypingError.ExtraDigit => 2.0,
        TypingError.DigitSubstitution => 1.0,
        _ => 0,
    };

    /// <summary>The typing slip that turns <paramref name="repaired"/> into <paramref name="published"/> at <paramref name="ordinal"/>.</summary>
    public static TypingError Classify(ConstraintSystem system, ReportCells cells, int ordinal, long published, long repaired)
    {
        if (published == repaired)
        {
            return TypingError.None;
        }

        if (published == -repaired)
        {
            return TypingError.SignFlip;
        }

        if ((published < 0) == (repaired < 0))
        {
            TypingError digits = Digits(Abs(published), Abs(repaired));
            if (digits is TypingError.Transposition or TypingError.DoubledDigit or TypingError.DroppedDigit)
            {
                return digits;
            }

            if (IsNeighbour(cells, system.Above[ordinal], published, repaired) || IsNeighbour(cells, system.Below[ordinal], published, repaired))
            {
                return TypingError.RowShift;
            }

            return digits;
        }

        return IsNeighbour(cells, system.Above[ordinal], published, repaired) || IsNeighbour(cells, system.Below[ordinal], published, repaired)
            ? TypingError.RowShift
            : TypingError.None;
    }

    /// <summary>The weight of one changed cell.</summary>
    public static double Score(ConstraintSystem system, CellInfo cell, long? repaired, TypingError error)
    {
        double score = Weight(error);
        if (system.IsTotal[cell.Ordinal])
        {
            score += TotalBonus;
        }

        if (repaired is not long value)
        {
            score -= UndeterminedPenalty;
        }
        else if (value < cell.MinValue || value > cell.MaxValue)
        {
            score -= OutOfRangePenalty;
        }

        return score;
    }

    // The clerk typed the neighbouring row's value here, or this row's value belongs one row over.
    private static bool IsNeighbour(ReportCells cells, int neighbour, long published, long repaired) =>
        neighbour >= 0 && cells.StateAt(neighbour) == CellState.Number && (cells.Values[neighbour] == published || cells.Values[neighbour] == repaired) && published != 0;

    private static ulong Abs(long v) => v < 0 ? (ulong)(-(v + 1)) + 1 : (ulong)v;

    private static TypingError Digits(ulong published, ulong repaired)
    {
        string p = published.ToString(CultureInfo.InvariantCulture);
        string q = repaired.ToString(CultureInfo.InvariantCulture);
        if (p.Length == q.Length)
        {
            int first = -1, second = -1, count = 0;
            for (int i = 0; i < p.Length; i++)
            {
                if (p[i] != q[i])
                {
                    count++;
                    if (first < 0)
                    {
                        first = i;
                    }
                    else
                    {
                        second = i;
                    }
                }
            }

            if (count == 1)
            {
                return TypingError.DigitSubstitution;
            }

            return count == 2 && second == first + 1 && p[first] == q[second] && p[second] == q[first] ? TypingError.Transposition : TypingError.None;
        }

        if (p.Length == q.Length + 1)
        {
            // One digit too many in the published text: a repeat of its neighbour is a doubled key.
            for (int i = 0; i < p.Length; i++)
            {
                if (string.CompareOrdinal(p.Remove(i, 1), q) == 0)
                {
                    return (i > 0 && p[i - 1] == p[i]) || (i + 1 < p.Length && p[i + 1] == p[i]) ? TypingError.DoubledDigit : TypingError.ExtraDigit;
                }
            }
        }
        else if (q.Length == p.Length + 1)
        {
            for (int i = 0; i < q.Length; i++)
            {
                if (string.CompareOrdinal(q.Remove(i, 1), p) == 0)
                {
                    return TypingError.DroppedDigit;
                }
            }
        }

        return TypingError.None;
    }

    /// <summary>Formats an error kind as words for messages.</summary>
    public static string Describe(TypingError error) => error switch
    {
        TypingError.Transposition => "digits transposed",
        TypingError.SignFlip => "sign flipped",
        TypingError.DoubledDigit => "a digit doubled",
        TypingError.DroppedDigit => "a digit dropped",
        TypingError.RowShift => "value of the neighbouring row",
        TypingError.ExtraDigit => "a digit too many",
        TypingError.DigitSubstitution => "one digit mistyped",
        _ => string.Empty,
    };

    internal static string Format(long value, byte scale) => Cell.FormatScaled(value, scale);

    internal static int Compare(RepairCandidate x, RepairCandidate y)
    {
        int c = x.Size.CompareTo(y.Size);
        if (c != 0)
        {
            return c;
        }

        c = y.Plausibility.CompareTo(x.Plausibility);
        if (c != 0)
        {
            return c;
        }

        for (int i = 0; i < Math.Min(x.Changes.Length, y.Changes.Length); i++)
        {
            c = x.Changes[i].Cell.Ordinal.CompareTo(y.Changes[i].Cell.Ordinal);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }
}
