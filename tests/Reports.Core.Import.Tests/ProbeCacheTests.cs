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
    public void Probes_kept_between_imports_are_let_go_past_the_bound_in_texts()
    {
        var cache = new ProbeCache();
        for (int i = 0; i <= ProbeCache.MaxProbes; i++)
        {
            cache.Get("标签" + i);
        }

        cache.BeginImport();
        Assert.Equal(0, cache.Count);

        cache.Get("本年新收");
        cache.BeginImport();
        Assert.Equal(1, cache.Count); // under the bound, kept
    }

    [Fact]
    public void Probes_kept_between_imports_are_let_go_past_the_bound_in_characters()
    {
        var cache = new ProbeCache();
        cache.Get(new string('字', ProbeCache.MaxChars + 1));
        Assert.Equal(1, cache.Count);
        cache.BeginImport();
        Assert.Equal(0, cache.Count);
    }
}
