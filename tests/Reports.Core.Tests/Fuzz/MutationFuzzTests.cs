using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Reports.Core.Bulk;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;
using Xunit;
using Xunit.Abstractions;

namespace Reports.Core.Tests.Fuzz;

/// <summary>
/// Seeded mutation fuzzing of everything that takes data (issue 13), in two runs. The JSON run: the sample fixtures and
/// generated reports of both editions, mutated (truncations, byte flips, invalid UTF-8, huge digit runs, duplicate keys,
/// deep nesting, contradictory cells, …), fed to both JSON readers, validation and bulk. The import run: the samples,
/// the dev set and the fixtures as files, mutated as published text goes wrong (<see cref="TextMutators"/>), fed to the
/// importer and <c>ReportFile.Read</c>. Asserts no exception, no input over a work bound (steps and allocated bytes), no
/// validated report from a document with a read error, and no number of a JSON input lost without a word
/// (<see cref="NumbersKept"/>). The seed is printed (and in every failure); replay or run longer with
/// <c>tools/fuzz --seconds 1800 [--seed N]</c> (docs/fuzzing.md).
/// </summary>
public sealed class MutationFuzzTests
{
    private readonly ITestOutputHelper _output;

    public MutationFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Mutated_reports_never_throw_never_stall_and_never_validate_with_a_read_error()
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out int s) ? s : Environment.TickCount & int.MaxValue;
        int inputs = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_INPUTS"), out int n) ? n : 30_000;
        int importInputs = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_IMPORT_INPUTS"), out int m) ? m : 3_000;
        double seconds = double.TryParse(Environment.GetEnvironmentVariable("FUZZ_SECONDS"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double t) ? t : 60;
        _output.WriteLine("FUZZ_SEED=" + seed + " FUZZ_INPUTS=" + inputs + " FUZZ_IMPORT_INPUTS=" + importInputs + " FUZZ_SECONDS=" + seconds);
        Console.WriteLine("MutationFuzz: FUZZ_SEED=" + seed);

        // Two thirds of the time for the JSON run, the rest for the import run (an import costs ~100 JSON inputs).
        FuzzRun json = await Fuzzer.RunAsync(seed, inputs, TimeSpan.FromSeconds(seconds * 2 / 3), FuzzTargets.Json, Corpus.Seeds(), Mutators.Apply, streams: true);
        _output.WriteLine("json: " + json.Summary);
        FuzzRun import = await Fuzzer.RunAsync(seed, importInputs, TimeSpan.FromSeconds(seconds / 3), FuzzTargets.Import, Corpus.Files(), TextMutators.Apply, streams: false);
        _output.WriteLine("import: " + import.Summary);
        Console.WriteLine("MutationFuzz: FUZZ_SEED=" + seed + ", json " + json.Inputs + " inputs, import " + import.Inputs + " inputs");

        var failures = json.Failures.Select(f => "json " + f).Concat(import.Failures.Select(f => "import " + f)).ToList();
        Assert.True(failures.Count == 0, "FUZZ_SEED=" + seed + ": " + failures.Count + " failure(s):\n" + string.Join("\n", failures.Take(10)));
        Assert.True(json.Inputs >= Math.Min(inputs, 1000), "only " + json.Inputs + " JSON inputs ran (FUZZ_SEED=" + seed + ")");
        Assert.True(import.Inputs >= Math.Min(importInputs, 50), "only " + import.Inputs + " import inputs ran (FUZZ_SEED=" + seed + ")");
    }

    [Fact]
    public void The_mutators_reach_the_shapes_of_issue_13()
    {
        var random = new Random(13);
        byte[] seed = Corpus.Seeds()[0];
        var seen = new HashSet<string>();
        for (int i = 0; i < 2000; i++)
        {
            seen.Add(Mutators.Apply(random, seed, Corpus.Seeds()).Name);
        }

        Assert.Superset(new HashSet<string> { "truncate", "flip", "invalid-utf8", "digits", "duplicate", "nest", "conflict", "drop-edition", "surrogate" }, seen);

        byte[] text = Corpus.Files().First(f => f.Length > 1000 && f[0] != (byte)'{');
        var textSeen = new HashSet<string>();
        for (int i = 0; i < 2000; i++)
        {
            textSeen.Add(TextMutators.Apply(random, text, Corpus.Files()).Name);
        }

        Assert.Superset(new HashSet<string> { "other-digits", "long-digits", "glue", "sentence", "repeat-line", "html", "encoding", "swap-lines", "cut-lines", "truncate", "flip" }, textSeen);
    }

    [Fact]
    public void The_no_value_lost_law_finds_a_number_dropped_without_a_word()
    {
        // A read that keeps every number passes; the same read with one cell dropped, or one finding removed, fails.
        byte[] json = Encoding.UTF8.GetBytes("{\"edition\":\"2021\",\"year\":2021,\"t3\":{\"new\":{\"np\":77,\"biz\":{\"value\":5,\"line\":3,\"column\":4,\"length\":1}}},\"t3x\":{\"np\":123457}}");
        ReportJsonReadResult read = ReportJson.Read(Report2021.Edition, json);
        Assert.Empty(NumbersKept.Lost(json, Report2021.Schema, read));

        int np = Report2021.Schema.Cells.Single(c => c.Key == "t3.new.np").Ordinal;
        ReportCells dropped = read.Cells!.With(np, Cell.Missing);
        Assert.Equal(new[] { "t3.new.np = 77" }, NumbersKept.Lost(json, Report2021.Schema, read.Info, dropped, read.Diagnostics));

        var unquoted = read.Diagnostics.Where(d => d.Id != "RC1102").ToList();
        Assert.Equal(new[] { "t3x.np = 123457" }, NumbersKept.Lost(json, Report2021.Schema, read.Info, read.Cells!, unquoted));

        int biz = Report2021.Schema.Cells.Single(c => c.Key == "t3.new.biz").Ordinal;
        ReportCells unlocated = read.Cells!.With(biz, Cell.Number(5));
        Assert.Equal(new[] { "t3.new.biz.line = 3", "t3.new.biz.column = 4", "t3.new.biz.length = 1" }, NumbersKept.Lost(json, Report2021.Schema, read.Info, unlocated, read.Diagnostics));
        Assert.Equal(new[] { "year = 2021" }, NumbersKept.Lost(json, Report2021.Schema, ReportInfo.Empty, read.Cells!, read.Diagnostics));
        Assert.False(NumbersKept.Quotes("values 17 and 2", "7"));
        Assert.False(NumbersKept.Quotes("table t3 ends", "3"));
        Assert.True(NumbersKept.Quotes("values 7 and 2", "7"));
    }

    [Theory]
    [InlineData("{\"state\":\"number\",\"value\":5,\"line\":99999999999}", "RC1106")]
    [InlineData("{\"value\":5,\"line\":-3,\"column\":2}", "RC1106")]
    [InlineData("{\"value\":5,\"column\":7}", "RC1106")]
    [InlineData("{\"state\":\"missing\",\"line\":4}", "RC1103")]
    [InlineData("{\"value\":1e-400,\"raw\":\"x\"}", "RC1103")]
    public void A_number_of_a_cell_object_the_cell_cannot_keep_is_quoted_in_an_error(string cell, string id)
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"edition\":\"2021\",\"t3\":{\"new\":{\"np\":" + cell + "}}}");
        ReportJsonReadResult read = ReportJson.Read(Report2021.Edition, json);
        Diagnostic d = Assert.Single(read.Diagnostics, x => x.IsError);
        Assert.Equal(id, d.Id);
        Assert.Equal("t3.new.np", d.Location.CellKey);
        Assert.Empty(NumbersKept.Lost(json, Report2021.Schema, read));
        Assert.False(Report2021.FromJson(Encoding.UTF8.GetString(json)).IsValid);
    }

    [Fact]
    public void Metadata_of_the_wrong_type_is_quoted()
    {
        byte[] json = "{\"edition\":\"2021\",\"agency\":31415,\"source\":[2718]}"u8.ToArray();
        ReportJsonReadResult read = ReportJson.Read(Report2021.Edition, json);
        Assert.Contains(read.Diagnostics, d => d.Id == "RC1106" && d.Message.Contains("31415", StringComparison.Ordinal));
        Assert.Contains(read.Diagnostics, d => d.Id == "RC1106" && d.Message.Contains("2718", StringComparison.Ordinal));
        Assert.Empty(NumbersKept.Lost(json, Report2021.Schema, read));
    }
}

