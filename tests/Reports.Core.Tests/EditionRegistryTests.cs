using System.Linq;
using Reports.Core.Bulk;
using Reports.Core.Editions;
using Reports.Core.Reports;
using Reports.Core.Synthetic;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>The generated registry lists the built-in editions once; the defaults of the library use it.</summary>
public sealed class EditionRegistryTests
{
    [Fact]
    public void The_registry_lists_both_builtin_editions_in_id_order_and_finds_them_by_id_and_type_name()
    {
        Assert.Equal(new ReportEdition[] { Report2019.Edition, Report2021.Edition }, ReportEditions.All);
        Assert.Equal(new[] { "2019", "2021" }, ReportEditions.Ids);
        Assert.Equal(ReportEditions.All.Select(e => e.Id), ReportEditions.Ids);

        Assert.Same(Report2021.Edition, ReportEditions.Find("2021"));
        Assert.Same(Report2019.Edition, ReportEditions.FindByTypeName("Report2019"));
        Assert.True(ReportEditions.TryFind("2019", out ReportEdition? found));
        Assert.Same(Report2019.Edition, found);

        Assert.Null(ReportEditions.Find("2020"));
        Assert.Null(ReportEditions.Find(null));
        Assert.Null(ReportEditions.Find("Report2021")); // an id is not a type name
        Assert.Null(ReportEditions.FindByTypeName("2021"));
        Assert.False(ReportEditions.TryFind(" 2021", out _));
    }

    [Fact]
    public void Bulk_validation_and_the_synthetic_corpus_default_to_the_registry()
    {
        Assert.Equal(ReportEditions.All, new BulkValidator().Editions);
        Assert.Equal(ReportEditions.All, new SyntheticCorpus(1).Editions);
    }
}
