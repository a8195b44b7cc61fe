namespace Reports.Core.Reports;

/// <summary>Report metadata: who published it, for which year, and where it was read from.</summary>
public sealed record ReportInfo
{
    /// <summary>No metadata.</summary>
    public static ReportInfo Empty { get; } = new();

    /// <summary>The publishing agency (e.g. 淮安市人民政府).</summary>
    public string? Agency { get; init; }

    /// <summary>The reporting year (the calendar year the statistics cover).</summary>
    public int? Year { get; init; }

    /// <summary>The file or URL the report was read from.</summary>
    public string? Source { get; init; }
}
