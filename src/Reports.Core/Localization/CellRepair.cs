using Reports.Core.Cells;
using Reports.Core.Schema;

namespace Reports.Core.Localization;

/// <summary>
/// One cell of a repair: the cell as published and the value the identities need there (scaled like
/// <see cref="Cell.Value"/>), or null when the identities leave it open.
/// </summary>
/// <param name="Cell">The schema cell.</param>
/// <param name="Published">The cell as published (a number, or a blank, missing or unreadable cell the identities fill).</param>
/// <param name="Repaired">The value that lets every hard identity hold; null when under-determined.</param>
/// <param name="Error">The typing slip that would turn <paramref name="Repaired"/> into the published value, if any.</param>
public sealed record CellRepair(CellInfo Cell, Cell Published, long? Repaired, TypingError Error)
{
    /// <summary>The repaired value as text (scale applied), or null when under-determined.</summary>
    public string? RepairedText => Repaired is long value ? Cells.Cell.FormatScaled(value, Cell.Scale) : null;

    /// <summary>The published value as text: the number, or <c>(blank)</c>, <c>(missing)</c>, the unreadable text.</summary>
    public string PublishedText => Published.IsNumber ? Cells.Cell.FormatScaled(Published.Value, Cell.Scale) : Published.ToString();
}
