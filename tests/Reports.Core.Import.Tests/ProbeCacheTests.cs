using System.Linq;
using Reports.Core.Import.Alignment;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>
/// An importer keeps its label probes from one import to the next (per thread, bounded): what it read before must
/// never change what it reads now.
/// </summary>
public class ProbeCacheTests
{
    [Fact]
    public void A_report_reads_the_same_from_a_fresh_importer_as_after_every_other_sample_in_any_order()
    {
        for (int seed = 0; seed < 3; seed++)
        {
            var random = new System.Random(seed);
            string[] order = Samples.All.OrderBy(_ => random.Next()).ToArray();
            var warm = new ReportImporter();
            foreach (string name in order)
            {
                ImportResult afterOthers = warm.Import(Samples.Read(name), name);
                ImportResult fresh = new ReportImporter().Import(Samples.Read(name), name);
                Assert.Equal(fresh.Edition, afterOthers.Edition);
                Assert.Equal(fresh.Draft!.Cells, afterOthers.Draft!.Cells);
                Assert.Equal(fresh.Diagnostics.ToArray(), afterOthers.Diagnostics.ToArray());
                Assert.Equal(fresh.InferredCells.ToArray(), afterOthers.InferredCells.ToArray());
            }
        }
    }

    [Fact]
    public void An_import_of_ever_new_texts_leaves_no_more_probes_than_the_bound_and_an_ordinary_one_keeps_its_own()
    {
        var importer = new ReportImporter();
        var lines = Enumerable.Range(0, ProbeCache.MaxProbes + 2000).Select(i => "第" + i + "项其他事项说明 | " + (i % 97) + " | " + (i % 13));
        ImportResult hostile = importer.Import("三、收到和处理政府信息公开申请情况\n" + string.Join("\n", lines), "many.txt");
        Assert.NotEmpty(hostile.Diagnostics);
        Assert.InRange(importer.ProbesKept, 0, ProbeCache.MaxProbes);

        importer.Import(Samples.Read(Samples.S002), Samples.S002);
        Assert.InRange(importer.ProbesKept, 1, ProbeCache.MaxProbes);
    }

    [Fact]
    public void Probes_kept_between_imports_are_let_go_past_the_bound_in_texts()
    {
        var cache = new ProbeCache();
        for (int i = 0; i <= ProbeCache.MaxProbes; i++)
        {
            cache.Get("标签" + i);
        }

        cache.EndImport();
        Assert.Equal(0, cache.Count);

        cache.Get("本年新收");
        cache.EndImport();
        Assert.Equal(1, cache.Count); // under the bound, kept
    }

    [Fact]
    public void Probes_kept_between_imports_are_let_go_past_the_bound_in_characters()
    {
        var cache = new ProbeCache();
        cache.Get(new string('字', ProbeCache.MaxChars + 1));
        Assert.Equal(1, cache.Count);
        cache.EndImport();
        Assert.Equal(0, cache.Count);
    }
}
