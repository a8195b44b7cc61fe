using System;
using Reports.Core.Cells;

namespace Reports.Core.Json;

/// <summary>
/// Exact reading of a JSON number token into a scaled integer (value × 10^scale), without going through
/// <see cref="decimal"/> or <see cref="double"/>: <c>1e-400</c> is not 0, <c>1.00e2</c> is 100, and a value that does
/// not fit is reported as such instead of overflowing. Linear in the token's length.
/// </summary>
internal static class JsonNumber
{
    /// <summary>
    /// True when <paramref name="token"/> (a number token the reader has validated) stands for a value with at most
    /// <paramref name="scale"/> significant decimals whose scaled integer fits in 64 bits.
    /// </summary>
    public static bool TryParseScaled(ReadOnlySpan<byte> token, int scale, out long value) =>
        Parse(token, scale, out value) == NumberStatus.Number;

    /// <summary>Reads <paramref name="token"/>; says why it does not fit when it does not.</summary>
    public static NumberStatus Parse(ReadOnlySpan<byte> token, int scale, out long value)
    {
        value = 0;
        int i = 0;
        bool negative = i < token.Length && token[i] == (byte)'-';
        if (negative)
        {
            i++;
        }

        // Significant digits (leading zeros dropped), and the power of ten of the last one.
        int firstDigit = -1;
        int lastNonZero = -1;
        int pointAt = -1; // digits before the decimal point, when there is one
        int digitCount = 0;
        for (; i < token.Length; i++)
        {
            byte c = token[i];
            if (c >= (byte)'0' && c <= (byte)'9')
            {
                if (firstDigit < 0 && c != (byte)'0')
                {
                    firstDigit = digitCount;
                }

                if (c != (byte)'0')
                {
                    lastNonZero = digitCount;
                }

                digitCount++;
            }
            else if (c == (byte)'.')
            {
                pointAt = digitCount;
            }
            else
            {
                break;
            }
        }

        long fractionDigits = pointAt < 0 ? 0 : digitCount - pointAt;
        long exponent = 0;
        if (i < token.Length && (token[i] == (byte)'e' || token[i] == (byte)'E'))
        {
            i++;
            bool negativeExponent = false;
            if (i < token.Length && (token[i] == (byte)'+' || token[i] == (byte)'-'))
            {
                negativeExponent = token[i] == (byte)'-';
                i++;
            }

            for (; i < token.Length; i++)
            {
                uint d = (uint)(token[i] - (byte)'0');
                if (d > 9)
                {
                    return NumberStatus.NotANumber;
                }

                exponent = exponent > 1_000_000_000 ? exponent : (exponent * 10) + d; // saturates far above any use
            }

            exponent = negativeExponent ? -exponent : exponent;
        }

        if (i != token.Length || digitCount == 0)
        {
            return NumberStatus.NotANumber;
        }

        if (firstDigit < 0)
        {
            return NumberStatus.Number; // zero, written however
        }

        // value = digits[firstDigit..lastNonZero] × 10^power
        long trailingZeros = digitCount - 1 - lastNonZero;
        long power = exponent - fractionDigits + trailingZeros + scale;
        if (power < 0)
        {
            return NumberStatus.TooPrecise; // more significant decimals than the scale keeps
        }

        int significant = lastNonZero - firstDigit + 1;
        if (significant + power > 19)
        {
            return NumberStatus.OutOfRange; // at least 10^19: beyond 64 bits
        }

        // Walk the digits again, skipping the point, from the first significant one.
        long magnitude = 0;
        int index = 0;
        for (int k = negative ? 1 : 0; k < token.Length && index <= lastNonZero; k++)
        {
            byte c = token[k];
            if (c == (byte)'.')
            {
                continue;
            }

            if (c < (byte)'0' || c > (byte)'9')
            {
                break;
            }

            if (index >= firstDigit)
            {
                int d = c - (byte)'0';
                if (magnitude > (long.MaxValue - d) / 10)
                {
                    return NumberStatus.OutOfRange;
                }

                magnitude = (magnitude * 10) + d;
            }

            index++;
        }

        for (long p = 0; p < power; p++)
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
}
