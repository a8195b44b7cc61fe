using System;
using System.Collections.Generic;

namespace Reports.Core.Import.Grid;

/// <summary>Picks the reader for a document: HTML, Markdown pipes, one cell per line, tabs, or aligned text.</summary>
internal static class LayoutSniffer
{
    /// <summary>True when the text looks like HTML (a table or an html/body element).</summary>
    public static bool LooksLikeHtml(string text) =>
        text.Contains("<table", StringComparison.OrdinalIgnoreCase)
        || text.Contains("<html", StringComparison.OrdinalIgnoreCase)
        || text.Contains("<body", StringComparison.OrdinalIgnoreCase)
        || (text.Contains("<p", StringComparison.OrdinalIgnoreCase) && text.Contains("</p>", StringComparison.OrdinalIgnoreCase));

    /// <summary>Chooses the reader for <paramref name="text"/>.</summary>
    public static IGridReader Choose(string text)
    {
        if (LooksLikeHtml(text))
        {
            return new HtmlTableReader();
        }

        List<string> lines = TextLines.Split(text);
        int pipe = 0, tabMulti = 0, tabSingle = 0;
        foreach (string raw in lines)
        {
            string line = raw.TrimEnd('\r', ' ');
            if (line.TrimStart().StartsWith('|') && line.TrimEnd().EndsWith('|') && line.Length > 2)
            {
                pipe++;
            }

            int tabs = 0;
            foreach (char c in line)
            {
                if (c == '\t')
                {
                    tabs++;
                }
            }

            if (tabs == 1 && line.StartsWith('\t'))
            {
                tabSingle++;
            }
            else if (tabs >= 1)
            {
                tabMulti++;
            }
        }

        if (pipe >= 3 && pipe >= tabMulti)
        {
            return new PipeTableReader();
        }

        if (tabSingle >= 10 && tabSingle > tabMulti * 2)
        {
            return new CellPerLineReader();
        }

        if (tabMulti >= 3)
        {
            return new TabSeparatedReader();
        }

        return new LayoutTextReader();
    }

    /// <summary>Reads <paramref name="text"/> with the chosen reader.</summary>
    public static GridTable Read(string text) => Choose(text).Read(text);
}
