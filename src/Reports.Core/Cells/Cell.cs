using System;
using System.Globalization;

namespace Reports.Core.Cells;

/// <summary>
/// One cell as published: its state, its numeric value when it holds a number, the raw text it was read
/// from and where that text stands. Money is held as a scaled integer (<see cref="Value"/> = amount × 10^<see cref="Scale"/>)
/// so that every identity is checked in exact integer arithmetic.
/// </summary>
public readonly record struct Cell
{
    private Cell(CellState state, long value, byte scale, string? raw, SourceSpan span)
    {
        State = state;
        Value = value;
        Scale = scale;
        Raw = raw;
        Span = span;
    }

    /// <summary>What the cell held.</summary>
    public CellState State { get; }

    /// <summary>The number, scaled by 10^<see cref="Scale"/>; 0 unless <see cref="State"/> is <see cref="CellState.Number"/>.</summary>
    public long Value { get; }

    /// <summary>Decimal places of <see cref="Value"/> (0 for counts).</summary>
    public byte Scale { get; }

    /// <summary>The text the cell was read from, when it was read from text.</summary>
    public string? Raw { get; }

    /// <summary>Where the raw text stands in the source, when known.</summary>
    public SourceSpan Span { get; }

    /// <summary>True when the cell holds a number.</summary>
    public bool IsNumber => State == CellState.Number;

    /// <summary>The value as a decimal (scale applied); null unless the cell holds a number.</summary>
    public decimal? Amount => State == CellState.Number ? new decimal(Value) / Pow10(Scale) : null;

    /// <summary>A cell that is not in the source at all.</summary>
    public static Cell Missing => default;

    /// <summary>A number cell.</summary>
    public static Cell Number(long value, byte scale = 0, string? raw = null, SourceSpan span = default) =>
        new(CellState.Number, value, scale, raw, span);

    /// <summary>A blank cell.</summary>
    public static Cell Blank(string? raw = null, SourceSpan span = default) => new(CellState.Blank, 0, 0, raw, span);

    /// <summary>A not-applicable marker (<c>/</c>, <c>—</c>, <c>-</c>).</summary>
    public static Cell NotApplicable(string raw = "/", SourceSpan span = default) => new(CellState.NotApplicable, 0, 0, raw, span);

    /// <summary>Unreadable text, kept verbatim.</summary>
    public static Cell Text(string raw, SourceSpan span = default) => new(CellState.Text, 0, 0, raw, span);

    /// <summary>Returns the same cell located at <paramref name="span"/>.</summary>
    public Cell WithSpan(SourceSpan span) => new(State, Value, Scale, Raw, span);

    /// <summary>Returns the same cell with another scale (used when a cell is stored for a schema slot).</summary>
    internal Cell WithScale(byte scale) => new(State, Value, scale, Raw, Span);

    /// <summary>Canonical text of the number (invariant culture, scale applied).</summary>
    public string FormatValue() => FormatScaled(Value, Scale);

    /// <inheritdoc />
    public override string ToString() => State switch
    {
        CellState.Number => FormatValue(),
        CellState.Blank => "(blank)",
        CellState.NotApplicable => Raw ?? "/",
        CellState.Text => "\"" + Raw + "\"",
        _ => "(missing)",
    };

    internal static decimal Pow10(int scale)
    {
        decimal p = 1m;
        for (int i = 0; i < scale; i++)
        {
            p *= 10m;
        }

        return p;
    }

    /// <summary>Formats a scaled integer as a plain decimal number.</summary>
    public static string FormatScaled(long value, int scale)
    {
        // Stryker disable once Block : with scale 0 the decimal path below writes the same digits (a long is exact as a decimal); only time differs.
        if (scale == 0)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        // As many places as a decimal holds (28): every scale a long can carry is written exactly, trailing zeros dropped.
        decimal amount = new decimal(value) / Pow10(scale);
        return amount.ToString("0.############################", CultureInfo.InvariantCulture);
    }
}