/// <summary>Something that takes data; it reports a broken property through <see cref="FuzzContext.Fail"/>, and must not throw.</summary>
public interface IFuzzTarget
{
    /// <summary>Shown in failures.</summary>
    string Name { get; }

    /// <summary>Runs one input.</summary>
    void Run(byte[] input, FuzzContext context);

    /// <summary>The most a run may allocate on an input of <paramref name="inputLength"/> bytes: a bound on work, counted, never timed.</summary>
    long MaxAllocatedBytes(int inputLength);
}

/// <summary>The targets the fuzz test runs: the JSON run's and the import run's.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<IFuzzTarget> Json { get; } = new IFuzzTarget[]
    {
        new JsonReaderTarget(),
        new ConverterTarget(),
        new BulkLineTarget(),
    };

    public static IReadOnlyList<IFuzzTarget> Import { get; } = new IFuzzTarget[]
    {
        new ImportTarget(),
    };
}

/// <summary>What a target may report about one input.</summary>
public sealed class FuzzContext
{
    private readonly List<string> _failures;

    internal FuzzContext(List<string> failures, string mutation, int index)
    {
        _failures = failures;
        Mutation = mutation;
        Index = index;
    }

    public string Mutation { get; }

    public int Index { get; }

    public void Fail(string target, string what, byte[] input) =>
        _failures.Add("#" + Index + " " + Mutation + " → " + target + ": " + what + " — input " + Preview(input));

