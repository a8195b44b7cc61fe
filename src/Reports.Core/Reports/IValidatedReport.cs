using System;

namespace Reports.Core.Reports;

/// <summary>A report of any edition whose identities hold: obtainable only through validation or a builder.</summary>
public interface IValidatedReport
{
    /// <summary>The edition.</summary>
    ReportEdition Edition { get; }

    /// <summary>Agency, year and source.</summary>
    ReportInfo Info { get; }

    /// <summary>The values in the schema's ordinal order (money scaled by 10^scale).</summary>
    ReadOnlySpan<long> Values { get; }

    /// <summary>The value of the cell with <paramref name="key"/> (money scaled by 10^scale).</summary>
    long this[string key] { get; }
}
