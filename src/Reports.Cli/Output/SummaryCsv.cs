using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Reports.Core.Diagnostics;

namespace Reports.Cli.Output;

/// <summary>
/// <c>check --summary out.csv</c>: one row per input file — path, format, encoding, agency, year, edition, valid, errors
/// and warnings with their ids — written as each file is checked, so nothing of a file is kept for it.
/// </summary>
internal sealed class SummaryCsv : IDisposable
{
    public const string Header = "path,format,encoding,agency,year,edition,valid,errors,warnings,error_ids,warning_ids";

    private static readonly char[] Special = { ',', '"', '\n', '\r' };

    private readonly StreamWriter _writer;

    private SummaryCsv(StreamWriter writer)
    {
        _writer = writer;
        _writer.NewLine = "\n";
        _writer.WriteLine(Header);
    }

    /// <summary>Creates (or replaces) the CSV at <paramref name="path"/> with its header; throws as <see cref="File.Create(string)"/> does.</summary>
    public static SummaryCsv Create(string path) => new(new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16));

    /// <summary>The row of <paramref name="report"/>; entries that are not files (series, sums, the baseline) have none.</summary>
    public void Add(CheckedReport report)
    {
        if (!report.IsFile)
        {
            return;
        }

        _writer.WriteLine(string.Join(",", new[]
        {
            Field(report.Source),
            Field(report.Format ?? string.Empty),
            Field(report.Encoding ?? string.Empty),
            Field(report.Agency ?? string.Empty),
            report.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            Field(report.EditionDisplay == "?" ? string.Empty : report.EditionDisplay),
            report.IsValid ? "true" : "false",
            report.Errors.ToString(CultureInfo.InvariantCulture),
            report.Warnings.ToString(CultureInfo.InvariantCulture),
            Field(Ids(report, DiagnosticSeverity.Error)),
            Field(Ids(report, DiagnosticSeverity.Warning)),
        }));
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>Ids with their counts, by id: <c>RC1001:2;RC2003:1</c>.</summary>
    private static string Ids(CheckedReport r, DiagnosticSeverity severity) =>
        string.Join(";", r.Diagnostics
            .Where(d => d.Severity == severity && !r.IsAccepted(d))
            .GroupBy(d => d.Id)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + ":" + g.Count().ToString(CultureInfo.InvariantCulture)));

    private static string Field(string value) =>
        value.IndexOfAny(Special) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
