using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Reports.Cli.Output;

/// <summary>
/// Writes the text listing one entry at a time, as entries are checked: each entry's header and findings at once, then
/// at the end a table with a row per file and the total. The table is kept for up to <see cref="MaxTableRows"/> entries;
/// beyond that only the total is written (<c>--summary</c> has a row per file), so a folder of any size is listed in
/// bounded memory.
/// </summary>
internal sealed class TextListing
{
    /// <summary>Entries the closing table lists at most.</summary>
    public const int MaxTableRows = 1000;

    private readonly TextWriter _writer;
    private readonly OutputOptions _options;
    private readonly Paint _paint;
    private readonly CheckTotals _totals = new();
    private readonly List<TableRow> _rows = new();
    private int _entries;

    public TextListing(TextWriter writer, OutputOptions options)
    {
        _writer = writer;
        _options = options;
        _paint = new Paint(options.Color);
    }

    public void Add(CheckedReport report)
    {
        if (_entries++ > 0)
        {
            _writer.WriteLine();
        }

        _writer.WriteLine(_paint.Bold(TextOutput.Header(report)));
        foreach (FindingItem item in FindingGroups.Items(report, _options))
        {
            _writer.WriteLine(TextOutput.FormatItem(item, report, _options, _paint));
        }

        _totals.Add(report, _options.MinSeverity);
        if (_entries <= MaxTableRows)
        {
            _rows.Add(new TableRow(
                new[]
                {
                    report.Source,
                    report.InputFailed || report.Kind == EntryKind.Baseline ? "-" : report.Kind == EntryKind.Series ? (report.Edition ?? "?") : report.EditionDisplay,
                    report.Errors.ToString(CultureInfo.InvariantCulture),
                    report.Warnings.ToString(CultureInfo.InvariantCulture),
                    report.Suppressed.ToString(CultureInfo.InvariantCulture),
                },
                report.Errors > 0,
                report.Suppressed > 0));
        }
        else
        {
            _rows.Clear();
        }
    }

    /// <summary>The table (when it was kept) and the total.</summary>
    public void Finish()
    {
        _writer.WriteLine();
        if (_entries <= MaxTableRows)
        {
            WriteTable();
        }
        else
        {
            _writer.WriteLine(_paint.Dim(_entries.ToString("N0", CultureInfo.InvariantCulture) + " entries: the table per file is left out above "
                + MaxTableRows.ToString("N0", CultureInfo.InvariantCulture) + " (--summary out.csv writes a row per file)"));
        }

        _writer.WriteLine(_paint.Bold(_totals.Describe(_options.MinSeverity)));
    }

    private void WriteTable()
    {
        // The accepted column only when a baseline accepted something.
        bool anyAccepted = _rows.Any(r => r.AnyAccepted);
        int columns = anyAccepted ? 5 : 4;
        string[] head = { "file", "edition", "errors", "warnings", "accepted" };
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++)
        {
            widths[c] = _rows.Select(r => Width(r.Cells[c])).Append(Width(head[c])).Max();
        }

        _writer.WriteLine(_paint.Bold(Row(head, widths)));
        _writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (TableRow row in _rows)
        {
            string line = Row(row.Cells, widths);
            _writer.WriteLine(row.HasErrors ? _paint.Error(line) : line);
        }
    }

    private static string Row(string[] cells, int[] widths)
    {
        var text = new StringBuilder();
        for (int c = 0; c < widths.Length; c++)
        {
            if (c > 0)
            {
                text.Append("  ");
            }

            bool right = c >= 2;
            string pad = new(' ', widths[c] - Width(cells[c]));
            text.Append(right ? pad + cells[c] : c == widths.Length - 1 ? cells[c] : cells[c] + pad);
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Display width: East Asian wide characters take two columns.</summary>
    private static int Width(string text)
    {
        int width = 0;
        foreach (char ch in text)
        {
            width += ch >= 0x1100 && (ch <= 0x115F || (ch >= 0x2E80 && ch <= 0xA4CF) || (ch >= 0xAC00 && ch <= 0xD7A3) || (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0xFE30 && ch <= 0xFE4F) || (ch >= 0xFF00 && ch <= 0xFF60) || (ch >= 0xFFE0 && ch <= 0xFFE6)) ? 2 : 1;
        }

        return width;
    }

    private sealed record TableRow(string[] Cells, bool HasErrors, bool AnyAccepted);
}
