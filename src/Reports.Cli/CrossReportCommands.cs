using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Reports.Cli.Output;
using Reports.Core.CrossReport;
using Reports.Core.Diagnostics;
using Reports.Core.Json;
using Reports.Core.Reports;

namespace Reports.Cli;

/// <summary>
/// <c>check --series &lt;folder&gt;</c> (cross-year checks per agency) and <c>sum &lt;files&gt;</c> (the cell-wise
/// aggregate as JSON). Both report through the same text/JSON/SARIF writers as <c>check</c>.
/// </summary>
internal static class CrossReportCommands
{

    /// <summary>The <c>--series</c> option of <c>check</c>.</summary>
    public static Option<bool> SeriesOption { get; } = new("--series")
    {
        Description = "Also group the reports by agency and check consecutive years against each other (X1 carry-over, X2, X3).",
    };

    /// <summary>The <c>sum</c> command.</summary>
    public static Command SumCommand()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Reports of one edition to add cell by cell (files or folders).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the aggregate JSON (default: standard output; findings then go to standard error)." };
        var agency = new Option<string?>("--agency") { Description = "Agency to record in the aggregate (e.g. the city office)." };
        var format = new Option<string>("--format", "-f") { Description = "Findings format: text, json or sarif.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Exit with 1 when there are warnings." };
        var sum = new Command("sum", "Add reports of one edition cell by cell (blank only where every part is blank) and write the aggregate as JSON.")
        {
            files,
            output,
            agency,
            format,
            warningsAsErrors,
        };
        sum.SetAction(parse => RunSum(
            parse.GetValue(files) ?? Array.Empty<string>(),
            parse.GetValue(output),
            parse.GetValue(agency),
            parse.GetValue(format) ?? "text",
            parse.GetValue(warningsAsErrors)));
        return sum;
    }

    /// <summary>The entries of <c>check --series</c>: one per agency with its cross-year findings.</summary>
    public static List<CheckedReport> Series(IReadOnlyList<CheckedReport> reports)
    {
        var entries = new List<CheckedReport>();
        IReportDraft[] drafts = Drafts(reports);
        foreach (SeriesCheckResult series in ReportSeries.CheckByAgency(drafts))
        {
            string years = series.Years.IsEmpty
                ? "?"
                : series.Years[0].ToString(CultureInfo.InvariantCulture) + (series.Years.Length > 1 ? "–" + series.Years[^1].ToString(CultureInfo.InvariantCulture) : string.Empty);
            string[] editions = drafts
                .Where(d => series.Agency is not null && ReportSeries.SameAgency(d.Info.Agency, series.Agency))
                .Select(d => d.Edition.Id).Distinct().OrderBy(e => e, StringComparer.Ordinal).ToArray();
            entries.Add(new CheckedReport
            {
                Source = "series " + (series.Agency ?? "(agency unknown)") + " " + years,
                Kind = EntryKind.Series,
                Years = series.Years,
                Edition = editions.Length == 0 ? null : string.Join("→", editions),
                Agency = series.Agency,
                IsValid = series.IsConsistent,
                Diagnostics = series.Diagnostics,
            });
        }

        return entries;
    }

    /// <summary>The drafts read, each attributed to its file so findings name it.</summary>
    private static IReportDraft[] Drafts(IEnumerable<CheckedReport> reports) => reports
        .Where(r => r.Draft is not null)
        .Select(r => r.Draft!.Info.Source is null ? r.Draft.Edition.CreateDraft(r.Draft.Info with { Source = r.Source }, r.Draft.Cells) : r.Draft)
        .ToArray();

    private const string SumName = "<sum>";

    /// <summary>RC4006 when the parts are of several agencies, RC4007 when of several years.</summary>
    private static IEnumerable<Diagnostic> PartsDiffer(IReportDraft[] drafts, int[] years)
    {
        var agencies = new List<string>();
        foreach (string a in drafts.Select(d => d.Info.Agency).OfType<string>().Where(a => a.Trim().Length > 0))
        {
            if (!agencies.Any(x => ReportSeries.SameAgency(x, a)))
            {
                agencies.Add(a);
            }
        }

        if (agencies.Count > 1)
        {
            yield return Diagnostic.Create(CliDiagnostics.SumAgenciesDiffer, null, agencies.Count, string.Join(", ", agencies));
        }

        if (years.Length > 1)
        {
            yield return Diagnostic.Create(CliDiagnostics.SumYearsDiffer, null, string.Join(", ", years.Select(y => y.ToString(CultureInfo.InvariantCulture))));
        }
    }

    private static int RunSum(string[] paths, string? outputPath, string? agency, string format, bool warningsAsErrors)
    {
        CheckedReport[] parts = ReportInput.Expand(paths).Select(ReportChecker.Check).ToArray();
        var entries = new List<CheckedReport>(parts);
        int exit = Program.ExitClean;
        bool written = false;
        if (parts.Any(p => p.InputFailed))
        {
            exit = Program.ExitUsage;
        }

        IReportDraft[] drafts = Drafts(parts);
        bool toStdout = outputPath is null || outputPath == "-";
        if (exit == Program.ExitClean && drafts.Length > 0)
        {
            int[] years = drafts.Where(d => d.Info.Year is not null).Select(d => d.Info.Year!.Value).Distinct().OrderBy(y => y).ToArray();
            var info = new ReportInfo { Agency = agency, Year = years.Length == 1 && drafts.All(d => d.Info.Year is not null) ? years[0] : null, Source = toStdout ? SumName : outputPath };
            DraftSumResult sum = ReportAggregation.SumDrafts(drafts, info);
            var diagnostics = new List<Diagnostic>(sum.Diagnostics);
            diagnostics.AddRange(PartsDiffer(drafts, years));
            bool valid = false;
            string? json = null;
            if (sum.Draft is not null)
            {
                var validation = sum.Draft.Edition.Validate(sum.Draft);
                valid = validation.IsValid;
                diagnostics.AddRange(validation.Diagnostics);
                json = ReportJson.ToJson(sum.Draft.Edition.Schema, sum.Draft.Info, sum.Draft.Cells, indented: true) + "\n";
            }

            if (json is not null && !ReportOutput.WriteDocument(json, outputPath))
            {
                return Program.ExitUsage;
            }

            // Named after where it went only when it was written there.
            string source = json is not null && !toStdout ? outputPath! : SumName;
            if (json is not null && !toStdout)
            {
                Console.Error.WriteLine("reports-check: wrote the aggregate of " + drafts.Length.ToString(CultureInfo.InvariantCulture) + " reports to " + outputPath);
            }

            entries.Add(new CheckedReport
            {
                Source = source,
                Kind = EntryKind.Sum,
                Edition = sum.Draft?.Edition.Id,
                Agency = agency,
                Year = info.Year,
                Draft = sum.Draft,
                IsValid = valid && !diagnostics.Any(d => d.IsError),
                Diagnostics = diagnostics.Select(d => d.Location.Source is null || d.Location.Source == info.Source ? d.WithSource(source) : d).Distinct().ToImmutableArray(),
            });
            written = json is not null;
        }

        using (Stream findings = toStdout ? Console.OpenStandardError() : Console.OpenStandardOutput())
        {
            ReportOutput.Write(findings, entries, format);
        }

        if (exit != Program.ExitClean)
        {
            return exit;
        }

        bool failed = !written || entries.Any(r => r.Errors > 0 || (warningsAsErrors && r.Warnings > 0));
        return failed ? Program.ExitFindings : Program.ExitClean;
    }

}
