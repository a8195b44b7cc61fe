using System;
using System.Collections.Generic;
using Reports.Core.Cells;
using Reports.Core.Schema;

namespace Reports.Core.Reports;

/// <summary>
/// The cells of one report as published, in the schema's ordinal order. Immutable. Stored column-wise
/// (values, states, raw text, spans) so that checking a report reads one contiguous array of numbers.
/// </summary>
public sealed class ReportCells : IEquatable<ReportCells>
{
    private readonly long[] _values;
    private readonly CellState[] _states;
    private readonly string?[]? _raw;
    private readonly SourceSpan[]? _spans;

    private ReportCells(ReportSchema schema, long[] values, CellState[] states, string?[]? raw, SourceSpan[]? spans)
    {
        Schema = schema;
        _values = values;
        _states = states;
        _raw = raw;
        _spans = spans;
        IsClean = ComputeClean(schema, values, states);
    }

    /// <summary>The schema the cells belong to.</summary>
    public ReportSchema Schema { get; }

    /// <summary>Number of cells (equals <see cref="ReportSchema.CellCount"/>).</summary>
    public int Count => _values.Length;

    /// <summary>True when every cell holds a number within its value kind's range: the fast path applies.</summary>
    public bool IsClean { get; }

    /// <summary>The values in ordinal order (0 where a cell holds no number).</summary>
    public ReadOnlySpan<long> Values => _values;

    /// <summary>The cell with <paramref name="ordinal"/>.</summary>
    public Cell this[int ordinal] => _states[ordinal] switch
    {
        CellState.Number => Cell.Number(_values[ordinal], Schema.Cells[ordinal].Scale, _raw?[ordinal], SpanAt(ordinal)),
        CellState.Blank => Cell.Blank(_raw?[ordinal], SpanAt(ordinal)),
        CellState.NotApplicable => Cell.NotApplicable(_raw?[ordinal] ?? "/", SpanAt(ordinal)),
        CellState.Text => Cell.Text(_raw?[ordinal] ?? string.Empty, SpanAt(ordinal)),
        _ => Cell.Missing,
    };

    /// <summary>The cell with <paramref name="key"/> (<c>t3.new.np</c>).</summary>
    /// <exception cref="KeyNotFoundException">The schema has no such cell.</exception>
    public Cell this[string key] => Schema.TryGetCell(key, out CellInfo info)
        ? this[info.Ordinal]
        : throw new KeyNotFoundException("The schema " + Schema.TypeName + " has no cell '" + key + "'.");

    /// <summary>The state of the cell with <paramref name="ordinal"/>.</summary>
    public CellState StateAt(int ordinal) => _states[ordinal];

    /// <summary>Cells that all hold the given numbers (no raw text, no spans).</summary>
    public static ReportCells FromValues(ReportSchema schema, ReadOnlySpan<long> values)
    {
        if (values.Length != schema.CellCount)
        {
            throw new ArgumentException($"Expected {schema.CellCount} values for {schema.TypeName}, got {values.Length}.", nameof(values));
        }

        var states = new CellState[values.Length];
        states.AsSpan().Fill(CellState.Number);
        return new ReportCells(schema, values.ToArray(), states, null, null);
    }

    /// <summary>Cells copied from <paramref name="cells"/> (one per schema cell, in ordinal order).</summary>
    public static ReportCells FromCells(ReportSchema schema, ReadOnlySpan<Cell> cells)
    {
        if (cells.Length != schema.CellCount)
        {
            throw new ArgumentException($"Expected {schema.CellCount} cells for {schema.TypeName}, got {cells.Length}.", nameof(cells));
        }

        var builder = new Builder(schema);
        for (int i = 0; i < cells.Length; i++)
        {
            builder[i] = cells[i];
        }

        return builder.ToCells();
    }

    /// <summary>Starts an empty set of cells (every cell <see cref="CellState.Missing"/>).</summary>
    public static Builder CreateBuilder(ReportSchema schema) => new(schema);

    /// <summary>Returns a copy with the cell at <paramref name="ordinal"/> replaced.</summary>
    public ReportCells With(int ordinal, Cell cell)
    {
        Builder builder = ToBuilder();
        builder[ordinal] = cell;
        return builder.ToCells();
    }

