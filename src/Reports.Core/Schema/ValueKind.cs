namespace Reports.Core.Schema;

/// <summary>The kind of value a cell holds, as declared in the schema.</summary>
public enum ValueKind : byte
{
    /// <summary>An integer count, 0 to <see cref="int.MaxValue"/>.</summary>
    Count = 0,

    /// <summary>A signed integer change (本年增/减), <see cref="int.MinValue"/> to <see cref="int.MaxValue"/>.</summary>
    Delta = 1,

    /// <summary>A non-negative money amount with a fixed number of decimal places.</summary>
    Money = 2,
}
