using Reports.Core.Cells;

namespace Reports.Core.Reports;

/// <summary>A report as published, of any edition: every cell as read, identities not yet checked.</summary>
public interface IReportDraft
{
    /// <summary>The edition the draft follows.</summary>
    ReportEdition Edition { get; }

    /// <summary>Agency, year and source.</summary>
    ReportInfo Info { get; }

    /// <summary>The cells, in the schema's ordinal order.</summary>
    ReportCells Cells { get; }

    /// <summary>The cell with <paramref name="key"/>.</summary>
    Cell this[string key] { get; }
}
