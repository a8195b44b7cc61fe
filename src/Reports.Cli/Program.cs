using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using Reports.Cli.Output;
using Reports.Core.Diagnostics;
using Reports.Core.Json;

namespace Reports.Cli;

/// <summary><c>reports-check</c>: checks and converts annual reports. Exit codes: 0 clean, 1 findings with errors, 2 unreadable input or usage error.</summary>
public static class Program
{
    /// <summary>No errors (warnings allowed unless <c>--warnings-as-errors</c>).</summary>
    public const int ExitClean = 0;

    /// <summary>At least one report has errors.</summary>
    public const int ExitFindings = 1;

    /// <summary>An input could not be read, or the command line is wrong.</summary>
    public const int ExitUsage = 2;


    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Report files (.txt, .md, .html, .htm, .json, .pdf, .docx; text in any encoding), folders (searched recursively: every file is checked or reported) or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text, json or sarif.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var warningsAsErrors = new Option<bool>("--warnings-as-errors")
        {
            Description = "Exit with 1 when any report has warnings.",
        };
        var minSeverity = new Option<string>("--min-severity")
        {
            Description = "List findings of this severity and above: error, warning or info (all are still counted).",
            DefaultValueFactory = _ => "info",
        };
        minSeverity.AcceptOnlyFromAmong("error", "warning", "info");
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "List every finding on its own line with its full label (text output folds repeated findings by default).",
        };
        var color = new Option<string>("--color")
        {
            Description = "Colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never.",
            DefaultValueFactory = _ => "auto",
        };
        color.AcceptOnlyFromAmong("auto", "always", "never");
        var html = new Option<string?>("--html") { Description = "Also write an HTML report to this folder: one page per report and index.html." };
        var xlsx = new Option<string?>("--xlsx") { Description = "Also write an Excel workbook (.xlsx): a summary sheet, one sheet per table, the findings." };
        var helpUriBase = new Option<string?>("--help-uri-base")
        {
            Description = "Absolute URL of the diagnostics page that SARIF rules link to (default: docs/diagnostics.md in the repository).",
        };
        var baseline = new Option<string?>("--baseline") { Description = "Accepted findings (JSON): shown as accepted, not counted; entries that match nothing are reported." };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write the current errors and warnings to this file as accepted findings (justify each)." };
        var summary = new Option<string?>("--summary") { Description = "Also write a CSV with one row per file: path, format, encoding, agency, year, edition, valid, errors and warnings by id." };
        var check = new Command("check", "Check reports: read each, validate it against its edition and list the findings.")
        {
            paths,
            format,
            warningsAsErrors,
            CrossReportCommands.SeriesOption,
            minSeverity,
            verbose,
            color,
            html,
            xlsx,
            helpUriBase,
            baseline,
            writeBaseline,
            summary,
        };
        check.SetAction(parse => RunCheck(
            parse.GetValue(paths) ?? Array.Empty<string>(),
            parse.GetValue(format) ?? "text",
            parse.GetValue(warningsAsErrors),
            parse.GetValue(CrossReportCommands.SeriesOption),
            new CheckOutputs
            {
                Options = new OutputOptions
                {
                    MinSeverity = ParseSeverity(parse.GetValue(minSeverity)),
                    Verbose = parse.GetValue(verbose),
                    Color = Paint.Decide(parse.GetValue(color) ?? "auto"),
                    HelpUriBase = parse.GetValue(helpUriBase) ?? Repository.DiagnosticsPage,
                },
                Html = parse.GetValue(html),
                Xlsx = parse.GetValue(xlsx),
                Baseline = parse.GetValue(baseline),
                WriteBaseline = parse.GetValue(writeBaseline),
                Summary = parse.GetValue(summary),
            }));

        var file = new Argument<string>("file") { Description = "The report to convert (.txt, .md, .html, .htm, .json, .pdf, .docx) or - for standard input." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the JSON (default: standard output)." };
        var convert = new Command("convert", "Convert a report to the canonical JSON of its draft.")
        {
            file,
            output,
        };
        convert.SetAction(parse => RunConvert(parse.GetValue(file)!, parse.GetValue(output)));

        var root = new RootCommand("reports-check: checks government information-disclosure annual reports (政府信息公开工作年度报告).")
        {
            check,
            convert,
            CrossReportCommands.SumCommand(),
        };
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(BulkCommand.Create());

        ParseResult result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (ParseError error in result.Errors)
            {
                Console.Error.WriteLine("reports-check: " + error.Message);
            }

            Console.Error.WriteLine("Try 'reports-check --help'.");
            return ExitUsage;
        }

        // Help and version text go through a buffer so the usage lines name the tool as users call it.
        using var help = new StringWriter();
        int code = result.Invoke(new InvocationConfiguration { Output = help });
        string text = help.ToString();
        if (text.Length > 0)
        {
            Console.Out.Write(System.Text.RegularExpressions.Regex.Replace(
                text, "(?m)^(\\s*)" + System.Text.RegularExpressions.Regex.Escape(RootCommand.ExecutableName) + "(?= |$)", "$1reports-check"));
        }

        return code;
    }

    private static DiagnosticSeverity ParseSeverity(string? name) => name switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    private static int RunCheck(string[] paths, string format, bool warningsAsErrors, bool series, CheckOutputs outputs)
    {
        if (!Uri.TryCreate(outputs.Options.HelpUriBase, UriKind.Absolute, out _))
        {
            Console.Error.WriteLine("reports-check: --help-uri-base must be an absolute URL: " + outputs.Options.HelpUriBase);
            return ExitUsage;
        }

        IEnumerable<ReportInput> inputs = ReportInput.Expand(paths);
        IEnumerable<CheckedReport> checkedReports = CheckPipeline.Run(inputs, keepDrafts: series || outputs.NeedsDrafts);

        // Text or JSON with the summary CSV streams: each file is written out as it is checked and only counters stay.
        // The outputs that need every entry at once (series, baseline, HTML, workbook, SARIF's rule list) keep them.
        IEnumerable<CheckedReport> entries = checkedReports;
        List<CheckedReport>? reports = null;
        if (!outputs.Streams(series, format))
        {
            reports = checkedReports.ToList();
            if (series)
            {
                reports.AddRange(CrossReportCommands.Series(reports));
            }

            if (outputs.Baseline is not null)
            {
                Baseline? accepted = Baseline.Read(outputs.Baseline, out Diagnostic? problem);
                if (accepted is null)
                {
                    reports.Add(Baseline.Failed(outputs.Baseline, problem!));
                }
                else
                {
                    reports = accepted.Apply(reports);
                }
            }

            entries = reports;
        }

        bool written = true;
        SummaryCsv? summary = null;
        if (outputs.Summary is not null)
        {
            try
            {
                summary = SummaryCsv.Create(outputs.Summary);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine("reports-check: cannot write " + outputs.Summary + ": " + ex.Message);
                written = false;
            }
        }

        var totals = new CheckTotals();
        using (Stream stdout = Console.OpenStandardOutput())
        {
            ReportOutput.Write(stdout, Counted(entries, totals, summary, outputs.Options), format, outputs.Options);
        }

        if (summary is not null)
        {
            written &= ReportOutput.WriteFiles("summary", outputs.Summary!, summary.Dispose);
        }

        if (reports is not null && outputs.Html is not null)
        {
            written &= ReportOutput.WriteFiles("HTML report", outputs.Html, () => HtmlOutput.Write(outputs.Html, reports, outputs.Options));
        }

        if (reports is not null && outputs.Xlsx is not null)
        {
            written &= ReportOutput.WriteFiles("workbook", outputs.Xlsx, () => XlsxOutput.Write(outputs.Xlsx, reports, outputs.Options));
        }

        if (reports is not null && outputs.WriteBaseline is not null)
        {
            written &= ReportOutput.WriteFiles("accepted findings", outputs.WriteBaseline, () => Baseline.Write(outputs.WriteBaseline, reports));
        }

        if (!written || totals.InputsFailed > 0)
        {
            return ExitUsage;
        }

        bool failed = totals.WithErrors > 0 || (warningsAsErrors && totals.WithWarnings > 0);
        return failed ? ExitFindings : ExitClean;
    }

    /// <summary>The entries as they pass to the output, each counted and given its summary row on the way.</summary>
    private static IEnumerable<CheckedReport> Counted(IEnumerable<CheckedReport> entries, CheckTotals totals, SummaryCsv? summary, OutputOptions options)
    {
        foreach (CheckedReport entry in entries)
        {
            totals.Add(entry, options.MinSeverity);
            summary?.Add(entry);
            yield return entry;
        }
    }

    private sealed class CheckOutputs
    {
        public required OutputOptions Options { get; init; }

        public string? Html { get; init; }

        public string? Xlsx { get; init; }

        public string? Baseline { get; init; }

        public string? WriteBaseline { get; init; }

        public string? Summary { get; init; }

        /// <summary>True when an output needs the drafts (the HTML report, the workbook, the cross-year series).</summary>
        public bool NeedsDrafts => Html is not null || Xlsx is not null;

        /// <summary>True when every output can be written entry by entry, as files are checked.</summary>
        public bool Streams(bool series, string format) =>
            !series && Html is null && Xlsx is null && Baseline is null && WriteBaseline is null && format != "sarif";
    }

    private static int RunConvert(string path, string? outputPath)
    {
        CheckedReport report = ReportChecker.Check(ReportInput.ForFile(path));
        foreach (Diagnostic diagnostic in report.Diagnostics)
        {
            Console.Error.WriteLine(TextOutput.Format(diagnostic, report.Source));
        }

        if (report.InputFailed)
        {
            return ExitUsage;
        }

        if (report.Draft is null)
        {
            return ExitFindings;
        }

        string json = ReportJson.ToJson(report.Draft.Edition.Schema, report.Draft.Info, report.Draft.Cells, indented: true) + "\n";
        if (!ReportOutput.WriteDocument(json, outputPath))
        {
            return ExitUsage;
        }

        return ExitClean;
    }
}
