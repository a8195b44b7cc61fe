using System.Globalization;
using System.Linq;
using System.Text;
using Reports.Core.Diagnostics;

namespace Reports.Cli.Output;

/// <summary>The counts a run ends with (the total line, the exit code), added up entry by entry so no entry need be kept.</summary>
internal sealed class CheckTotals
{
    public int Files { get; private set; }

    public int FilesWithErrors { get; private set; }

    public int Series { get; private set; }

    public int SeriesWithErrors { get; private set; }

    public bool HasSum { get; private set; }

    public long Errors { get; private set; }

    public long Warnings { get; private set; }

    public long Infos { get; private set; }

    public long Accepted { get; private set; }

    /// <summary>Findings below <c>--min-severity</c>: counted, not listed.</summary>
    public long Hidden { get; private set; }

    /// <summary>Entries whose input could not be read (exit code 2).</summary>
    public int InputsFailed { get; private set; }

    /// <summary>Entries with warnings (for <c>--warnings-as-errors</c>).</summary>
    public int WithWarnings { get; private set; }

    /// <summary>Entries with errors, files or not.</summary>
    public int WithErrors { get; private set; }

    public void Add(CheckedReport report, DiagnosticSeverity minSeverity)
    {
        int errors = report.Errors, warnings = report.Warnings;
        if (report.IsFile)
        {
            Files++;
            FilesWithErrors += errors > 0 ? 1 : 0;
        }
        else if (report.Kind == EntryKind.Series)
        {
            Series++;
            SeriesWithErrors += errors > 0 ? 1 : 0;
        }
        else if (report.Kind == EntryKind.Sum)
        {
            HasSum = true;
        }

        Errors += errors;
        Warnings += warnings;
        Infos += report.Infos;
        Accepted += report.Suppressed;
        Hidden += report.Diagnostics.Count(d => d.Severity < minSeverity);
        InputsFailed += report.InputFailed ? 1 : 0;
        WithWarnings += warnings > 0 ? 1 : 0;
        WithErrors += errors > 0 ? 1 : 0;
    }

    /// <summary>"8 files: 7 without errors, 1 with errors; 1 series; 2 errors, 185 warnings, 20 info".</summary>
    public string Describe(DiagnosticSeverity minSeverity)
    {
        var text = new StringBuilder();
        text.Append(Count(Files, "file", "files")).Append(": ")
            .Append((Files - FilesWithErrors).ToString(CultureInfo.InvariantCulture)).Append(" without errors, ")
            .Append(FilesWithErrors.ToString(CultureInfo.InvariantCulture)).Append(" with errors");
        if (Series > 0)
        {
            text.Append("; ").Append(Count(Series, "series", "series")).Append(" (").Append(SeriesWithErrors.ToString(CultureInfo.InvariantCulture)).Append(" with errors)");
        }

        if (HasSum)
        {
            text.Append("; 1 sum");
        }

        text.Append("; ").Append(Count(Errors, "error", "errors"))
            .Append(", ").Append(Count(Warnings, "warning", "warnings"))
            .Append(", ").Append(Infos.ToString(CultureInfo.InvariantCulture)).Append(" info");
        if (Accepted > 0)
        {
            text.Append("; ").Append(Accepted.ToString(CultureInfo.InvariantCulture)).Append(" accepted (not counted)");
        }

        if (Hidden > 0)
        {
            text.Append("; ").Append(Hidden.ToString(CultureInfo.InvariantCulture)).Append(" below --min-severity ").Append(TextOutput.SeverityName(minSeverity)).Append(" not listed");
        }

        return text.ToString();
    }

    private static string Count(long n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}