    private static string Preview(byte[] input)
    {
        string text = Encoding.UTF8.GetString(input, 0, Math.Min(input.Length, 160)).Replace("\n", "\\n", StringComparison.Ordinal);
        return "(" + input.Length + " bytes) " + text;
    }
}

internal sealed class FuzzRun
{
    public List<string> Failures { get; } = new();

    public int Inputs { get; set; }

    public string Summary { get; set; } = string.Empty;
}

internal static class Fuzzer
{
    private static readonly BulkValidator StreamValidator = new(new BulkOptions { ChunkBytes = 4096, MaxDegreeOfParallelism = 2 });

    public static async Task<FuzzRun> RunAsync(
        int seed, int inputs, TimeSpan budget, IReadOnlyList<IFuzzTarget> targets, byte[][] seeds, Func<Random, byte[], byte[][], (string Name, byte[] Input)> mutate, bool streams)
    {
        var run = new FuzzRun();
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var batch = new List<byte[]>();
        var counts = new Dictionary<string, int>();
        var time = targets.ToDictionary(t => t.Name, _ => new Stopwatch());
        var mostAllocated = targets.ToDictionary(t => t.Name, _ => (Bytes: 0L, Length: 0, Index: 0, Mutation: string.Empty));
        var streamTime = new Stopwatch();
        for (int i = 0; i < inputs && clock.Elapsed < budget; i++)
        {
            (string name, byte[] input) = mutate(random, seeds[random.Next(seeds.Length)], seeds);
            counts[name] = counts.GetValueOrDefault(name) + 1;
            var context = new FuzzContext(run.Failures, name, i);
            foreach (IFuzzTarget target in targets)
            {
                long before = WorkCounter.Steps;
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                time[target.Name].Start();
                try
                {
                    target.Run(input, context);
                }
                catch (Exception ex)
                {
                    context.Fail(target.Name, "threw " + ex.GetType().Name + ": " + ex.Message, input);
                }

                time[target.Name].Stop();
                long steps = WorkCounter.Steps - before;
                if (steps > (4L * input.Length) + 100_000)
                {
                    context.Fail(target.Name, "took " + steps + " steps", input);
                }

                long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                if (allocated > target.MaxAllocatedBytes(input.Length))
                {
                    context.Fail(target.Name, "allocated " + allocated + " bytes", input);
                }

                if (allocated > mostAllocated[target.Name].Bytes)
                {
                    mostAllocated[target.Name] = (allocated, input.Length, i, name);
                }
            }

            batch.Add(input);
            if (streams && batch.Count == 256)
            {
                streamTime.Start();
                await StreamAsync(batch, run.Failures, i);
                streamTime.Stop();
                batch.Clear();
            }

            run.Inputs++;
        }

        if (streams)
        {
            await StreamAsync(batch, run.Failures, run.Inputs);
        }

        run.Summary = run.Inputs + " inputs in " + clock.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s: "
            + string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + " " + c.Value))
            + "; time: " + string.Join(", ", time.Select(t => t.Key + " " + t.Value.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s"))
            + ", bulk streams " + streamTime.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s"
            + "; most allocated: " + string.Join(", ", mostAllocated.Select(a => a.Key + " " + a.Value.Bytes + " B for " + a.Value.Length + " B (#" + a.Value.Index + " " + a.Value.Mutation + ")"));
        return run;
    }

    // The inputs as one NDJSON stream: every non-blank line gets exactly one result, in order, and the stream never stops.
    private static async Task StreamAsync(List<byte[]> batch, List<string> failures, int index)
    {
        if (batch.Count == 0)
        {
            return;
        }

        // One input per line (indented seeds folded onto one line), every few a blank line.
        byte[] stream = batch.SelectMany((b, i) => b.Select(c => c is (byte)'\n' or (byte)'\r' ? (byte)' ' : c).Concat(i % 7 == 0 ? "\n\n"u8.ToArray() : "\n"u8.ToArray())).ToArray();
        int expected = 0;
        foreach (byte[] line in SplitLines(stream))
        {
            expected += line.AsSpan().Trim(" \t\r"u8).IsEmpty ? 0 : 1;
        }

        try
        {
            var results = new List<BulkResult>();
            await StreamValidator.RunAsync(new MemoryStream(stream), results.Add);
            if (results.Count != expected)
            {
                failures.Add("stream ending at #" + index + ": " + results.Count + " results for " + expected + " lines");
            }

            for (int i = 1; i < results.Count; i++)
            {
                if (results[i].LineNumber <= results[i - 1].LineNumber)
                {
                    failures.Add("stream ending at #" + index + ": results out of order");
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            failures.Add("stream ending at #" + index + ": threw " + ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static IEnumerable<byte[]> SplitLines(byte[] stream)
    {
        int start = 0;
        for (int i = 0; i <= stream.Length; i++)
        {
            if (i == stream.Length || stream[i] == (byte)'\n')
            {
                yield return stream[start..i];
                start = i + 1;
            }
        }
    }
}

/// <summary>The seeds: the sample fixtures (published reports as JSON) and generated reports of both editions, indented and not.</summary>
internal static class Corpus
{
    private static byte[][]? s_seeds;
    private static byte[][]? s_files;

    public static byte[][] Seeds() => s_seeds ??= Load();

    /// <summary>The import run's seeds: every sample, dev-set text and fixture as a file's bytes, and a generated report as HTML and aligned text.</summary>
    public static byte[][] Files() => s_files ??= LoadFiles();

    private static byte[][] LoadFiles()
    {
        var files = new List<byte[]>();
        foreach (string folder in new[] { "samples", "DevSet", "Fixtures" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, folder)).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal))
            {
                files.Add(File.ReadAllBytes(file));
            }
        }

        Report2021 report = Support.RandomReports.Build2021(300).Report!;
        files.Add(Encoding.UTF8.GetBytes(Synthetic.ReportTextRenderer.Render(report.ToDraft().Cells, Synthetic.RenderLayout.Html, "某县人民政府办公室", 2023)));
        files.Add(Encoding.UTF8.GetBytes(Synthetic.ReportTextRenderer.Render(report.ToDraft().Cells, Synthetic.RenderLayout.RunTogether, "某县人民政府办公室", 2023)));
        return files.ToArray();
    }

    private static byte[][] Load()
    {
        var seeds = new List<byte[]>();
        string fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        foreach (string file in Directory.EnumerateFiles(fixtures, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            seeds.Add(File.ReadAllBytes(file));
        }

        for (int i = 0; i < 4; i++)
        {
            Report2021 r21 = Support.RandomReports.Build2021(100 + i).Report!;
            Report2019 r19 = Support.RandomReports.Build2019(200 + i).Report!;
            seeds.Add(Encoding.UTF8.GetBytes(r21.ToJson(indented: i % 2 == 0)));
            seeds.Add(Encoding.UTF8.GetBytes(r19.ToJson(indented: i % 2 == 1)));
            seeds.Add(Encoding.UTF8.GetBytes(r21.ToDraft().ToJson()));
        }

        return seeds.ToArray();
    }
}

/// <summary>Mutations of a seed; each names itself so a failure says what produced it.</summary>
internal static class Mutators
{
    private static readonly string[] Numbers =
    {
        "1e-400", "0e-400", "1e30", "-0", "99999999999999999999", "9999999999999999999999999999", "2147483648", "-1", "1.5",
        "1.00e2", "123456789012345678901234567890e-10", "0.0001", "1E+2", "-9223372036854775808", "1e999999999999",
    };

    private static readonly string[] Cells =
    {
        "{\"state\":\"blank\",\"value\":999}", "{\"state\":\"missing\",\"value\":999}", "{\"value\":7,\"value\":2}", "{\"state\":\"text\"}",
        "{\"raw\":\"1,2\"}", "{\"raw\":\"3元\"}", "\"3940元\"", "\"1,234\"", "\"十二\"", "[1]", "true", "{}", "{\"state\":\"number\",\"raw\":\"\\ud800\"}",
        "\"\\u0000\"", "{\"state\":\"notApplicable\",\"value\":1,\"raw\":\"/\",\"line\":99999999999}",
    };

    public static (string Name, byte[] Input) Apply(Random random, byte[] seed, byte[][] all)
    {
        switch (random.Next(14))
        {
            case 0:
                return ("truncate", seed[..random.Next(seed.Length + 1)]);
            case 1:
            {
                byte[] copy = (byte[])seed.Clone();
                for (int k = random.Next(1, 6); k > 0 && copy.Length > 0; k--)
                {
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                }

                return ("flip", copy);
            }

            case 2:
            {
                byte[][] bad = { new byte[] { 0xC3 }, new byte[] { 0xFF }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xE2, 0x82 } };
                return ("invalid-utf8", Insert(seed, random.Next(seed.Length + 1), bad[random.Next(bad.Length)]));
            }

            case 3:
                return ("digits", ReplaceNumber(random, seed, new string((char)('1' + random.Next(9)), random.Next(19, 400))));
            case 4:
                return ("number", ReplaceNumber(random, seed, Numbers[random.Next(Numbers.Length)]));
            case 5:
                return ("conflict", ReplaceNumber(random, seed, Cells[random.Next(Cells.Length)]));
            case 6:
                return ("duplicate", Duplicate(random, seed));
            case 7:
            {
                int depth = random.Next(2) == 0 ? random.Next(60, 70) : random.Next(1, 2000);
                string open = string.Concat(Enumerable.Repeat("{\"x\":", depth)) + "1" + new string('}', depth);
                return ("nest", Insert(seed, AfterFirstBrace(seed), Encoding.UTF8.GetBytes("\"deep\":" + open + ",")));
            }

            case 8:
            {
                string text = Encoding.UTF8.GetString(seed);
                int at = text.IndexOf("\"edition\"", StringComparison.Ordinal);
                int comma = at < 0 ? -1 : text.IndexOf(',', at);
                return ("drop-edition", at < 0 || comma < 0 ? seed : Encoding.UTF8.GetBytes(text.Remove(at, comma - at + 1)));
            }

            case 9:
                return ("surrogate", Insert(seed, AfterFirstBrace(seed), Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "\"agency\":\"\\ud800x\"," : "\"\\udc00\":1,")));
            case 10:
            {
                byte[] other = all[random.Next(all.Length)];
                int a = random.Next(seed.Length + 1), b = random.Next(other.Length + 1);
                return ("splice", seed[..a].Concat(other[b..]).ToArray());
            }

            case 11:
                return ("unknown", Insert(seed, AfterFirstBrace(seed), Encoding.UTF8.GetBytes("\"t3x\":{\"np\":" + random.Next() + ",\"s\":[1,2,{\"a\":3}]},")));
            case 12:
                return ("newline", Insert(seed, random.Next(seed.Length + 1), "\n"u8.ToArray()));
            default:
            {
                byte[] copy = (byte[])seed.Clone();
                if (copy.Length > 0)
                {
                    int at = random.Next(copy.Length);
                    int length = Math.Min(random.Next(1, 40), copy.Length - at);
                    return ("delete", copy[..at].Concat(copy[(at + length)..]).ToArray());
                }

                return ("delete", copy);
            }
        }
    }

    private static int AfterFirstBrace(byte[] seed)
    {
        int at = Array.IndexOf(seed, (byte)'{');
        return at < 0 ? 0 : at + 1;
    }

    private static byte[] Insert(byte[] seed, int at, byte[] what) => seed[..at].Concat(what).Concat(seed[at..]).ToArray();

    // Replaces one number token (a run of digits after ':' and optional spaces) with `replacement`.
    private static byte[] ReplaceNumber(Random random, byte[] seed, string replacement)
    {
        var starts = new List<int>();
        for (int i = 1; i < seed.Length; i++)
        {
            if (seed[i] is >= (byte)'0' and <= (byte)'9' && (seed[i - 1] == (byte)':' || seed[i - 1] == (byte)' '))
            {
                starts.Add(i);
            }
        }

        if (starts.Count == 0)
        {
            return seed;
        }

        int start = starts[random.Next(starts.Count)];
        int end = start;
        while (end < seed.Length && (seed[end] is >= (byte)'0' and <= (byte)'9' || seed[end] == (byte)'.'))
        {
            end++;
        }

        return seed[..start].Concat(Encoding.UTF8.GetBytes(replacement)).Concat(seed[end..]).ToArray();
    }

    // Repeats one "name": value member (a primitive value) right after itself, or the metadata.
    private static byte[] Duplicate(Random random, byte[] seed)
    {
        string text = Encoding.UTF8.GetString(seed);
        var members = System.Text.RegularExpressions.Regex.Matches(text, "\"[A-Za-z0-9]+\"\\s*:\\s*(\"[^\"]*\"|[-0-9.eE+]+|null)");
        if (members.Count == 0)
        {
            return seed;
        }

        var m = members[random.Next(members.Count)];
        string changed = m.Value.Contains('"') && char.IsDigit(m.Value[^1]) ? m.Value + "1" : m.Value;
        return Encoding.UTF8.GetBytes(text.Insert(m.Index + m.Length, "," + changed));
    }
}

/// <summary>Both readers of ReportJson (bytes and text) for both editions, and validation of what they read.</summary>
internal sealed class JsonReaderTarget : IFuzzTarget
{
    public string Name => "ReportJson/FromJson";

    // Both editions read and validated, and FromJson of each: ~1 KB per input byte (duplicate keys, unknown members) at most.
    public long MaxAllocatedBytes(int inputLength) => (2_000L * inputLength) + (4L << 20);

    public void Run(byte[] input, FuzzContext context)
    {
        foreach (ReportEdition edition in ReportEditions.All)
        {
            ReportJsonReadResult read = ReportJson.Read(edition, input);
            List<string> lost = NumbersKept.Lost(input, edition.Schema, read);
            if (lost.Count > 0)
            {
                context.Fail(Name, "ReportJson.Read(" + edition.Id + ") lost numbers without a word: " + string.Join(", ", lost.Take(5)), input);
            }

            if (read.Cells is not null)
            {
                var validated = edition.Validate(edition.CreateDraft(read.Info, read.Cells));
                _ = validated.Diagnostics.Select(d => d.ToString()).ToList(); // every message can be built
            }
        }

        // FromJson's diagnostics are the read findings followed by validation's: a valid result has no error at all.
        string text = Encoding.UTF8.GetString(input);
        Check(context, input, "Report2021.FromJson", Report2021.FromJson(text));
        Check(context, input, "Report2019.FromJson", Report2019.FromJson(text));
    }

    private void Check<T>(FuzzContext context, byte[] input, string what, Validation.ValidationResult<T> result)
        where T : class
    {
        if (result.IsValid && result.Diagnostics.Any(d => d.IsError))
        {
            context.Fail(Name, what + " validated a report with an error: " + result.Diagnostics.First(d => d.IsError), input);
        }
    }
}

/// <summary>The System.Text.Json converters: JsonException is their only way to say no; never another exception, never a report with an error.</summary>
internal sealed class ConverterTarget : IFuzzTarget
{
    public string Name => "JsonSerializer";

    public long MaxAllocatedBytes(int inputLength) => (2_000L * inputLength) + (4L << 20);

    public void Run(byte[] input, FuzzContext context)
    {
        Deserialize<Report2021Draft>(input, context);
        Deserialize<Report2019>(input, context);
        Report2021? report = Deserialize<Report2021>(input, context);
        if (report is not null && !Report2021.FromJson(Encoding.UTF8.GetString(input)).IsValid && System.Text.Unicode.Utf8.IsValid(input))
        {
            context.Fail(Name, "the converter accepted what FromJson rejects", input);
        }
    }

    private T? Deserialize<T>(byte[] input, FuzzContext context)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(input);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One NDJSON line through the bulk validator: never throws, and agrees with FromJson of the edition the line names.</summary>
internal sealed class BulkLineTarget : IFuzzTarget
{
    private readonly BulkValidator _validator = new();

    public string Name => "BulkValidator.ValidateLine";

    public long MaxAllocatedBytes(int inputLength) => (2_000L * inputLength) + (4L << 20);

    public void Run(byte[] input, FuzzContext context)
    {
        BulkResult result = _validator.ValidateLine(input, 1 + context.Index);
        if (result.IsValid && result.Diagnostics.Any(d => d.IsError))
        {
            context.Fail(Name, "valid with an error: " + result.Diagnostics.First(d => d.IsError), input);
        }

        if (input.AsSpan().IndexOf((byte)'\n') >= 0 || !System.Text.Unicode.Utf8.IsValid(input))
        {
            return; // not one line, or not text FromJson(string) could be given
        }

        string text = Encoding.UTF8.GetString(input);
        bool expected = result.Edition?.Id switch
        {
            "2021" => Report2021.FromJson(text).IsValid,
            "2019" => Report2019.FromJson(text).IsValid,
            _ => false,
        };
        if (expected != result.IsValid)
        {
            context.Fail(Name, "bulk says " + (result.IsValid ? "valid" : "invalid") + ", FromJson says " + (expected ? "valid" : "invalid"), input);
        }
    }
}
