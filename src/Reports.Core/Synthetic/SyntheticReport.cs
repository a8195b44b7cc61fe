using System;
using Reports.Core.Reports;

namespace Reports.Core.Synthetic;

/// <summary>One generated report: its NDJSON line and what was seeded into it (the manifest entry).</summary>
public sealed class SyntheticReport
{
    internal SyntheticReport(long index, ReportEdition edition, ReportInfo info, ReportCells cells, SeededError error, string? cellKey, byte[] utf8Json)
    {
        Index = index;
        Edition = edition;
        Info = info;
        Cells = cells;
        Error = error;
        CellKey = cellKey;
        Utf8Json = utf8Json;
    }

    /// <summary>Position in the corpus, from 0 (the NDJSON line number is <c>Index + 1</c>).</summary>
    public long Index { get; }

    /// <summary>The edition the report follows (for <see cref="SeededError.UnknownEdition"/>: the edition it was built as).</summary>
    public ReportEdition Edition { get; }

    /// <summary>Agency and year.</summary>
    public ReportInfo Info { get; }

    /// <summary>The cells, with the seeded error applied (for the JSON-level errors: the valid cells).</summary>
    public ReportCells Cells { get; }

    /// <summary>The seeded error, or <see cref="SeededError.None"/>.</summary>
    public SeededError Error { get; }

    /// <summary>The key of the cell the error was seeded into, when it concerns one cell.</summary>
    public string? CellKey { get; }

    /// <summary>The report as one line of UTF-8 JSON, without the line break.</summary>
    public ReadOnlyMemory<byte> Utf8Json { get; }

    /// <summary>The diagnostic id validation must report for the seeded error; null for a valid report.</summary>
    public string? ExpectedDiagnosticId => ExpectedId(Error);

    /// <summary>The diagnostic id that <paramref name="error"/> must produce; null for <see cref="SeededError.None"/>.</summary>
    public static string? ExpectedId(SeededError error) => error switch
    {
        SeededError.IdentityBroken => "RC1001",
        SeededError.NegativeValue => "RC1003",
        SeededError.UnreadableCell => "RC1005",
        SeededError.MissingPart => "RC1009",
        SeededError.MalformedJson => "RC1101",
        SeededError.UnknownEdition => "RC1201",
        _ => null,
    };
}
