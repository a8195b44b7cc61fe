using System;

namespace Reports.Core.Localization;

/// <summary>
/// Exact integer Gauss–Jordan elimination of a small dense system A·x = b (fraction-free, rows kept reduced by
/// their gcd). Says whether the system is consistent, and which unknowns it determines, with their values.
/// </summary>
internal static class ExactSolver
{
    /// <summary>
    /// Solves the <paramref name="rows"/> × <paramref name="cols"/> system held row-major in <paramref name="a"/>
    /// (the right-hand side in <paramref name="b"/>); both are overwritten. False when the system has no solution,
    /// or forces an unknown to a non-integer value. <paramref name="determined"/> and <paramref name="values"/>
    /// receive, for each unknown, whether its value is forced and the value.
    /// </summary>
    public static bool Solve(Span<Int128> a, Span<Int128> b, int rows, int cols, Span<bool> determined, Span<Int128> values)
    {
        try
        {
            return SolveChecked(a, b, rows, cols, determined, values);
        }
        catch (OverflowException)
        {
            return false; // values beyond any cell's range: no repair to offer
        }
    }

    private static bool SolveChecked(Span<Int128> a, Span<Int128> b, int rows, int cols, Span<bool> determined, Span<Int128> values)
    {
        Span<int> pivotCol = rows <= 64 ? stackalloc int[rows] : new int[rows];
        int rank = 0;
        for (int col = 0; col < cols && rank < rows; col++)
        {
            int pivot = -1;
            for (int r = rank; r < rows; r++)
            {
                if (a[(r * cols) + col] != 0)
                {
                    pivot = r;
                    break;
                }
            }

            if (pivot < 0)
            {
                continue;
            }

            if (pivot != rank)
            {
                for (int j = 0; j < cols; j++)
                {
                    (a[(pivot * cols) + j], a[(rank * cols) + j]) = (a[(rank * cols) + j], a[(pivot * cols) + j]);
                }

                (b[pivot], b[rank]) = (b[rank], b[pivot]);
            }

            Int128 p = a[(rank * cols) + col];
            for (int r = 0; r < rows; r++)
            {
                Int128 f = a[(r * cols) + col];
                if (r == rank || f == 0)
                {
                    continue;
                }

                Int128 g = Gcd(p, f);
                Int128 mp = checked(p / g);
                Int128 mf = checked(f / g);
                Int128 rowGcd = 0;
                for (int j = 0; j < cols; j++)
                {
                    Int128 v = checked((a[(r * cols) + j] * mp) - (a[(rank * cols) + j] * mf));
                    a[(r * cols) + j] = v;
                    rowGcd = Gcd(rowGcd, v);
                }

                Int128 rhs = checked((b[r] * mp) - (b[rank] * mf));
                b[r] = rhs;
                rowGcd = Gcd(rowGcd, rhs);
                if (rowGcd > 1)
                {
                    for (int j = 0; j < cols; j++)
                    {
                        a[(r * cols) + j] /= rowGcd;
                    }

                    b[r] /= rowGcd;
                }
            }

            pivotCol[rank] = col;
            rank++;
        }

        for (int r = rank; r < rows; r++)
        {
            if (b[r] != 0)
            {
                return false; // 0 = b ≠ 0
            }
        }

        determined.Clear();
        for (int r = 0; r < rank; r++)
        {
            int col = pivotCol[r];
            bool alone = true;
            for (int j = 0; j < cols && alone; j++)
            {
                alone = j == col || a[(r * cols) + j] == 0;
            }

            if (!alone)
            {
                continue;
            }

            Int128 p = a[(r * cols) + col];
            if (b[r] % p != 0)
            {
                return false; // forced to a fraction: no integer repair
            }

            determined[col] = true;
            values[col] = b[r] / p;
        }

        return true;
    }

    private static Int128 Gcd(Int128 x, Int128 y)
    {
        x = x < 0 ? checked(-x) : x;
        y = y < 0 ? checked(-y) : y;
        while (y != 0)
        {
            (x, y) = (y, x % y);
        }

        return x;
    }
}
