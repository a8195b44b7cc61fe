using System;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Reports.Core.Cells;
using Reports.Core.Editions;
using Reports.Core.Reports;
using Reports.Core.Tests.Support;
using Xunit;

namespace Reports.Core.Tests.Properties;

public sealed class JsonRoundTripProperties
{
    [Fact]
    public void Json_round_trip_of_any_draft_gives_an_equal_draft()
    {
        Prop.ForAll(PropertyConfig.Seeds, seed =>
        {
            var random = new Random(seed);
            bool ok = true;
            foreach (ReportEdition edition in RandomReports.Editions)
            {
                Cell[] cells = edition.Schema.Cells.Select(c => RandomReports.AnyCell(random, c)).ToArray();
                var info = new ReportInfo { Agency = "机关" + seed, Year = seed % 2 == 0 ? 2021 : null, Source = seed % 3 == 0 ? "样本.txt" : null };
                IReportDraft draft = edition.CreateDraft(info, ReportCells.FromCells(edition.Schema, cells));
                string json = Json.ReportJson.ToJson(edition.Schema, info, draft.Cells);
                var back = Json.ReportJson.Read(edition, json);
                ok &= back.Diagnostics.IsEmpty && back.Info == info && draft.Cells.Equals(back.Cells);
            }

            return ok;
        }).Check(PropertyConfig.Default);
    }

    [Fact]
    public void Json_round_trip_of_a_validated_report_gives_an_equal_report_through_every_entry_point()
    {
        Prop.ForAll(PropertyConfig.Seeds, seed =>
        {
            Report2021 r21 = RandomReports.Build2021(seed).Report!;
            Report2019 r19 = RandomReports.Build2019(seed).Report!;
            return r21.Equals(Report2021.FromJson(r21.ToJson()).Report)
                && r19.Equals(Report2019.FromJson(r19.ToJson(indented: true)).Report)
                && r21.Equals(JsonSerializer.Deserialize<Report2021>(JsonSerializer.Serialize(r21)))
                && r21.ToDraft().Equals(JsonSerializer.Deserialize<Report2021Draft>(JsonSerializer.Serialize(r21.ToDraft())));
        }).Check(PropertyConfig.Default);
    }
}
