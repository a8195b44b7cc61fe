using System;
using System.Collections.Generic;

namespace Reports.Core.Import.Grid;

/// <summary>Splits text into lines (LF, CRLF or CR), keeping 1-based line numbers.</summary>
internal static class TextLines
{
    public static List<string> Split(string text)
    {
        var lines = new List<string>(text.AsSpan().Count('\n') + 1);
        int start = 0;
        for (int i; (i = text.AsSpan(start).IndexOfAny('\n', '\r')) >= 0;)
        {
            i += start;
            lines.Add(text.Substring(start, i - start));
            start = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
        }

        lines.Add(text.Substring(start));
        return lines;
    }

    /// <summary>True when the line holds nothing but white space (U+3000 included) and form feeds.</summary>
    public static bool IsBlank(string line)
    {
        foreach (char c in line)
        {
            if (!char.IsWhiteSpace(c) && c != '\u3000' && c != '\uFEFF' && c != '\u200B')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A single-cell running-text row, or null for a blank line.</summary>
    public static GridRow? TextRow(string line, int lineNumber)
    {
        if (IsBlank(line))
        {
            return null;
        }

        return new GridRow(lineNumber, GridCell.Create(line.Replace('\f', ' '), lineNumber, 1), isTableRow: false);
    }
}
