using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Reports.Core.Import.Grid;

/// <summary>Markdown pipe tables (<c>| a | b |</c>); <c>&lt;br&gt;</c> inside a cell joins the broken label.</summary>
internal sealed class PipeTableReader : IGridReader
{
    private static readonly Regex Br = new("<br\\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public string Name => "pipe";

    public GridTable Read(string text)
    {
        var rows = new List<GridRow>();
        List<string> lines = TextLines.Split(text);
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i];
            string trimmed = line.TrimStart();
            if (!trimmed.StartsWith('|'))
            {
                GridRow? textRow = TextLines.TextRow(line, i + 1);
                if (textRow is not null)
                {
                    rows.Add(textRow);
                }

                continue;
            }

            if (IsSeparator(trimmed))
            {
                continue;
            }

            var cells = new List<GridCell>();
            int pos = line.IndexOf('|') + 1;
            while (pos <= line.Length)
            {
                int next = line.IndexOf('|', pos);
                if (next < 0)
                {
                    string tail = line.Substring(pos);
                    if (!TextLines.IsBlank(tail))
                    {
                        cells.Add(GridCell.Create(Br.Replace(tail, string.Empty), i + 1, pos + 1));
                    }

                    break;
                }

                cells.Add(GridCell.Create(Br.Replace(line.Substring(pos, next - pos), string.Empty), i + 1, pos + 1));
                pos = next + 1;
            }

            rows.Add(new GridRow(i + 1, cells, isTableRow: true));
        }

        return new GridTable(Name, rows);
    }

    private static bool IsSeparator(string line)
    {
        bool dash = false;
        foreach (char c in line)
        {
            if (c == '-')
            {
                dash = true;
            }
            else if (c is not ('|' or ':' or ' ' or '\t'))
            {
                return false;
            }
        }

        return dash;
    }
}
