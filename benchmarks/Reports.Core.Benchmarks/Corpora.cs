using System.Collections.Generic;
using System.IO;
using System.Linq;
using Reports.Core.Editions;
using Reports.Core.Reports;
using Reports.Core.Synthetic;

namespace Reports.Core.Benchmarks;

/// <summary>Shared inputs: synthetic reports of one edition (or both), reproducible from a fixed seed.</summary>
public static class Corpora
{
    public const int Seed = 20240601;

    /// <summary>One edition by its id (from the generated registry), or every edition for "mixed".</summary>
    public static ReportEdition[] EditionsFor(string edition) =>
        ReportEditions.Find(edition) is { } one ? new[] { one } : ReportEditions.All.ToArray();

    public static SyntheticReport[] Reports(string edition, int count, double errorRate) =>
        new SyntheticCorpus(Seed, EditionsFor(edition), errorRate).Generate(0, count).ToArray();

    public static byte[] Ndjson(string edition, int count, double errorRate)
    {
        var stream = new MemoryStream();
        new SyntheticCorpus(Seed, EditionsFor(edition), errorRate).WriteNdjson(stream, count);
        return stream.ToArray();
    }

    /// <summary>Each line of <paramref name="ndjson"/> as (start, length), line breaks excluded.</summary>
    public static (int Start, int Length)[] Lines(byte[] ndjson)
    {
        var lines = new List<(int, int)>();
        int start = 0;
        for (int i = 0; i < ndjson.Length; i++)
        {
            if (ndjson[i] == (byte)'\n')
            {
                lines.Add((start, i - start));
                start = i + 1;
            }
        }

        return lines.ToArray();
    }
}
