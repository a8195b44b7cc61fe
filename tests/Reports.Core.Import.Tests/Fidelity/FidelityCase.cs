using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Reports.Core.Cells;

namespace Reports.Core.Import.Tests.Fidelity;

/// <summary>One real report and its hand-checked truth (the dev set's format: see tests/DevSet/README.md).</summary>
internal sealed record FidelityCase(string Name, string Text, string? Edition, int? Year, IReadOnlyDictionary<string, JsonElement> Cells, IReadOnlyCollection<string> Errors)
{
    public static IEnumerable<FidelityCase> DevSet()
    {
        string folder = Path.Combine(System.AppContext.BaseDirectory, "DevSet");
        foreach (string json in Directory.GetFiles(folder, "*.json").OrderBy(p => p, System.StringComparer.Ordinal))
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
            JsonElement root = doc.RootElement;
            string name = Path.GetFileNameWithoutExtension(json);
            yield return new FidelityCase(
                name,
                File.ReadAllText(Path.Combine(folder, name + ".txt")),
                root.TryGetProperty("edition", out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null,
                root.TryGetProperty("year", out JsonElement y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null,
                root.GetProperty("cells").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
                root.TryGetProperty("errors", out JsonElement errors) ? errors.EnumerateArray().Select(x => x.GetString()!).ToArray() : System.Array.Empty<string>());
        }
    }

    /// <summary>Whether <paramref name="cell"/> is what the truth says: a number as written, "blank", "/" or "text".</summary>
    public static bool Matches(JsonElement expected, Cell cell) => expected.ValueKind switch
    {
        JsonValueKind.Number => cell.IsNumber && cell.Amount == expected.GetDecimal(),
        JsonValueKind.String when expected.GetString() == "blank" => cell.State == CellState.Blank,
        JsonValueKind.String when expected.GetString() == "/" => cell.State == CellState.NotApplicable,
        JsonValueKind.String when expected.GetString()!.StartsWith("text", System.StringComparison.Ordinal) => cell.State == CellState.Text,
        _ => false,
    };
}
