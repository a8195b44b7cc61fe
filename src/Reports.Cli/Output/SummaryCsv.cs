using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Reports.Core.Diagnostics;

namespace Reports.Cli.Output;

/// <summary><c>check --summary out.csv</c>: one row per input file — path, format, encoding, agency, year, edition, valid, errors and warnings with their ids.</summary>
internal static class SummaryCsv
{
    public const string Header = "path,format,encoding,agency,year,edition,valid,errors,warnings,error_ids,warning_ids";

    public static void Write(string path, IEnumerable<CheckedReport> reports)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.NewLine = "\n";
        writer.WriteLine(Header);
        foreach (CheckedReport r in reports.Where(r => r.IsFile))
        {
            writer.WriteLine(string.Join(",", new[]
            {
                Field(r.Source),
                Field(r.Format ?? string.Empty),
                Field(r.Encoding ?? string.Empty),
                Field(r.Agency ?? string.Empty),
                r.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                Field(r.EditionDisplay == "?" ? string.Empty : r.EditionDisplay),
                r.IsValid ? "true" : "false",
                r.Errors.ToString(CultureInfo.InvariantCulture),
                r.Warnings.ToString(CultureInfo.InvariantCulture),
                Field(Ids(r, DiagnosticSeverity.Error)),
                Field(Ids(r, DiagnosticSeverity.Warning)),
            }));
        }
    }

    /// <summary>Ids with their counts, by id: <c>RC1001:2;RC2003:1</c>.</summary>
    private static string Ids(CheckedReport r, DiagnosticSeverity severity) =>
        string.Join(";", r.Diagnostics
            .Where(d => d.Severity == severity && !r.IsAccepted(d))
            .GroupBy(d => d.Id)
            .OrderBy(g => g.Key, System.StringComparer.Ordinal)
            .Select(g => g.Key + ":" + g.Count().ToString(CultureInfo.InvariantCulture)));

    private static string Field(string value) =>
        value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? value : "\"" + value.Replace("\"", "\"\"", System.StringComparison.Ordinal) + "\"";
}
