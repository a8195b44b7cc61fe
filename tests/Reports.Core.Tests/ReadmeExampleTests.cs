using System.Linq;
using System.Text.Json;
using Reports.Core.Editions;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>The README's usage example, kept true.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void Readme_builder_example_derives_totals_validates_and_round_trips()
    {
        var builder = new Report2021Builder { Info = new() { Agency = "某某局", Year = 2024 } };
        builder.Applications.NewReceived.NaturalPerson = 5;
        builder.Applications.CarriedIn.NaturalPerson = 1;
        builder.Applications.Results.Granted.NaturalPerson = 4;
        builder.Applications.CarriedOut.NaturalPerson = 2;
        var built = builder.Build();
        Assert.True(built.IsValid);
        Report2021 report = built.Report; // no '!': IsValid is [MemberNotNullWhen(true, nameof(Report))]

        Assert.Empty(built.Diagnostics);
        Assert.Equal(5, report.Applications.NewReceived.Total);
        Assert.Equal(4, report.Applications.Results.Total.Total);

        var read = Report2021Draft.FromJson(report.ToJson(indented: true));
        Assert.Empty(read.Diagnostics);
        Assert.True(read.Succeeded);
        Assert.True(Report2021.TryCreate(read.Draft, out var valid, out var diagnostics));
        Validation.ValidationResult<Report2021> same = Report2021.Edition.Validate(read.Draft);
        Assert.Equal(report, same.Report);
        Assert.Equal(report, valid);
        Assert.Empty(diagnostics);
        Assert.Equal(report, JsonSerializer.Deserialize<Report2021>(report.ToJson()));
        Assert.Equal(report, Report2021.FromJson(report.ToJson(indented: true)).Report);
        string text = JsonSerializer.Serialize(report, Report2021JsonContext.Default.Report2021);
        Assert.Equal(report, JsonSerializer.Deserialize(text, Report2021JsonContext.Default.Report2021));

        // One number off: the draft keeps it, validation names H3 for the 自然人 and 总计 columns.
        var broken = read.Draft with { Cells = read.Draft.Cells.With(Report2021.Schema.Cells.First(c => c.Key == Report2021Keys.Applications.NewReceived.NaturalPerson).Ordinal, Cells.Cell.Number(6)) };
        var result = broken.Validate();
        Assert.False(result.IsValid);
        Assert.Equal(new[] { "H1[new]", "H3[np]" }, result.Errors.Select(d => d.Identity).OrderBy(x => x, System.StringComparer.Ordinal));
    }
}
