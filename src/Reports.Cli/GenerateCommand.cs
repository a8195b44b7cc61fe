using System;
using System.CommandLine;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Reports.Core.Editions;
using Reports.Core.Reports;
using Reports.Core.Synthetic;

namespace Reports.Cli;

/// <summary><c>generate</c>: writes a reproducible synthetic NDJSON corpus (one report draft per line).</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var count = new Option<long>("--count", "-n") { Description = "Number of reports.", DefaultValueFactory = _ => 1000 };
        var edition = new Option<string>("--edition", "-e") { Description = "Edition: 2019, 2021 or mixed.", DefaultValueFactory = _ => "mixed" };
        edition.AcceptOnlyFromAmong("2019", "2021", "mixed");
        var seed = new Option<int>("--seed", "-s") { Description = "Seed; the same seed gives the same corpus.", DefaultValueFactory = _ => 1 };
        var errorRate = new Option<double>("--error-rate") { Description = "Share of reports (0–1) with one seeded error.", DefaultValueFactory = _ => 0.1 };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the NDJSON (default: standard output)." };
        var manifest = new Option<string?>("--manifest") { Description = "Also write a TSV manifest of the seeded errors (line, edition, error, cell, expected id)." };
        var command = new Command("generate", "Write a synthetic NDJSON corpus of random reports, valid or with known seeded errors.")
        {
            count, edition, seed, errorRate, output, manifest,
        };
        command.SetAction(parse => Run(
            parse.GetValue(count), parse.GetValue(edition) ?? "mixed", parse.GetValue(seed), parse.GetValue(errorRate), parse.GetValue(output), parse.GetValue(manifest)));
        return command;
    }

    private static int Run(long count, string edition, int seed, double errorRate, string? outputPath, string? manifestPath)
    {
        if (count < 0 || errorRate < 0 || errorRate > 1)
        {
            Console.Error.WriteLine("reports-check: --count must be ≥ 0 and --error-rate between 0 and 1");
            return Program.ExitUsage;
        }

        IEnumerable<ReportEdition> editions = edition switch
        {
            "2019" => new[] { Report2019.Edition },
            "2021" => new[] { Report2021.Edition },
            _ => SyntheticCorpus.BuiltInEditions,
        };
        var corpus = new SyntheticCorpus(seed, editions, errorRate);
        try
        {
            using Stream output = outputPath is null || outputPath == "-"
                ? Console.OpenStandardOutput()
                : new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            using var buffered = new BufferedStream(output, 1 << 20);
            using TextWriter? manifest = manifestPath is null ? null : new StreamWriter(manifestPath, false, new UTF8Encoding(false));
            IReadOnlyDictionary<SeededError, long> counts = corpus.WriteNdjson(buffered, count, manifest);
            buffered.Flush();
            var parts = new List<string>();
            foreach (KeyValuePair<SeededError, long> pair in counts)
            {
                parts.Add(pair.Key + " " + pair.Value.ToString(CultureInfo.InvariantCulture));
            }

            Console.Error.WriteLine("generated " + count.ToString(CultureInfo.InvariantCulture) + " reports (seed " + seed.ToString(CultureInfo.InvariantCulture) + "): " + string.Join(", ", parts));
            return Program.ExitClean;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("reports-check: cannot write: " + ex.Message);
            return Program.ExitUsage;
        }
    }
}
