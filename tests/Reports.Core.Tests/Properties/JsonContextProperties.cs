using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FsCheck;
using FsCheck.Fluent;
using Reports.Core.Editions;
using Reports.Core.Tests.Support;
using Xunit;

namespace Reports.Core.Tests.Properties;

/// <summary>
/// The generated JsonSerializerContext carries the metadata JsonSerializer needs without reflection (Native AOT): the
/// options here have no other resolver, so every call below would fail if anything fell back to reflection.
/// </summary>
public sealed class JsonContextProperties
{
    [Fact]
    public void Serializing_through_the_generated_context_round_trips_any_valid_report_of_both_editions()
    {
        Prop.ForAll(PropertyConfig.Seeds, seed =>
        {
            Report2021 r2021 = RandomReports.Build2021(seed).Report!;
            Report2019 r2019 = RandomReports.Build2019(seed).Report!;
            string j2021 = JsonSerializer.Serialize(r2021, Report2021JsonContext.Default.Report2021);
            string j2019 = JsonSerializer.Serialize(r2019, Report2019JsonContext.Default.Report2019);
            Report2021Draft? draft = JsonSerializer.Deserialize(j2021, Report2021JsonContext.Default.Report2021Draft);
            return r2021.Equals(JsonSerializer.Deserialize(j2021, Report2021JsonContext.Default.Report2021))
                && r2019.Equals(JsonSerializer.Deserialize(j2019, Report2019JsonContext.Default.Report2019))
                && draft is not null && draft.Info == r2021.Info && draft.Cells.Values.SequenceEqual(r2021.GetValues());
        }).Check(PropertyConfig.Default);
    }

    [Fact]
    public void Options_resolved_only_by_the_context_read_reports_and_reject_one_that_breaks_an_identity()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(Report2021JsonContext.Default, Report2019JsonContext.Default) };
        Report2021 report = RandomReports.Build2021(3).Report!;
        string json = report.ToJson();
        Assert.Equal(report, JsonSerializer.Deserialize<Report2021>(json, options));
        Assert.Null(Report2021JsonContext.Default.GetTypeInfo(typeof(string)));

        string broken = json.Replace("\"new\":{\"np\":", "\"new\":{\"np\":1", StringComparison.Ordinal);
        Assert.NotEqual(json, broken);
        JsonException e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Report2021>(broken, options));
        Assert.Contains("RC1001", e.Message, StringComparison.Ordinal);
    }
}
