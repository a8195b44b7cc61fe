using System;
using System.IO;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Synthetic;
using Xunit;

namespace Reports.Core.Import.Tests.Pages;

/// <summary>
/// A hand-transcribed sample draft (<c>fixtures/sample-NNN.json</c>) and its report rendered as a web page: the cells
/// a page built from it must read back to.
/// </summary>
internal sealed class FixturePage
{
    private FixturePage(string name, ReportEdition edition, ReportInfo info, ReportCells cells)
    {
        Name = name;
        Edition = edition;
        Info = info;
        Cells = cells;
        Page = ReportPage.FromHtml(ReportTextRenderer.Render(cells, RenderLayout.Html, info.Agency!, info.Year!.Value));
    }

    public string Name { get; }

    public ReportEdition Edition { get; }

    public ReportInfo Info { get; }

    public ReportCells Cells { get; }

    public ReportPage Page { get; }

    public static FixturePage Load(string fixture)
    {
        string json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", fixture));
        string editionId = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("edition").GetString()!;
        ReportEdition edition = ReportImporter.Default.SupportedEditions.Single(e => e.Id == editionId);
        ReportJsonReadResult read = ReportJson.Read(edition, json);
        Assert.NotNull(read.Cells);
        return new FixturePage(fixture, edition, read.Info, read.Cells!);
    }

    /// <summary>
    /// Asserts that <paramref name="result"/> read this fixture: its edition, agency, year and every cell (state and
    /// value). A page cannot leave a cell out of a row it prints: a cell the sample lacks is printed empty and reads blank.
    /// </summary>
    public void AssertReadBy(ReportFileResult result)
    {
        Assert.True(result.Draft is not null, Name + ": no draft; " + string.Join("; ", result.Diagnostics.Select(d => d.Id + " " + d.Message)));
        Assert.Same(Edition, result.Edition);
        Assert.Equal(Info.Agency, result.Agency);
        Assert.Equal(Info.Year, result.Year);
        ReportCells read = result.Draft!.Cells;
        string[] wrong = Edition.Schema.Cells
            .Where(c => Printed(Cells[c.Ordinal].State) != read[c.Ordinal].State || (Cells[c.Ordinal].IsNumber && Cells[c.Ordinal].Value != read[c.Ordinal].Value))
            .Select(c => c.Key + ": expected " + Cells[c.Ordinal] + ", read " + read[c.Ordinal])
            .ToArray();
        Assert.True(wrong.Length == 0, Name + ":\n" + string.Join("\n", wrong));
    }

    private static CellState Printed(CellState state) => state == CellState.Missing ? CellState.Blank : state;
}
