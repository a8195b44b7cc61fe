using System;

namespace Reports.Core.Cells;

/// <summary>Conversions between money amounts and the scaled integers cells hold.</summary>
public static class Money
{
    /// <summary>The amount a scaled integer stands for.</summary>
    public static decimal FromScaled(long value, int scale) => new decimal(value) / Cell.Pow10(scale);

    /// <summary>Converts an amount to a scaled integer; false when it has more decimals than <paramref name="scale"/> or is out of range.</summary>
    public static bool TryToScaled(decimal amount, int scale, out long value)
    {
        // Checked before multiplying: amount × 10^scale may not fit in a decimal (9999999999999999999999999999 × 10^4).
        if (scale < 0 || scale > 28 || Math.Abs(amount) > decimal.MaxValue / Cell.Pow10(scale))
        {
            value = 0;
            return false;
        }

        decimal scaled = amount * Cell.Pow10(scale);
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
        {
            value = 0;
            return false;
        }

        value = (long)scaled;
        return true;
    }
}
