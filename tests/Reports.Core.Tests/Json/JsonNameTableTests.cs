using System.Linq;
using System.Text;
using System.Text.Json;
using Reports.Core.Cells;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// The cells' JSON names come from the generator (one per cell, the key's segments in camelCase); the writer, the full
/// reader and the bulk fast path walk the one layout built from them, and the edition is found by one detector.
/// </summary>
public sealed class JsonNameTableTests
{
    [Fact]
    public void Every_cell_has_its_generated_json_path_and_the_writer_nests_exactly_those_names()
    {
        foreach (ReportSchema schema in ReportEditions.All.Select(e => e.Schema))
        {
            Assert.Equal(schema.CellCount, schema.JsonPaths.Length);
            Assert.Equal(schema.CellCount, schema.JsonPaths.Distinct().Count());
            Assert.All(schema.JsonPaths, p => Assert.DoesNotContain("_", p, System.StringComparison.Ordinal));

            // Segment by segment the path is the key's (same count, same letters without underscores).
            Assert.All(schema.Cells, c => Assert.Equal(
                c.Key.Split('.').Select(s => s.Replace("_", string.Empty, System.StringComparison.Ordinal).ToLowerInvariant()),
                schema.JsonPaths[c.Ordinal].Split('.').Select(s => s.ToLowerInvariant())));

            // The written JSON holds each cell's value at its path.
            var values = Enumerable.Range(0, schema.CellCount).Select(i => (long)(i + 1)).ToArray();
            string json = ReportJson.ToJson(schema, ReportInfo.Empty, ReportCells.FromValues(schema, values));
            using JsonDocument document = JsonDocument.Parse(json);
            foreach (CellInfo cell in schema.Cells)
            {
                JsonElement at = document.RootElement;
                foreach (string name in schema.JsonPaths[cell.Ordinal].Split('.'))
                {
                    at = at.GetProperty(name);
                }

                Assert.Equal(cell.Scale == 0 ? cell.Ordinal + 1 : Money.FromScaled(cell.Ordinal + 1, cell.Scale), at.GetDecimal());
            }
        }

        Assert.Equal("t3.carriedIn.np", Report2021.Schema.JsonPaths[Ordinal(Report2021.Schema, "t3.carried_in.np")]);
    }

    [Theory]
    [InlineData("{\"edition\":\"2021\",\"year\":2024}", true, "2021", JsonTokenType.String)]
    [InlineData("{\"agency\":\"x\",\"edition\":2021}", true, "2021", JsonTokenType.Number)]
    [InlineData("{\"edition\":null}", true, null, JsonTokenType.Null)]
    [InlineData("{\"edition\":{\"a\":1}}", true, "an object", JsonTokenType.StartObject)]
    [InlineData("{\"year\":2024}", true, null, JsonTokenType.None)]
    [InlineData("{\"edition\":\"2021\", broken", true, "2021", JsonTokenType.String)] // found before the damage
    [InlineData("{\"year\": broken, \"edition\":\"2021\"}", false, null, JsonTokenType.None)]
    [InlineData("[1, 2]", false, null, JsonTokenType.None)]
    public void The_edition_detector_reads_only_up_to_the_edition(string json, bool found, string? edition, JsonTokenType token)
    {
        Assert.Equal(found, ReportJson.TryReadEdition(Encoding.UTF8.GetBytes(json), out string? named, out JsonTokenType kind));
        Assert.Equal(edition, named);
        Assert.Equal(token, kind);
    }

    private static int Ordinal(ReportSchema schema, string key) => schema.TryGetCell(key, out CellInfo cell) ? cell.Ordinal : -1;
}
