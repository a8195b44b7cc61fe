using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
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
            Description = "Report files (.txt, .md, .html, .htm, .json), folders (searched recursively) or - for standard input.",
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
        var check = new Command("check", "Check reports: read each, validate it against its edition and list the findings.")
        {
            paths,
            format,
            warningsAsErrors,
            CrossReportCommands.SeriesOption,
        };
        check.SetAction(parse => RunCheck(
            parse.GetValue(paths) ?? Array.Empty<string>(),
            parse.GetValue(format) ?? "text",
            parse.GetValue(warningsAsErrors),
            parse.GetValue(CrossReportCommands.SeriesOption)));

        var file = new Argument<string>("file") { Description = "The report to convert (.txt, .md, .html, .htm, .json) or - for standard input." };
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

        return result.Invoke();
    }

    private static int RunCheck(string[] paths, string format, bool warningsAsErrors, bool series = false)
    {
        List<ReportInput> inputs = ReportInput.Expand(paths);
        CheckedReport[] reports = CheckAll(inputs);
        if (series)
        {
            reports = reports.Concat(CrossReportCommands.Series(reports)).ToArray();
        }

        using (Stream stdout = Console.OpenStandardOutput())
        {
            ReportOutput.Write(stdout, reports, format);
        }

        if (reports.Any(r => r.InputFailed))
        {
            return ExitUsage;
        }

        bool failed = reports.Any(r => r.Errors > 0 || (warningsAsErrors && r.Warnings > 0));
        return failed ? ExitFindings : ExitClean;
    }

    /// <summary>Checks inputs in parallel; results are in input order.</summary>
    private static CheckedReport[] CheckAll(List<ReportInput> inputs)
    {
        var reports = new CheckedReport[inputs.Count];
        bool progress = inputs.Count > 20 && !Console.IsErrorRedirected;
        int done = 0;
        object progressLock = new();
        Parallel.For(
            0,
            inputs.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) },
            i =>
            {
                reports[i] = ReportChecker.Check(inputs[i]);
                if (progress)
                {
                    int n = Interlocked.Increment(ref done);
                    lock (progressLock)
                    {
                        Console.Error.Write($"\rchecked {n}/{inputs.Count}");
                    }
                }
            });

        if (progress)
        {
            Console.Error.Write("\r" + new string(' ', 40) + "\r");
        }

        return reports;
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
