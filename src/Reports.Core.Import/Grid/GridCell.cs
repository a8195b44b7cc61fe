using Reports.Core.Cells;

namespace Reports.Core.Import.Grid;

/// <summary>
/// One cell of a layout-neutral grid: its text (ASCII white space trimmed, U+3000 kept so an explicit blank
/// stays visible) and where it stands in the source.
/// </summary>
internal sealed record GridCell(string Text, SourceSpan Span)
{
    /// <summary>
    /// A grid position that the cell before it covers (<c>colspan</c>): no cell of its own, though the template may count
    /// one there (a value cell spanning the columns of a heading split in two) or not (one value written wide).
    /// </summary>
    public bool Spanned { get; init; }

    /// <summary>True when nothing at all stood between the separators (a structural empty cell).</summary>
    public bool IsEmpty => Text.Length == 0;

    /// <summary>Creates a cell from raw text, trimming ASCII white space and no-break spaces only.</summary>
    public static GridCell Create(string raw, int line, int column)
    {
        int start = 0;
        int end = raw.Length;
        while (start < end && IsTrimmable(raw[start]))
        {
            start++;
        }

        while (end > start && IsTrimmable(raw[end - 1]))
        {
            end--;
        }

        string text = raw.Substring(start, end - start);
        return new GridCell(text, new SourceSpan(line, column + start, text.Length));
    }

    private static bool IsTrimmable(char c) => c is ' ' or '\t' or '\r' or '\n' or '\f' or '\u00A0' or '\u200B' or '\uFEFF';

    /// <inheritdoc />
    public override string ToString() => Text;
}
