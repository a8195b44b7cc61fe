using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Reports.Core.Bulk;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Tests.Support;
using Reports.Core.Validation;

namespace Reports.Core.Tests.Bulk;

/// <summary>What the bulk tests feed the validator and how they collect its results.</summary>
internal static class BulkLines
{
    /// <summary>A clean 2021 report of zeros for 2021, as one NDJSON line.</summary>
    public static readonly string Zeros2021 = ReportJson.ToJson(
        Report2021.Schema, new ReportInfo { Year = 2021 }, ReportCells.FromValues(Report2021.Schema, new long[Report2021.Schema.CellCount]));

    /// <summary>Every result of validating <paramref name="ndjson"/>, in order.</summary>
    public static async Task<List<BulkResult>> ResultsAsync(BulkValidator validator, byte[] ndjson)
    {
        var results = new List<BulkResult>();
        await foreach (BulkResult r in validator.ValidateAsync(new MemoryStream(ndjson)))
        {
            results.Add(r);
        }

        return results;
    }

    /// <summary>The full path: read, then validate; "clean" when neither found anything.</summary>
    public static (bool Clean, ReportCells? Cells) FullPath(ReportEdition edition, string line)
    {
        ReportJsonReadResult read = ReportJson.Read(edition, line);
        if (read.Cells is null)
        {
            return (false, null);
        }

        ValidationResult<IValidatedReport> validated = edition.Validate(edition.CreateDraft(read.Info, read.Cells));
        return (read.Diagnostics.IsEmpty && validated.Diagnostics.IsEmpty, read.Cells);
    }

    /// <summary>
    /// A valid report of random values from the first seed at or after <paramref name="seed"/> whose report has no
    /// finding at all (no soft-check warning; the year aside, which may lie outside the edition).
    /// </summary>
    public static string ValidLine(ReportEdition edition, int seed, int? year, string? agency = "某某局")
    {
        for (int s = seed; ; s++)
        {
            string line = ReportJson.ToJson(edition.Schema, new ReportInfo { Agency = agency, Year = year }, ReportCells.FromValues(edition.Schema, RandomReports.Build(edition, s).Values));
            if (FullPath(edition, line.Replace("\"year\":" + year, "\"year\":null", StringComparison.Ordinal)).Clean)
            {
                return line;
            }
        }
    }
}

/// <summary>Progress reported on the thread that reports it (a <see cref="Progress{T}"/> would post it elsewhere, later).</summary>
internal sealed class SyncProgress : IProgress<BulkProgress>
{
    private readonly Action<BulkProgress> _report;

    public SyncProgress(Action<BulkProgress> report) => _report = report;

    public void Report(BulkProgress value) => _report(value);
}
