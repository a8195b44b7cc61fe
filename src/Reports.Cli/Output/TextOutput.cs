using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Reports.Core.Diagnostics;

namespace Reports.Cli.Output;

/// <summary>
/// Human-readable output: per report a header, then its findings — errors first, by table, repeated kinds folded into
/// one line (<c>--verbose</c> lists each) — then a summary per file and a total.
/// </summary>
internal static class TextOutput
{
    public static void Write(TextWriter writer, IReadOnlyList<CheckedReport> reports) => Write(writer, reports, OutputOptions.Default);

    public static void Write(TextWriter writer, IReadOnlyList<CheckedReport> reports, OutputOptions options)
    {
        var paint = new Paint(options.Color);
        foreach (CheckedReport report in reports)
        {
            if (report != reports[0])
            {
                writer.WriteLine();
            }

            writer.WriteLine(paint.Bold(Header(report)));
            foreach (FindingItem item in FindingGroups.Items(report, options))
            {
                writer.WriteLine(FormatItem(item, report, options, paint));
            }
        }

        writer.WriteLine();
        WriteSummary(writer, reports, options, paint);
    }

    public static string Header(CheckedReport report)
    {
        var parts = new List<string>();
        if (report.Kind == EntryKind.Series)
        {
            parts.Add(report.Years.IsEmpty ? "years unknown" : "years " + string.Join(", ", report.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))));
            parts.Add("edition " + (report.Edition ?? "?"));
            parts.Add(report.IsValid ? "consistent" : "not consistent");
        }
        else if (report.Kind == EntryKind.Baseline)
        {
            parts.Add("accepted findings (baseline)");
        }
        else if (!report.InputFailed)
        {
            parts.Add("edition " + report.EditionDetail);
            parts.Add("agency " + (report.Agency ?? "?"));
            parts.Add("year " + (report.Year?.ToString(CultureInfo.InvariantCulture) ?? "?"));
            parts.Add(report.IsValid ? "valid" : report.Errors == 0 && report.Suppressed > 0 ? "not valid (its errors are accepted)" : "not valid");
        }
        else
        {
            parts.Add("not read");
        }

        return report.Source + ": " + string.Join(", ", parts);
    }

    private static string FormatItem(FindingItem item, CheckedReport report, OutputOptions options, Paint paint)
    {
        string text;
        if (!item.IsFolded)
        {
            text = Format(item.First, report.Source, options.Verbose, paint);
        }
        else
        {
            Diagnostic first = item.First;
            string where = first.Location.Source ?? report.Source;
            if (first.Location.Span.IsKnown)
            {
                where += ":" + item.Members.Where(d => d.Location.Span.IsKnown).Min(d => d.Location.Span.Line).ToString(CultureInfo.InvariantCulture);
            }

            text = where + ": " + paint.Severity(first.Severity) + " " + first.Id + ": " + item.Summary;
        }

        if (item.Accepted)
        {
            BaselineEntry entry = report.Accepted[item.First];
            text = paint.Dim("[accepted] " + text + (string.IsNullOrWhiteSpace(entry.Justification) ? string.Empty : " — " + entry.Justification));
        }

        return text;
    }

    /// <summary><c>file:line: error RC1001: message [label]</c>; the label is left off when the message already names it.</summary>
    public static string Format(Diagnostic diagnostic, string fallbackSource) => Format(diagnostic, fallbackSource, verbose: true, new Paint(false));

    private static string Format(Diagnostic diagnostic, string fallbackSource, bool verbose, Paint paint)
    {
        DiagnosticLocation location = diagnostic.Location;
        var text = new StringBuilder();
        text.Append(location.Source ?? fallbackSource);
        if (location.Span.IsKnown)
        {
            text.Append(':').Append(location.Span.Line.ToString(CultureInfo.InvariantCulture));
        }

        text.Append(": ").Append(paint.Severity(diagnostic.Severity)).Append(' ').Append(diagnostic.Id).Append(": ").Append(diagnostic.Message);
        string message = diagnostic.Message;
        string? tag;
        if (!verbose && location.CellKey is not null)
        {
            // Short by default: the cell key (the message names the official labels); --verbose gives the label path.
            tag = location.CellKey;
        }
        else if (location.Label is not null && message.Contains(location.Label, System.StringComparison.Ordinal))
        {
            tag = null;
        }
        else if (verbose || location.Label is null || location.Label.Length <= 24)
        {
            tag = location.Label ?? location.CellKey;
        }
        else
        {
            tag = null;
        }

        if (tag is not null && !message.Contains(tag, System.StringComparison.Ordinal))
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

    private static void WriteSummary(TextWriter writer, IReadOnlyList<CheckedReport> reports, OutputOptions options, Paint paint)
    {
        bool anyAccepted = reports.Any(r => r.Suppressed > 0);
        var head = new List<string> { "file", "edition", "errors", "warnings" };
        if (anyAccepted)
        {
            head.Add("accepted");
        }

        var rows = reports.Select(r =>
        {
            var row = new List<string>
            {
                r.Source,
                r.InputFailed || r.Kind == EntryKind.Baseline ? "-" : r.Kind == EntryKind.Series ? (r.Edition ?? "?") : r.EditionDisplay,
                r.Errors.ToString(CultureInfo.InvariantCulture),
                r.Warnings.ToString(CultureInfo.InvariantCulture),
            };
            if (anyAccepted)
            {
                row.Add(r.Suppressed.ToString(CultureInfo.InvariantCulture));
            }

            return row.ToArray();
        }).ToList();

        int[] widths = new int[head.Count];
        for (int c = 0; c < head.Count; c++)
        {
            widths[c] = rows.Select(r => Width(r[c])).Append(Width(head[c])).Max();
        }

        writer.WriteLine(paint.Bold(Row(head.ToArray(), widths)));
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        for (int i = 0; i < rows.Count; i++)
        {
            string line = Row(rows[i], widths);
            writer.WriteLine(reports[i].Errors > 0 ? paint.Error(line) : line);
        }

        writer.WriteLine(paint.Bold(Total(reports, options)));
    }

    /// <summary>"8 files: 7 without errors, 1 with errors; 1 series; 2 errors, 185 warnings, 20 info".</summary>
    public static string Total(IReadOnlyList<CheckedReport> reports, OutputOptions options)
    {
        CheckedReport[] files = reports.Where(r => r.IsFile).ToArray();
        int withErrors = files.Count(r => r.Errors > 0);
        var text = new StringBuilder();
        text.Append(Count(files.Length, "file", "files")).Append(": ")
            .Append((files.Length - withErrors).ToString(CultureInfo.InvariantCulture)).Append(" without errors, ")
            .Append(withErrors.ToString(CultureInfo.InvariantCulture)).Append(" with errors");

        int series = reports.Count(r => r.Kind == EntryKind.Series);
        if (series > 0)
        {
            int inconsistent = reports.Count(r => r.Kind == EntryKind.Series && r.Errors > 0);
            text.Append("; ").Append(Count(series, "series", "series")).Append(" (").Append(inconsistent.ToString(CultureInfo.InvariantCulture)).Append(" with errors)");
        }

        if (reports.Any(r => r.Kind == EntryKind.Sum))
        {
            text.Append("; 1 sum");
        }

        text.Append("; ").Append(Count(reports.Sum(r => r.Errors), "error", "errors"))
            .Append(", ").Append(Count(reports.Sum(r => r.Warnings), "warning", "warnings"))
            .Append(", ").Append(reports.Sum(r => r.Infos).ToString(CultureInfo.InvariantCulture)).Append(" info");
        int accepted = reports.Sum(r => r.Suppressed);
        if (accepted > 0)
        {
            text.Append("; ").Append(accepted.ToString(CultureInfo.InvariantCulture)).Append(" accepted (not counted)");
        }

        int hidden = reports.Sum(r => r.Diagnostics.Count(d => d.Severity < options.MinSeverity));
        if (hidden > 0)
        {
            text.Append("; ").Append(hidden.ToString(CultureInfo.InvariantCulture)).Append(" below --min-severity ").Append(SeverityName(options.MinSeverity)).Append(" not listed");
        }

        return text.ToString();
    }

    private static string Count(int n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);

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
