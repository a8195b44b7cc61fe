using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using UglyToad.PdfPig.Content;

namespace Reports.Core.Import.Pdf;

/// <summary>
/// Lays out the letters of PDF pages as text lines, the way <c>pdftotext -layout</c> does: letters on one baseline make
/// a line, ordered by x; a small gap is a word space, a wide one (a column gap) becomes a run of at least two spaces
/// reaching the letter's column on a grid of half the body size, so table columns stay apart and roughly aligned; a
/// tall vertical gap is a blank line; pages end with a form feed.
/// </summary>
internal static class PdfTextLayout
{
    /// <summary>Gaps below this fraction of the font size join letters.</summary>
    private const double JoinGap = 0.3;

    /// <summary>Gaps below this fraction of the font size are one space; wider gaps separate columns.</summary>
    private const double WordGap = 0.8;

    public static int Letters(Page page) => page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value));

    public static void Append(Page page, StringBuilder text)
    {
        var letters = page.Letters
            .Where(l => !string.IsNullOrEmpty(l.Value) && l.PointSize > 0 && !double.IsNaN(l.StartBaseLine.X) && !double.IsNaN(l.StartBaseLine.Y))
            .ToList();
        if (!letters.Any(l => !string.IsNullOrWhiteSpace(l.Value)))
        {
            text.Append('\f');
            return;
        }

        double body = Median(letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).Select(l => l.PointSize));
        double unit = Math.Max(body / 2, 1);
        double left = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).Min(l => l.StartBaseLine.X);

        // Lines: letters by baseline (top first), a new line when the baseline moves by more than a third of the body size.
        letters.Sort((a, b) => b.StartBaseLine.Y.CompareTo(a.StartBaseLine.Y));
        var lines = new List<List<Letter>>();
        var lineY = new List<double>();
        foreach (Letter letter in letters)
        {
            double y = letter.StartBaseLine.Y;
            if (lines.Count > 0 && Math.Abs(lineY[lineY.Count - 1] - y) <= Math.Max(body, letter.PointSize) / 3)
            {
                lines[lines.Count - 1].Add(letter);
                continue;
            }

            lines.Add(new List<Letter> { letter });
            lineY.Add(y);
        }

        double previousY = double.NaN;
        for (int i = 0; i < lines.Count; i++)
        {
            if (!double.IsNaN(previousY) && previousY - lineY[i] > body * 2.2)
            {
                text.Append('\n');
            }

            previousY = lineY[i];
            AppendLine(lines[i], left, unit, text);
            text.Append('\n');
        }

        text.Append('\f');
    }

    private static void AppendLine(List<Letter> line, double left, double unit, StringBuilder text)
    {
        line.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
        int column = 0;
        double end = double.NaN;
        string previous = string.Empty;
        double previousX = double.NaN;
        bool space = false;
        foreach (Letter letter in line)
        {
            double x = letter.StartBaseLine.X;
            double size = letter.PointSize;
            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                // A space the PDF states: a word space even when narrow.
                space = !double.IsNaN(end);
                continue;
            }

            // Fake bold: the same glyph drawn again a fraction of its width further.
            if (letter.Value == previous && !double.IsNaN(previousX) && Math.Abs(x - previousX) < size * 0.3)
            {
                continue;
            }

            int target = (int)Math.Round((x - left) / unit);
            if (double.IsNaN(end))
            {
                column += Pad(text, target - column, 0);
            }
            else
            {
                double gap = x - end;
                if (gap >= size * WordGap)
                {
                    column += Pad(text, target - column, 2);
                }
                else if (gap >= size * JoinGap || space)
                {
                    column += Pad(text, 1, 1);
                }
            }

            space = false;
            text.Append(letter.Value);
            foreach (char c in letter.Value)
            {
                column += IsWide(c) ? 2 : 1;
            }

            end = Math.Max(letter.EndBaseLine.X, x + (letter.Width > 0 ? letter.Width : size / 2));
            previous = letter.Value;
            previousX = x;
        }
    }

    private static int Pad(StringBuilder text, int wanted, int minimum)
    {
        int n = Math.Max(wanted, minimum);
        text.Append(' ', n);
        return n;
    }

    private static bool IsWide(char c) =>
        (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6);

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? 10 : sorted[sorted.Length / 2];
    }
}
