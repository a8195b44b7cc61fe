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

        // The typed edition validates to the typed report.
        Validation.ValidationResult<Report2021> typed = Report2021.Edition.Validate(Report2021Draft.Empty);
        Assert.False(typed.IsValid);
        Validation.ValidationResult<IValidatedReport> untyped = ((ReportEdition)Report2021.Edition).Validate(Report2021Draft.Empty);
        Assert.Equal(untyped.Diagnostics.Select(d => d.ToString()), typed.Diagnostics.Select(d => d.ToString()));

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

/// <summary>The typed keys of the built-in editions are their schemas' cell keys, each once.</summary>
public sealed class TypedKeyTests
{
    [Fact]
    public void The_keys_classes_hold_every_cell_key_of_their_edition_once()
    {
        Assert.Equal("t3.new.np", Report2021Keys.Applications.NewReceived.NaturalPerson);
        Assert.Equal("t4.rev.upheld", Report2021Keys.ReviewAndLitigation.Review.Upheld);
        foreach ((System.Type keys, ReportEdition edition) in new (System.Type, ReportEdition)[] { (typeof(Report2019Keys), Report2019.Edition), (typeof(Report2021Keys), Report2021.Edition) })
        {
            var values = Constants(keys).ToList();
            Assert.Equal(edition.Schema.Cells.Select(c => c.Key).OrderBy(k => k, System.StringComparer.Ordinal), values.OrderBy(k => k, System.StringComparer.Ordinal));
        }
    }

    private static System.Collections.Generic.IEnumerable<string> Constants(System.Type type) =>
        type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(type.GetNestedTypes().SelectMany(Constants));
}

/// <summary>The README's example of a suffixed keys class compiles and names the cell it says.</summary>
public sealed class TypedKeyReadmeTests
{
    [Fact]
    public void A_row_named_like_one_of_its_columns_is_its_view_suffix_in_the_keys() =>
        Assert.Equal("t3.r.total.tot", Report2021Keys.Applications.Results.TotalRow.Total);
}
