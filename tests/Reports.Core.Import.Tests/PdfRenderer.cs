using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Reports.Core.Import.Tests;

/// <summary>
/// Renders text in the <c>layout</c> layout as a PDF the way a word processor would: each run of a line (cells apart by
/// two spaces or more) is drawn at its column, CJK in Droid Sans Fallback, ASCII in DejaVu Sans (Debian's
/// fonts-droid-fallback and fonts-dejavu-core, installed by .ci/run), pages of 50 lines.
/// </summary>
internal static class PdfRenderer
{
    private const double Size = 9;
    private const double Leading = 14;
    private const int LinesPerPage = 50;
    private static readonly object Lock = new();
    private static bool _resolverSet;

    public static string? CjkFont { get; } = Find("DroidSansFallbackFull.ttf");

    public static string? LatinFont { get; } = Find("DejaVuSans.ttf");

    public static byte[] Render(string layoutText)
    {
        if (CjkFont is null || LatinFont is null)
        {
            throw new InvalidOperationException("fonts-droid-fallback and fonts-dejavu-core are needed (apt-get install -y fonts-droid-fallback fonts-dejavu-core)");
        }

        lock (Lock)
        {
            if (!_resolverSet)
            {
                GlobalFontSettings.FontResolver = new Resolver();
                _resolverSet = true;
            }

            string[] lines = layoutText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var document = new PdfDocument();
            var cjk = new XFont("cjk", Size);
            var latin = new XFont("latin", Size);
            for (int start = 0; start < lines.Length; start += LinesPerPage)
            {
                PdfPage page = document.AddPage();
                page.Width = XUnit.FromPoint(1000);
                page.Height = XUnit.FromPoint(842);
                using XGraphics g = XGraphics.FromPdfPage(page);
                for (int i = start; i < Math.Min(lines.Length, start + LinesPerPage); i++)
                {
                    double y = 40 + ((i - start) * Leading);
                    foreach ((int column, string run) in Runs(lines[i]))
                    {
                        double x = 30 + (column * Size / 2);
                        foreach ((bool ascii, string part) in Parts(run))
                        {
                            XFont font = ascii ? latin : cjk;
                            g.DrawString(part, font, XBrushes.Black, x, y);
                            x += g.MeasureString(part, font).Width;
                        }
                    }
                }
            }

            using var stream = new MemoryStream();
            document.Save(stream);
            return stream.ToArray();
        }
    }

    /// <summary>The runs of a line with their display columns (CJK counts two): cells are apart by two spaces or more.</summary>
    private static IEnumerable<(int Column, string Run)> Runs(string line)
    {
        int i = 0, column = 0;
        while (i < line.Length)
        {
            if (line[i] == ' ')
            {
                i++;
                column++;
                continue;
            }

            int start = i, startColumn = column;
            while (i < line.Length && !(line[i] == ' ' && (i + 1 >= line.Length || line[i + 1] == ' ')))
            {
                column += line[i] >= 0x2E80 ? 2 : 1;
                i++;
            }

            yield return (startColumn, line.Substring(start, i - start));
        }
    }

    private static IEnumerable<(bool Ascii, string Part)> Parts(string run)
    {
        int i = 0;
        while (i < run.Length)
        {
            bool ascii = run[i] < 0x80;
            int j = i;
            while (j < run.Length && (run[j] < 0x80) == ascii)
            {
                j++;
            }

            yield return (ascii, run.Substring(i, j - i));
            i = j;
        }
    }

    private static string? Find(string file)
    {
        foreach (string root in new[] { "/usr/share/fonts", "/usr/local/share/fonts" })
        {
            if (Directory.Exists(root))
            {
                string? path = Directory.EnumerateFiles(root, file, SearchOption.AllDirectories).FirstOrDefault();
                if (path is not null)
                {
                    return path;
                }
            }
        }

        return null;
    }

    private sealed class Resolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(familyName);

        public byte[]? GetFont(string faceName) => File.ReadAllBytes(faceName == "cjk" ? CjkFont! : LatinFont!);
    }
}
