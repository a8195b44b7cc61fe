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
    public static void Write(TextWriter writer, IEnumerable<CheckedReport> reports) => Write(writer, reports, OutputOptions.Default);

    public static void Write(TextWriter writer, IEnumerable<CheckedReport> reports, OutputOptions options)
    {
        var listing = new TextListing(writer, options);
        foreach (CheckedReport report in reports)
        {
            listing.Add(report);
        }

        listing.Finish();
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

    internal static string FormatItem(FindingItem item, CheckedReport report, OutputOptions options, Paint paint)
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

    /// <summary>"8 files: 7 without errors, 1 with errors; 1 series; 2 errors, 185 warnings, 20 info".</summary>
    public static string Total(IReadOnlyList<CheckedReport> reports, OutputOptions options)
    {
        var totals = new CheckTotals();
        foreach (CheckedReport report in reports)
        {
            totals.Add(report, options.MinSeverity);
        }

        return totals.Describe(options.MinSeverity);
    }
}
