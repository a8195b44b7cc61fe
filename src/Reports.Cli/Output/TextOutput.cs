using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Reports.Core.Diagnostics;

namespace Reports.Cli.Output;

/// <summary>Human-readable output: per report a header and Roslyn-style findings, then a summary table.</summary>
internal static class TextOutput
{
    public static void Write(TextWriter writer, IReadOnlyList<CheckedReport> reports)
    {
        foreach (CheckedReport report in reports)
        {
            writer.WriteLine(Header(report));
            foreach (Diagnostic diagnostic in report.Diagnostics)
            {
                writer.WriteLine(Format(diagnostic, report.Source));
            }

            writer.WriteLine();
        }

        WriteSummary(writer, reports);
    }

    public static string Header(CheckedReport report)
    {
        var parts = new List<string>();
        if (!report.InputFailed)
        {
            parts.Add("edition " + report.EditionDetail);
            parts.Add("agency " + (report.Agency ?? "?"));
            parts.Add("year " + (report.Year?.ToString(CultureInfo.InvariantCulture) ?? "?"));
            parts.Add(report.IsValid ? "valid" : "not valid");
        }
        else
        {
            parts.Add("not read");
        }

        return report.Source + ": " + string.Join(", ", parts);
    }

    /// <summary><c>file:line: error RC1001: message [label]</c>; the label is left off when the message already names it.</summary>
    public static string Format(Diagnostic diagnostic, string fallbackSource)
    {
        DiagnosticLocation location = diagnostic.Location;
        var text = new StringBuilder();
        text.Append(location.Source ?? fallbackSource);
        if (location.Span.IsKnown)
        {
            text.Append(':').Append(location.Span.Line.ToString(CultureInfo.InvariantCulture));
        }

        text.Append(": ").Append(SeverityName(diagnostic.Severity)).Append(' ').Append(diagnostic.Id).Append(": ").Append(diagnostic.Message);
        string? tag = location.Label ?? location.CellKey;
        if (tag is not null && !diagnostic.Message.Contains(tag, System.StringComparison.Ordinal))
        {
            text.Append(" [").Append(tag).Append(']');
        }

        return text.ToString();
    }

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    private static void WriteSummary(TextWriter writer, IReadOnlyList<CheckedReport> reports)
    {
        string[] head = { "file", "edition", "errors", "warnings" };
        var rows = reports.Select(r => new[]
        {
            r.Source,
            r.InputFailed ? "-" : r.EditionDisplay,
            r.Errors.ToString(CultureInfo.InvariantCulture),
            r.Warnings.ToString(CultureInfo.InvariantCulture),
        }).ToList();

        int[] widths = new int[head.Length];
        for (int c = 0; c < head.Length; c++)
        {
            widths[c] = rows.Select(r => Width(r[c])).Append(Width(head[c])).Max();
        }

        writer.WriteLine(Row(head, widths));
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (string[] row in rows)
        {
            writer.WriteLine(Row(row, widths));
        }

        int errors = reports.Sum(r => r.Errors);
        int warnings = reports.Sum(r => r.Warnings);
        int withErrors = reports.Count(r => r.Errors > 0);
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{reports.Count} file(s): {reports.Count - withErrors} without errors, {withErrors} with errors; {errors} error(s), {warnings} warning(s)"));
    }

    private static string Row(string[] cells, int[] widths)
    {
        var text = new StringBuilder();
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0)
            {
                text.Append("  ");
            }

            bool right = c >= 2;
            string pad = new(' ', widths[c] - Width(cells[c]));
            text.Append(right ? pad + cells[c] : c == cells.Length - 1 ? cells[c] : cells[c] + pad);
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
}
