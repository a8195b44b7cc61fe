using System.Collections.Generic;

namespace Reports.Core.Import.Grid;

/// <summary>Tab-separated rows (one table row per line); lines without a tab are running text.</summary>
internal sealed class TabSeparatedReader : IGridReader
{
    public string Name => "tab";

    public GridTable Read(string text)
    {
        var rows = new List<GridRow>();
        List<string> lines = TextLines.Split(text);
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].Replace('\f', ' ');
            if (line.IndexOf('\t') < 0)
            {
                GridRow? textRow = TextLines.TextRow(line, i + 1);
                if (textRow is not null)
                {
                    rows.Add(textRow);
                }

                continue;
            }

            var cells = new List<GridCell>();
            int pos = 0;
            while (true)
            {
                int next = line.IndexOf('\t', pos);
                string part = next < 0 ? line.Substring(pos) : line.Substring(pos, next - pos);
                cells.Add(GridCell.Create(part, i + 1, pos + 1));
                if (next < 0)
                {
                    break;
                }

                pos = next + 1;
            }

            rows.Add(new GridRow(i + 1, cells, isTableRow: true));
        }

        return new GridTable(Name, rows);
    }
}
