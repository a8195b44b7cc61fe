using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Reports.Core.Import.Grid;

/// <summary>
/// <c>pdftotext -layout</c> output: columns aligned with spaces. A line is split on runs of two or more spaces;
/// form feeds and page-number lines (<c>-3-</c>, <c>第 3 页</c>) are dropped; a chunk of numbers separated by
/// single spaces becomes one cell per number. Wrapped label fragments stay as text rows next to their value
/// line; the matcher reads them as that row's label context.
/// </summary>
internal sealed class LayoutTextReader : IGridReader
{
    private static readonly Regex PageNumber = new(
        @"^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})\s*$",
        RegexOptions.CultureInvariant);

    private static readonly Regex NumberRun = new(@"^[+\-−]?[\d０-９][\d０-９.,]*(?: [+\-−]?[\d０-９][\d０-９.,]*)+$", RegexOptions.CultureInvariant);

    public string Name => "layout";

    public GridTable Read(string text)
    {
        var rows = new List<GridRow>();
        List<string> lines = TextLines.Split(text);
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].Replace('\f', ' ').Replace('\t', ' ');
            if (TextLines.IsBlank(line) || PageNumber.IsMatch(line))
            {
                continue;
            }

            var cells = new List<GridCell>();
            int pos = 0;
            while (pos < line.Length)
            {
                while (pos < line.Length && line[pos] == ' ')
                {
                    pos++;
                }

                if (pos >= line.Length)
                {
                    break;
                }

                int end = pos;
                while (end < line.Length && !(line[end] == ' ' && end + 1 < line.Length && line[end + 1] == ' '))
                {
                    end++;
                }

                string chunk = line.Substring(pos, end - pos).TrimEnd();
                if (NumberRun.IsMatch(chunk))
                {
                    int offset = 0;
                    foreach (string part in chunk.Split(' '))
                    {
                        cells.Add(GridCell.Create(part, i + 1, pos + offset + 1));
                        offset += part.Length + 1;
                    }
                }
                else if (chunk.Length > 0)
                {
                    cells.Add(GridCell.Create(chunk, i + 1, pos + 1));
                }

                pos = end;
            }

            if (cells.Count > 0)
            {
                rows.Add(new GridRow(i + 1, cells, isTableRow: cells.Count > 1));
            }
        }

        return new GridTable(Name, rows);
    }
}
