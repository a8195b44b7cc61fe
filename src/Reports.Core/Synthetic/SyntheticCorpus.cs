using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Reports.Core.Cells;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Schema;

namespace Reports.Core.Synthetic;

/// <summary>
/// A reproducible corpus of synthetic reports for bulk checks and benchmarks: report <c>i</c> is a pure function
/// of the seed and <c>i</c>, so any slice can be regenerated (and generated in parallel). Most reports are valid;
/// a share <see cref="ErrorRate"/> carries one seeded error of a known kind (see <see cref="SeededError"/>).
/// </summary>
public sealed class SyntheticCorpus
{
    private static readonly SeededError[] ErrorKinds =
    {
        SeededError.IdentityBroken, SeededError.NegativeValue, SeededError.UnreadableCell,
        SeededError.MissingPart, SeededError.MalformedJson, SeededError.UnknownEdition,
    };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ReportEdition[] _editions;

    /// <summary>Creates a corpus definition.</summary>
    /// <param name="seed">Seed: the same seed gives the same corpus, byte for byte.</param>
    /// <param name="editions">Editions to draw from (each report picks one at random); default both built-in editions.</param>
    /// <param name="errorRate">Share of reports (0–1) that carry one seeded error.</param>
    public SyntheticCorpus(int seed, IEnumerable<ReportEdition>? editions = null, double errorRate = 0)
    {
        if (errorRate < 0 || errorRate > 1 || double.IsNaN(errorRate))
        {
            throw new ArgumentOutOfRangeException(nameof(errorRate), errorRate, "The error rate must lie between 0 and 1.");
        }

        _editions = (editions ?? ReportEditions.All).ToArray();
        if (_editions.Length == 0)
        {
            throw new ArgumentException("At least one edition is required.", nameof(editions));
        }

        Seed = seed;
        ErrorRate = errorRate;
    }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>Share of reports with a seeded error.</summary>
    public double ErrorRate { get; }

    /// <summary>The editions reports are drawn from.</summary>
    public IReadOnlyList<ReportEdition> Editions => _editions;

    /// <summary>Report number <paramref name="index"/> (from 0) of the corpus.</summary>
    public SyntheticReport Generate(long index)
    {
        var random = new Random(Mix(Seed, index));
        ReportEdition edition = _editions[_editions.Length == 1 ? 0 : random.Next(_editions.Length)];
        ReportSchema schema = edition.Schema;
        int from = schema.FromYear ?? 2021;
        int to = schema.ToYear ?? from + 4;
        var info = new ReportInfo
        {
            Agency = "合成机关" + index.ToString(CultureInfo.InvariantCulture),
            Year = from + random.Next(to - from + 1),
        };
        long[] values = SyntheticValues.Create(schema, random);
        SeededError error = random.NextDouble() < ErrorRate ? ErrorKinds[random.Next(ErrorKinds.Length)] : SeededError.None;
        SyntheticValues.Plan plan = SyntheticValues.PlanFor(schema);
        ReportCells cells = ReportCells.FromValues(schema, values);
        string? cellKey = null;
        switch (error)
        {
            case SeededError.IdentityBroken:
                IdentityInfo identity = schema.Identities[plan.Summations[random.Next(plan.Summations.Length)]];
                int total = identity.Left[0];
                cellKey = schema.Cells[total].Key;
                cells = cells.With(total, Cell.Number(values[total] + 1 + random.Next(5), schema.Cells[total].Scale));
                break;
            case SeededError.NegativeValue:
                int negative = plan.CountParts[random.Next(plan.CountParts.Length)];
                cellKey = schema.Cells[negative].Key;
                cells = cells.With(negative, Cell.Number(-1 - random.Next(50)));
                break;
            case SeededError.UnreadableCell:
                int text = plan.Parts[random.Next(plan.Parts.Length)];
                cellKey = schema.Cells[text].Key;
                cells = cells.With(text, Cell.Text("十二"));
                break;
            case SeededError.MissingPart:
                int missing = plan.Parts[random.Next(plan.Parts.Length)];
                cellKey = schema.Cells[missing].Key;
                cells = cells.With(missing, Cell.Missing);
                break;
        }

        byte[] json = Write(schema, info, cells);
        if (error == SeededError.MalformedJson)
        {
            int cut = json.Length / 2;
            while (cut > 1 && json[cut] >= 0x80)
            {
                cut--; // never split a UTF-8 sequence
            }

            json = json.AsSpan(0, cut).ToArray();
        }
        else if (error == SeededError.UnknownEdition)
        {
            string line = Encoding.UTF8.GetString(json);
            string head = "{\"edition\":\"" + schema.Edition + "\"";
            json = Encoding.UTF8.GetBytes("{\"edition\":\"2099\"" + line.Substring(head.Length));
        }

        return new SyntheticReport(index, edition, info, cells, error, cellKey, json);
    }

    /// <summary>Reports <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> − 1.</summary>
    public IEnumerable<SyntheticReport> Generate(long start, long count)
    {
        for (long i = start; i < start + count; i++)
        {
            yield return Generate(i);
        }
    }

    /// <summary>
    /// Writes reports 0 to <paramref name="count"/> − 1 as NDJSON (one report per line, <c>\n</c> line ends) to
    /// <paramref name="output"/>; when <paramref name="manifest"/> is given, writes one tab-separated line per seeded error:
    /// line number, edition, error kind, cell key, expected diagnostic id. Reports are generated on all cores, written in order.
    /// </summary>
    /// <returns>How many reports carry each seeded error.</returns>
    public IReadOnlyDictionary<SeededError, long> WriteNdjson(Stream output, long count, TextWriter? manifest = null, IProgress<long>? progress = null)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        var counts = new SortedDictionary<SeededError, long>();
        manifest?.Write("line\tedition\terror\tcell\texpected\n");
        const int Batch = 4096;
        var batch = new SyntheticReport[Batch];
        for (long start = 0; start < count; start += Batch)
        {
            int n = (int)Math.Min(Batch, count - start);
            long first = start;
            System.Threading.Tasks.Parallel.For(0, n, i => batch[i] = Generate(first + i));
            for (int i = 0; i < n; i++)
            {
                SyntheticReport report = batch[i];
                output.Write(report.Utf8Json.Span);
                output.WriteByte((byte)'\n');
                counts[report.Error] = counts.TryGetValue(report.Error, out long c) ? c + 1 : 1;
                if (manifest is not null && report.Error != SeededError.None)
                {
                    manifest.Write(string.Join("\t", (report.Index + 1).ToString(CultureInfo.InvariantCulture), report.Edition.Id, report.Error.ToString(), report.CellKey ?? "-", report.ExpectedDiagnosticId) + "\n");
                }
            }

            progress?.Report(start + n);
        }

        return counts;
    }

    private static byte[] Write(ReportSchema schema, ReportInfo info, ReportCells cells)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            ReportJson.Write(writer, schema, info, cells);
        }

        return buffer.WrittenSpan.ToArray();
    }

    // SplitMix64 of (seed, index): neighbouring indexes get unrelated streams.
    private static int Mix(int seed, long index)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32) ^ (ulong)index) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return unchecked((int)z);
    }
}
