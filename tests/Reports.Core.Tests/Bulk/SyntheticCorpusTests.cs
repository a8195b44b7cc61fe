using System.IO;
using System.Linq;
using Reports.Core.Editions;
using Reports.Core.Synthetic;
using Xunit;

namespace Reports.Core.Tests.Bulk;

/// <summary>The synthetic corpus is reproducible from its seed, and its seeded errors are what the manifest says.</summary>
public sealed class SyntheticCorpusTests
{
    private static byte[] Write(SyntheticCorpus corpus, int count, TextWriter? manifest = null)
    {
        var stream = new MemoryStream();
        corpus.WriteNdjson(stream, count, manifest);
        return stream.ToArray();
    }

    [Fact]
    public void Same_seed_gives_the_same_bytes_and_another_seed_does_not()
    {
        byte[] a = Write(new SyntheticCorpus(42, null, 0.1), 300);
        byte[] b = Write(new SyntheticCorpus(42, null, 0.1), 300);
        byte[] c = Write(new SyntheticCorpus(43, null, 0.1), 300);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Any_report_can_be_regenerated_alone()
    {
        var corpus = new SyntheticCorpus(7, null, 0.5);
        SyntheticReport[] all = corpus.Generate(0, 50).ToArray();
        Assert.Equal(all[37].Utf8Json.ToArray(), corpus.Generate(37).Utf8Json.ToArray());
        Assert.Equal(all[37].Error, corpus.Generate(37).Error);
    }

    [Fact]
    public void Valid_reports_validate_without_findings_and_editions_follow_the_choice()
    {
        foreach (SyntheticReport report in new SyntheticCorpus(1, new[] { Report2021.Edition }).Generate(0, 100))
        {
            Assert.Same(Report2021.Edition, report.Edition);
            var result = Report2021.FromJson(System.Text.Encoding.UTF8.GetString(report.Utf8Json.Span));
            Assert.True(result.IsValid);
            Assert.Empty(result.Diagnostics);
        }

        var mixed = new SyntheticCorpus(1).Generate(0, 100).Select(r => r.Edition.Id).Distinct().OrderBy(x => x);
        Assert.Equal(new[] { "2019", "2021" }, mixed);
    }

    [Fact]
    public void Manifest_lists_each_seeded_error_with_its_line_and_expected_id()
    {
        var corpus = new SyntheticCorpus(3, null, 0.3);
        var manifest = new StringWriter();
        Write(corpus, 200, manifest);
        string[] rows = manifest.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        SyntheticReport[] seeded = corpus.Generate(0, 200).Where(r => r.Error != SeededError.None).ToArray();
        Assert.Equal(seeded.Length, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            string[] f = rows[i].Split('\t');
            Assert.Equal((seeded[i].Index + 1).ToString(), f[0]);
            Assert.Equal(seeded[i].Error.ToString(), f[2]);
            Assert.Equal(seeded[i].ExpectedDiagnosticId, f[4]);
        }
    }
}
