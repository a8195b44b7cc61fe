using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Reports.Core.Bulk;
using Reports.Core.Diagnostics;
using Reports.Core.Import;

namespace Reports.Cli;

/// <summary><c>bulk</c>: streams an NDJSON corpus through <see cref="BulkValidator"/> and prints a summary.</summary>
internal static class BulkCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "NDJSON file: one report draft (JSON) per line." };
        var show = new Option<int>("--show") { Description = "Print the findings of the first N invalid lines.", DefaultValueFactory = _ => 10 };
        var command = new Command("bulk", "Validate an NDJSON corpus on all cores, streaming, and print a summary.") { file, show };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(show)));
        return command;
    }

    private static int Run(string path, int show)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine(Diagnostic.Create(ImportDiagnostics.InputNotFound, null, path).ToString());
            return Program.ExitUsage;
        }

        bool live = !Console.IsErrorRedirected;
        var progress = new Progress(live);
        var validator = new BulkValidator(new BulkOptions { SourceName = Path.GetFileName(path), Progress = progress });
        var shown = new List<string>();
        var clock = Stopwatch.StartNew();
        BulkSummary summary;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
        {
            summary = Task.Run(() => validator.RunAsync(stream, r =>
            {
                if (!r.IsValid && shown.Count < show)
                {
                    foreach (Diagnostic d in r.Diagnostics)
                    {
                        if (d.IsError)
                        {
                            shown.Add("line " + r.LineNumber.ToString(CultureInfo.InvariantCulture) + ": " + d);
                            break;
                        }
                    }
                }
            })).GetAwaiter().GetResult();
        }

        clock.Stop();
        if (live)
        {
            Console.Error.Write("\r" + new string(' ', 60) + "\r");
        }

        double seconds = clock.Elapsed.TotalSeconds;
        long peak = PeakWorkingSet();
        var text = new StringBuilder();
        foreach (string line in shown)
        {
            text.Append(line).Append('\n');
        }

        text.Append(string.Create(CultureInfo.InvariantCulture, $"{path}: {summary.Reports} reports in {seconds:F2} s ({summary.Reports / Math.Max(seconds, 1e-9):F0} reports/s, {summary.Bytes / 1048576.0 / Math.Max(seconds, 1e-9):F1} MB/s)\n"));
        text.Append(string.Create(CultureInfo.InvariantCulture, $"valid {summary.Valid} (clean {summary.Clean}), invalid {summary.Invalid}\n"));
        var ids = new List<string>();
        foreach (KeyValuePair<string, long> pair in summary.FindingsById)
        {
            ids.Add(pair.Key + " " + pair.Value.ToString(CultureInfo.InvariantCulture));
        }

        text.Append("findings: ").Append(ids.Count == 0 ? "none" : string.Join(", ", ids)).Append('\n');
        text.Append(string.Create(CultureInfo.InvariantCulture, $"peak working set {peak / 1048576.0:F1} MiB, {Environment.ProcessorCount} cores\n"));
        Console.Out.Write(text.ToString());
        return summary.Invalid > 0 ? Program.ExitFindings : Program.ExitClean;
    }

    // VmHWM (peak resident set) on Linux; the process's PeakWorkingSet64 elsewhere.
    private static long PeakWorkingSet()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    private sealed class Progress : IProgress<BulkProgress>
    {
        private readonly bool _live;
        private long _lastTick;

        public Progress(bool live) => _live = live;

        public void Report(BulkProgress value)
        {
            if (!_live || Environment.TickCount64 - _lastTick < 250)
            {
                return;
            }

            _lastTick = Environment.TickCount64;
            Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\rvalidated {value.Reports} reports ({value.Invalid} invalid), {value.Reports / Math.Max(value.Elapsed.TotalSeconds, 1e-9):F0}/s"));
        }
    }
}
