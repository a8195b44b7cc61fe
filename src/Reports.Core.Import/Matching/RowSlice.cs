using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Reports.Core.Cells;
using Reports.Core.Import.Grid;

namespace Reports.Core.Import.Matching;

/// <summary>
/// A grid row cut into its label (the text cells) and its values (the cells after the last text cell,
/// structural empty cells trimmed from both edges). A label that ends in glued digits
/// (<c>…申请数量801000081</c>) gives the digits up as a value cell.
/// </summary>
internal sealed class RowSlice
{
    private static readonly Regex TrailingDigits = new(@"^(?<label>.*[^\d\s.,+\-−])\s*(?<digits>[+\-−]?\d[\d.,]*)$", RegexOptions.CultureInvariant);

    private RowSlice(GridRow row, string label, ImmutableArray<GridCell> values)
    {
        Row = row;
        Label = label;
        Values = values;
    }

    public GridRow Row { get; }

    public string Label { get; }

    public ImmutableArray<GridCell> Values { get; }

    private string _context = string.Empty;
    private string? _labelBody;
    private bool? _hasValues;
    private string? _contextBody;
    private System.Collections.Generic.List<string>? _numbering;

    /// <summary>Text rows around this value row that carry no values (wrapped label fragments), set by the matcher.</summary>
    public string Context
    {
        get => _context;
        set
        {
            _context = value;
            _contextBody = null;
        }
    }

    /// <summary>Normalized label (cached).</summary>
    public string LabelBody => _labelBody ??= LabelText.Body(Label);

    /// <summary>Normalized context (cached).</summary>
    public string ContextBody => _contextBody ??= LabelText.Body(Context);

    /// <summary>Numbering tokens of the label, or of the context when the row has no label (cached).</summary>
    public System.Collections.Generic.List<string> Numbering => _numbering ??= LabelText.NumberingTokens(Label.Length > 0 ? Label : Context);

    /// <summary>True when the row holds at least one number or not-applicable marker after its label.</summary>
    public bool HasValues => _hasValues ??= Values.Any(v => IsValueLike(v.Text) && !v.IsEmpty && IsNumberOrMarker(v.Text));

    /// <summary>
    /// True for a number (decimals allowed), a not-applicable marker, or a run of glued digits of any length
    /// (a run too long for one number is still a row of values: the splitter reads it).
    /// </summary>
    public static bool IsNumberOrMarker(string text)
    {
        string trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed.All(c => c is >= '0' and <= '9'))
        {
            return true;
        }

        return CellParser.Parse(text, 6).State is CellState.Number or CellState.NotApplicable;
    }

    public int Line => Row.Line;

    public static RowSlice Create(GridRow row)
    {
        var cells = row.Cells.ToList();
        int lastLabel = -1;
        for (int i = 0; i < cells.Count; i++)
        {
            if (!cells[i].IsEmpty && !IsValueLike(cells[i].Text))
            {
                lastLabel = i;
            }
        }

        if (lastLabel >= 0)
        {
            GridCell labelCell = cells[lastLabel];
            Match m = TrailingDigits.Match(labelCell.Text);
            if (m.Success && HasCjk(m.Groups["label"].Value) && !m.Groups["label"].Value.EndsWith('第') && !EndsWithNumbering(m.Groups["label"].Value))
            {
                string label = m.Groups["label"].Value;
                Group digits = m.Groups["digits"];
                SourceSpan span = labelCell.Span;
                cells[lastLabel] = new GridCell(label, new SourceSpan(span.Line, span.Column, label.Length));
                cells.Insert(lastLabel + 1, new GridCell(digits.Value, new SourceSpan(span.Line, span.Column + digits.Index, digits.Length)));
            }
        }

        string text = string.Join(" ", cells.Take(lastLabel + 1).Where(c => !c.IsEmpty).Select(c => c.Text));
        var values = cells.Skip(lastLabel + 1).ToList();
        while (values.Count > 0 && values[0].IsEmpty)
        {
            values.RemoveAt(0);
        }

        while (values.Count > 0 && values[values.Count - 1].IsEmpty)
        {
            values.RemoveAt(values.Count - 1);
        }

        return new RowSlice(row, text, values.ToImmutableArray());
    }

    /// <summary>True for a number, a not-applicable marker or a white-space-only (U+3000) cell.</summary>
    public static bool IsValueLike(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        return IsNumberOrMarker(text) || CellParser.Parse(text, 6).State == CellState.Blank;
    }

    private static bool HasCjk(string s) => s.Any(c => c >= '\u4E00' && c <= '\u9FFF');

    private static bool EndsWithNumbering(string s) => s.EndsWith("第", System.StringComparison.Ordinal) || s.EndsWith("（", System.StringComparison.Ordinal) || s.EndsWith("(", System.StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Line + ": " + Label + " ⇒ " + string.Join("|", Values.Select(v => v.Text));
}
