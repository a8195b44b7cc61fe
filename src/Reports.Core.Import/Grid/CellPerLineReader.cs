using System.Collections.Generic;

namespace Reports.Core.Import.Grid;

/// <summary>
/// One cell per line: every line that starts with a tab is one cell, consecutive cell lines form a row and an
/// empty line ends it. Other lines are running text.
/// </summary>
internal sealed class CellPerLineReader : IGridReader
{
    public string Name => "cell-per-line";

    public GridTable Read(string text)
    {
        var rows = new List<GridRow>();
        List<string> lines = TextLines.Split(text);
        var current = new List<GridCell>();
        int currentLine = 0;

        void Flush()
        {
            if (current.Count > 0)
            {
                rows.Add(new GridRow(currentLine, current, isTableRow: true));
                current = new List<GridCell>();
            }
        }

        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].Replace('\f', ' ');
            if (line.StartsWith('\t'))
            {
                if (current.Count == 0)
                {
                    currentLine = i + 1;
                }

                current.Add(GridCell.Create(line.Substring(1), i + 1, 2));
                continue;
            }

            Flush();
            GridRow? textRow = TextLines.TextRow(line, i + 1);
            if (textRow is not null)
            {
                rows.Add(textRow);
            }
        }

        Flush();
        return new GridTable(Name, rows);
    }
}
