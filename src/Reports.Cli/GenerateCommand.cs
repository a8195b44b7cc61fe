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
        var edition = new Option<string>("--edition", "-e") { Description = "Edition: " + string.Join(", ", ReportEditions.Ids) + " or mixed.", DefaultValueFactory = _ => Mixed };
        edition.AcceptOnlyFromAmong([.. ReportEditions.Ids, Mixed]);
        var seed = new Option<int>("--seed", "-s") { Description = "Seed; the same seed gives the same corpus.", DefaultValueFactory = _ => 1 };
        var errorRate = new Option<double>("--error-rate") { Description = "Share of reports (0–1) with one seeded error.", DefaultValueFactory = _ => 0.1 };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the NDJSON (default: standard output)." };
        var manifest = new Option<string?>("--manifest") { Description = "Also write a TSV manifest of the seeded errors (line, edition, error, cell, expected id)." };
        var files = new Option<string?>("--files")
        {
            Description = "Instead of NDJSON, write one report file each into this folder (1,000 per subfolder), rendered as published: pipe, tab and aligned text, HTML in UTF-8 and in GBK, and JSON, in turn.",
        };
        var command = new Command("generate", "Write a synthetic NDJSON corpus of random reports, valid or with known seeded errors.")
        {
            count, edition, seed, errorRate, output, manifest, files,
        };
        command.SetAction(parse => parse.GetValue(files) is { } folder
            ? WriteFiles(folder, parse.GetValue(count), Corpus(parse.GetValue(edition) ?? Mixed, parse.GetValue(seed), parse.GetValue(errorRate)))
            : Run(parse.GetValue(count), parse.GetValue(edition) ?? Mixed, parse.GetValue(seed), parse.GetValue(errorRate), parse.GetValue(output), parse.GetValue(manifest)));
        return command;
    }

    private const string Mixed = "mixed";

    private static SyntheticCorpus Corpus(string edition, int seed, double errorRate) => new(seed, EditionsFor(edition), Math.Clamp(errorRate, 0, 1));

    // One edition by its id, or every edition for "mixed" (the option accepts nothing else).
    private static IEnumerable<ReportEdition> EditionsFor(string edition) =>
        ReportEditions.Find(edition) is { } one ? new[] { one } : ReportEditions.All;

    /// <summary>A folder of report files, as agencies publish them (the folder <c>check</c> is measured on).</summary>
    private static int WriteFiles(string folder, long count, SyntheticCorpus corpus)
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding gbk = Encoding.GetEncoding("gbk");
        var utf8 = new UTF8Encoding(false);
        try
        {
            foreach (SyntheticReport report in corpus.Generate(0, count))
            {
                string dir = Path.Combine(folder, (report.Index / 1000).ToString("D4", CultureInfo.InvariantCulture));
                Directory.CreateDirectory(dir);
                string name = Path.Combine(dir, report.Index.ToString("D7", CultureInfo.InvariantCulture));
                switch (report.Index % 6)
                {
                    case 0:
                        File.WriteAllText(name + ".txt", ReportTextRenderer.Render(report, RenderLayout.Pipe), utf8);
                        break;
                    case 1:
                        File.WriteAllText(name + ".txt", ReportTextRenderer.Render(report, RenderLayout.Tab), utf8);
                        break;
                    case 2:
                        File.WriteAllText(name + ".txt", ReportTextRenderer.Render(report, RenderLayout.Layout), utf8);
                        break;
                    case 3:
                        File.WriteAllBytes(name + ".html", gbk.GetBytes(ReportTextRenderer.Render(report, RenderLayout.Html).Replace("charset=\"utf-8\"", "charset=\"gbk\"", StringComparison.Ordinal)));
                        break;
                    case 4:
                        File.WriteAllText(name + ".html", ReportTextRenderer.Render(report, RenderLayout.Html), utf8);
                        break;
                    default:
                        using (FileStream json = File.Create(name + ".json"))
                        {
                            json.Write(report.Utf8Json.Span);
                        }

                        break;
                }
            }

            Console.Error.WriteLine("generated " + count.ToString(CultureInfo.InvariantCulture) + " report files in " + folder);
            return Program.ExitClean;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("reports-check: cannot write: " + ex.Message);
            return Program.ExitUsage;
        }
    }

    private static int Run(long count, string edition, int seed, double errorRate, string? outputPath, string? manifestPath)
    {
        if (count < 0 || errorRate < 0 || errorRate > 1)
        {
            Console.Error.WriteLine("reports-check: --count must be ≥ 0 and --error-rate between 0 and 1");
            return Program.ExitUsage;
        }

        var corpus = new SyntheticCorpus(seed, EditionsFor(edition), errorRate);
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
