using System.Collections.Generic;
using System.Collections.Immutable;
using System.ComponentModel;
using System;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Validation;

namespace Reports.Core.Infrastructure;

/// <summary>
/// The mutable values behind a generated builder. A value that cannot be held (too many decimals, out of range)
/// is not thrown about: it is recorded and reported when the report is built.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ReportBuilderValues
{
    private readonly long[] _values;
    private readonly Dictionary<int, Diagnostic> _problems = new();

    /// <summary>Creates empty values for <paramref name="schema"/> (every part 0).</summary>
    public ReportBuilderValues(ReportSchema schema)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _values = new long[schema.CellCount];
    }

    /// <summary>The schema.</summary>
    public ReportSchema Schema { get; }

    /// <summary>
    /// The current value at <paramref name="ordinal"/> (scaled). For a derived total, the sum of its parts as they
    /// stand now (what <c>Build</c> will derive; saturating, <c>Build</c> reports a sum out of range as RC1012).
    /// </summary>
    public long Get(int ordinal)
    {
        // Stryker disable once Block : a generated schema derives only cells marked IsDerived, so the loop leaves a stated cell as set; only time differs.
        if (!Schema.Cells[ordinal].IsDerived)
        {
            return _values[ordinal];
        }

        // Derived totals are computed in dependency order (a total may be a part of another one).
        long[] values = (long[])_values.Clone();
        foreach (int index in Schema.DerivationOrder)
        {
            IdentityInfo identity = Schema.Identities[index];
            long sum = 0;
            foreach (int part in identity.Right)
            {
                long v = values[part];
                // Stryker disable once Equality : at the boundaries (v == 0, sum == MaxValue - v, sum == MinValue - v) the exact sum is the clamped one.
                sum = v > 0 && sum > long.MaxValue - v ? long.MaxValue : v < 0 && sum < long.MinValue - v ? long.MinValue : sum + v;
            }

            values[identity.Left[0]] = sum;
            if (identity.Left[0] == ordinal)
            {
                return sum;
            }
        }

        return values[ordinal];
    }

    /// <summary>Sets an integer cell.</summary>
    public void SetInteger(int ordinal, long value)
    {
        _problems.Remove(ordinal);
        _values[ordinal] = value;
    }

    /// <summary>Sets a money cell; an amount with more decimals than the schema keeps is reported at build time.</summary>
    public void SetMoney(int ordinal, decimal amount)
    {
        CellInfo cell = Schema.Cells[ordinal];
        if (Money.TryToScaled(amount, cell.Scale, out long scaled))
        {
            SetInteger(ordinal, scaled);
            return;
        }

        _values[ordinal] = 0;
        _problems[ordinal] = Diagnostic.Create(
            ReportDiagnostics.UnreadableCell, DiagnosticLocation.ForCell(cell), cell.Label, amount.ToString(System.Globalization.CultureInfo.InvariantCulture), "money amount with " + cell.Scale + " decimals");
    }

    /// <summary>Sets a part cell by key.</summary>
    /// <exception cref="KeyNotFoundException">No such cell.</exception>
    /// <exception cref="InvalidOperationException">The cell is a derived total.</exception>
    public void Set(string key, decimal value)
    {
        int ordinal = ReportKeys.Ordinal(Schema, key);
        CellInfo cell = Schema.Cells[ordinal];
        if (cell.IsDerived)
        {
            throw new InvalidOperationException("'" + key + "' is a total; the builder derives it from its parts.");
        }

        if (cell.Kind == ValueKind.Money)
        {
            SetMoney(ordinal, value);
        }
        else if (value == decimal.Truncate(value) && value >= long.MinValue && value <= long.MaxValue)
        {
            SetInteger(ordinal, (long)value);
        }
        else
        {
            _values[ordinal] = 0;
            _problems[ordinal] = Diagnostic.Create(
                ReportDiagnostics.UnreadableCell, DiagnosticLocation.ForCell(cell), cell.Label, value.ToString(System.Globalization.CultureInfo.InvariantCulture), "whole number");
        }
    }

    /// <summary>A copy of the values, and the problems recorded while setting them.</summary>
    public long[] Snapshot(out ImmutableArray<Diagnostic> problems)
    {
        var list = new List<Diagnostic>(_problems.Values);
        list.Sort((a, b) => string.CompareOrdinal(a.Location.CellKey, b.Location.CellKey));
        problems = list.ToImmutableArray();
        return (long[])_values.Clone();
    }
}