    /// <summary>A builder holding a copy of these cells.</summary>
    public Builder ToBuilder()
    {
        var builder = new Builder(Schema);
        for (int i = 0; i < Count; i++)
        {
            builder[i] = this[i];
        }

        return builder;
    }

    /// <inheritdoc />
    public bool Equals(ReportCells? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || !ReferenceEquals(other.Schema, Schema))
        {
            return false;
        }

        for (int i = 0; i < Count; i++)
        {
            if (this[i] != other[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ReportCells);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Schema.Edition);
        for (int i = 0; i < _values.Length; i++)
        {
            hash.Add(_values[i]);
            hash.Add(_states[i]);
        }

        return hash.ToHashCode();
    }

    /// <summary>Where the cell with <paramref name="ordinal"/> stands in the source (default when unknown).</summary>
    public SourceSpan SpanAt(int ordinal) => _spans is null ? default : _spans[ordinal];

    /// <summary>True when any cell has a known source span (cells read from text).</summary>
    internal bool HasSpans => _spans is not null;

    private static bool ComputeClean(ReportSchema schema, long[] values, CellState[] states)
    {
        for (int i = 0; i < values.Length; i++)
        {
            CellInfo info = schema.Cells[i];
            if (states[i] != CellState.Number || values[i] < info.MinValue || values[i] > info.MaxValue)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Collects cells for a report; not thread-safe. <see cref="ToCells"/> takes an immutable copy.</summary>
    public sealed class Builder
    {
        private readonly Cell[] _cells;

        internal Builder(ReportSchema schema)
        {
            Schema = schema;
            _cells = new Cell[schema.CellCount];
        }

        /// <summary>The schema.</summary>
        public ReportSchema Schema { get; }

        /// <summary>Gets or sets the cell at <paramref name="ordinal"/>.</summary>
        public Cell this[int ordinal]
        {
            get => _cells[ordinal];
            set => _cells[ordinal] = value;
        }

        /// <summary>Gets or sets the cell with <paramref name="key"/>.</summary>
        /// <exception cref="KeyNotFoundException">The schema has no such cell.</exception>
        public Cell this[string key]
        {
            get => _cells[Ordinal(key)];
            set => _cells[Ordinal(key)] = value;
        }

        /// <summary>Takes an immutable copy.</summary>
        public ReportCells ToCells()
        {
            int n = _cells.Length;
            var values = new long[n];
            var states = new CellState[n];
            string?[]? raw = null;
            SourceSpan[]? spans = null;
            for (int i = 0; i < n; i++)
            {
                Cell cell = _cells[i];
                CellState state = cell.State;
                string? text = cell.Raw;
                if (state == CellState.Number && !TryRescale(cell, Schema.Cells[i].Scale, out values[i]))
                {
                    // The value cannot be held at the schema's scale: keep it as text rather than round it.
                    state = CellState.Text;
                    text ??= cell.FormatValue();
                    values[i] = 0;
                }

                states[i] = state;
                if (text is not null)
                {
                    // (Not "(raw ??= ...)[i] = ...": the net8.0 trim analyzer crashes on that shape, AD0001.)
                    raw ??= new string?[n];
                    raw[i] = text;
                }

                if (cell.Span.IsKnown)
                {
                    spans ??= new SourceSpan[n];
                    spans[i] = cell.Span;
                }
            }

            return new ReportCells(Schema, values, states, raw, spans);
        }

        private int Ordinal(string key) => Schema.TryGetCell(key, out CellInfo info)
            ? info.Ordinal
            : throw new KeyNotFoundException("The schema " + Schema.TypeName + " has no cell '" + key + "'.");

        // A cell parsed with another scale is brought to the schema's scale; precision is never dropped silently.
        private static bool TryRescale(Cell cell, byte scale, out long value)
        {
            value = cell.Value;
            for (int s = cell.Scale; s < scale; s++)
            {
                if (value > long.MaxValue / 10 || value < long.MinValue / 10)
                {
                    return false;
                }

                value *= 10;
            }

            for (int s = cell.Scale; s > scale; s--)
            {
                if (value % 10 != 0)
                {
                    return false;
                }

                value /= 10;
            }

            return true;
        }
    }
}
