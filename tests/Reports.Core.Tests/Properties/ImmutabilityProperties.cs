using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Reports.Core.Editions;
using Reports.Core.Reports;
using Reports.Core.Tests.Support;
using Xunit;

namespace Reports.Core.Tests.Properties;

public sealed class ImmutabilityProperties
{
    [Theory]
    [InlineData(typeof(Report2019))]
    [InlineData(typeof(Report2021))]
    public void Validated_types_have_no_public_constructor_field_or_setter_but_Info(Type type)
    {
        Assert.Empty(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.Empty(type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static));
        string[] writable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }).Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "Info" }, writable);

        // Views nested in the validated type are read-only too.
        foreach (Type nested in type.GetNestedTypes(BindingFlags.Public))
        {
            Assert.True(nested.IsValueType, nested.Name);
            Assert.DoesNotContain(nested.GetProperties(), p => p.SetMethod is { IsPublic: true });
        }
    }

    [Fact]
    public void No_public_path_yields_a_validated_report_that_breaks_an_identity()
    {
        Arbitrary<(int Seed, int Cell, int Delta)> cases = (
            from seed in PropertyConfig.Seeds.Generator
            from cell in Gen.Choose(0, 199)
            from delta in Gen.Choose(1, 1000)
            select (seed, cell, delta)).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            Report2021 report = RandomReports.Build2021(c.Seed).Report!;

            // with-expressions can change only metadata; the result still holds every identity.
            Report2021 renamed = report with { Info = report.Info with { Agency = "改名" } };
            bool withHolds = Report2021.IsValid(renamed.ToDraft()) && renamed.GetValues().SequenceEqual(report.GetValues());

            // The builder is a snapshot: changing it after Build does not reach the built report.
            // A draft that breaks an identity does not validate, through any entry point.
            int ordinal = c.Cell;
            var cells = report.ToDraft().Cells;
            var broken = new Report2021Draft(report.Info, cells.With(ordinal, Cells.Cell.Number(cells[ordinal].Value + c.Delta, cells[ordinal].Scale)));
            bool breaks = Report2021.Schema.Cells[ordinal].Identities.Any(i => Report2021.Schema.Identities[i].Severity == Diagnostics.DiagnosticSeverity.Error);
            bool validateRefuses = !breaks || (!Report2021.Validate(broken).IsValid && !Report2021.TryCreate(broken, out _, out _));
            bool jsonRefuses = !breaks || !Report2021.FromJson(broken.ToJson()).IsValid;
            bool serializerRefuses = !breaks || Throws<JsonException>(() => JsonSerializer.Deserialize<Report2021>(broken.ToJson()));
            return withHolds && validateRefuses && jsonRefuses && serializerRefuses;
        }).Check(PropertyConfig.Cases(1000));
    }

    [Fact]
    public void Changing_the_builder_after_Build_does_not_change_the_built_report()
    {
        var builder = new Report2021Builder();
        builder.Applications.NewReceived.NaturalPerson = 3;
        builder.Applications.Results.Granted.NaturalPerson = 3;
        Report2021 report = builder.Build().Report!;
        builder.Applications.NewReceived.NaturalPerson = 99;
        Assert.Equal(3, report.Applications.NewReceived.NaturalPerson);
        Assert.Equal(3, report.Applications.NewReceived.Total);
        Assert.True(Report2021.IsValid(report.ToDraft()));
        Assert.False(builder.Build().IsValid);
    }

    private static bool Throws<T>(Action action)
        where T : Exception
    {
        try
        {
            action();
            return false;
        }
        catch (T)
        {
            return true;
        }
    }
}
