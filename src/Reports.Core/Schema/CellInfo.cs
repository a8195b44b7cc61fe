using System.Collections.Immutable;
using System.ComponentModel;

namespace Reports.Core.Schema;

/// <summary>Run-time metadata of one cell of an edition: its key, official labels, value kind and identities.</summary>
public sealed class CellInfo
{
    /// <summary>Creates cell metadata (called by generated code).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public CellInfo(
        int ordinal,
        string key,
        string tableKey,
        string rowKey,
        string columnKey,
        ImmutableArray<string> labelPath,
        ValueKind kind,
        string unit,
        byte scale,
        bool isDerived,
        ImmutableArray<int> identities)
    {
        Ordinal = ordinal;
        Key = key;
        TableKey = tableKey;
        RowKey = rowKey;
        ColumnKey = columnKey;
        LabelPath = labelPath;
        Kind = kind;
        Unit = unit;
        Scale = scale;
        IsDerived = isDerived;
        Identities = identities;
        Label = string.Join(" › ", labelPath);
    }

    /// <summary>Position of the cell in the edition's cell order.</summary>
    public int Ordinal { get; }

    /// <summary>Stable key, e.g. <c>t3.new.np</c>.</summary>
    public string Key { get; }

    /// <summary>Key of the table, e.g. <c>t3</c>.</summary>
    public string TableKey { get; }

    /// <summary>Key path of the row within the table, e.g. <c>r.withheld.state_secret</c> (empty for a one-row table).</summary>
    public string RowKey { get; }

    /// <summary>Key path of the column, e.g. <c>np</c> or <c>lit_direct.total</c>.</summary>
    public string ColumnKey { get; }

    /// <summary>Official labels from the table heading down to the column, verbatim.</summary>
    public ImmutableArray<string> LabelPath { get; }

    /// <summary>The label path joined with " › ".</summary>
    public string Label { get; }

    /// <summary>Value kind.</summary>
    public ValueKind Kind { get; }

    /// <summary>Unit as declared (件, 项, 万元, or empty where the template fixes none).</summary>
    public string Unit { get; }

    /// <summary>Decimal places kept (0 for counts).</summary>
    public byte Scale { get; }

    /// <summary>True when the cell is the total of a hard summation: builders compute it, a blank one is recomputed.</summary>
    public bool IsDerived { get; }

    /// <summary>Indexes into <see cref="ReportSchema.Identities"/> of the identity instances this cell takes part in.</summary>
    public ImmutableArray<int> Identities { get; }

    /// <summary>Smallest value allowed by the value kind (scaled).</summary>
    public long MinValue => Kind == ValueKind.Delta ? int.MinValue : 0;

    /// <summary>Largest value allowed: <see cref="int.MaxValue"/> for counts; for money, 10^15 units.</summary>
    public long MaxValue => Kind == ValueKind.Money ? MoneyLimit(Scale) : int.MaxValue;

    private static long MoneyLimit(byte scale)
    {
        long limit = 1_000_000_000_000_000; // 10^15 units: far above any agency's amount, far below overflow
        for (int i = 0; i < scale && limit <= long.MaxValue / 10; i++)
        {
            limit *= 10;
        }

        return limit > long.MaxValue / 64 ? long.MaxValue / 64 : limit;
    }

    /// <inheritdoc />
    public override string ToString() => Key + " (" + Label + ")";
}
