using Reports.Core.Cells;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>Excerpts of reports written in a test, imported as a user would, and their cells.</summary>
internal static class Excerpts
{
    public static ImportResult Import(string text) => ReportImporter.Default.Import(text, "excerpt.txt");

    public static Cell CellOf(ImportResult result, string key)
    {
        Assert.NotNull(result.Draft);
        return result.Draft!.Cells[key];
    }
}
