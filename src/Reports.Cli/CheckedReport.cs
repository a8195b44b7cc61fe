using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;

namespace Reports.Cli;

/// <summary>What an entry of the output stands for.</summary>
internal enum EntryKind
{
    /// <summary>One input file (or standard input).</summary>
    Report,

    /// <summary>The cross-year checks of one agency's reports (<c>check --series</c>): not a file.</summary>
    Series,

    /// <summary>The aggregate written by <c>sum</c>.</summary>
    Sum,

    /// <summary>The accepted-findings file (<c>--baseline</c>): its entries that no longer match.</summary>
    Baseline,
}

/// <summary>The outcome of checking one input.</summary>
internal sealed class CheckedReport
{
    public required string Source { get; init; }

    public EntryKind Kind { get; init; } = EntryKind.Report;

    /// <summary>For a series: the years it covers, in order.</summary>
    public ImmutableArray<int> Years { get; init; } = ImmutableArray<int>.Empty;

    /// <summary>The report's edition, when one was determined.</summary>
    public string? Edition { get; init; }

    /// <summary>Edition per table (import only); empty when not known.</summary>
    public IReadOnlyDictionary<string, string> TableEditions { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The schema of the report's edition (kept when the draft is dropped to save memory).</summary>
    public Reports.Core.Schema.ReportSchema? Schema { get; init; }

    /// <summary>The format read (<c>text</c>, <c>html</c>, <c>json</c>, <c>pdf</c>); null when the file was not read.</summary>
    public string? Format { get; init; }

    /// <summary>The encoding the text was read in; null for PDF or unread files.</summary>
    public string? Encoding { get; init; }

    public string? Agency { get; init; }

    public int? Year { get; init; }

    /// <summary>The draft as read (for <c>convert</c>); null when none could be read.</summary>
    public IReportDraft? Draft { get; init; }

    /// <summary>True when the report passed validation.</summary>
    public bool IsValid { get; init; }

    /// <summary>True when the input itself could not be read (missing, unreadable): exit code 2.</summary>
    public bool InputFailed { get; init; }

    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = ImmutableArray<Diagnostic>.Empty;

    /// <summary>Findings accepted in the baseline (<c>--baseline</c>), with the entry that accepts each: shown as suppressed, not counted.</summary>
    public IReadOnlyDictionary<Diagnostic, BaselineEntry> Accepted { get; init; } = new Dictionary<Diagnostic, BaselineEntry>();

    public bool IsAccepted(Diagnostic diagnostic) => Accepted.ContainsKey(diagnostic);

    /// <summary>Errors not accepted in the baseline.</summary>
    public int Errors => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error && !IsAccepted(d));

    /// <summary>Warnings not accepted in the baseline.</summary>
    public int Warnings => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning && !IsAccepted(d));

    public int Infos => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info && !IsAccepted(d));

    /// <summary>Findings accepted in the baseline.</summary>
    public int Suppressed => Diagnostics.Count(IsAccepted);

    /// <summary>True for an input file (a report read or not), false for series, sums and the baseline.</summary>
    public bool IsFile => Kind == EntryKind.Report;

    /// <summary>The same entry with <paramref name="accepted"/> as its accepted findings.</summary>
    public CheckedReport WithAccepted(IReadOnlyDictionary<Diagnostic, BaselineEntry> accepted) => new()
    {
        Source = Source,
        Kind = Kind,
        Years = Years,
        Edition = Edition,
        Schema = Schema,
        Format = Format,
        Encoding = Encoding,
        TableEditions = TableEditions,
        Agency = Agency,
        Year = Year,
        Draft = Draft,
        IsValid = IsValid,
        InputFailed = InputFailed,
        Diagnostics = Diagnostics,
        Accepted = accepted,
    };

    /// <summary>The same entry without its draft (a folder's worth of drafts is not kept when no output needs them).</summary>
    public CheckedReport WithoutDraft() => Draft is null ? this : new()
    {
        Source = Source,
        Kind = Kind,
        Years = Years,
        Edition = Edition,
        Schema = Schema ?? Draft.Edition.Schema,
        Format = Format,
        Encoding = Encoding,
        TableEditions = TableEditions,
        Agency = Agency,
        Year = Year,
        Draft = null,
        IsValid = IsValid,
        InputFailed = InputFailed,
        Diagnostics = Diagnostics,
        Accepted = Accepted,
    };

    /// <summary>The edition for the summary: the report's, plus per-table editions when they differ from it.</summary>
    public string EditionDisplay => EditionText(onlyWhenMixed: true);

    /// <summary>The edition for the header: the report's, plus per-table editions whenever known.</summary>
    public string EditionDetail => EditionText(onlyWhenMixed: false);

    private string EditionText(bool onlyWhenMixed)
    {
        {
            string head = Edition ?? "?";
            if (TableEditions.Count == 0 || (onlyWhenMixed && TableEditions.Values.All(e => e == Edition)))
            {
                return head;
            }

            return head + " (" + string.Join(", ", TableEditions.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => p.Key + ":" + p.Value)) + ")";
        }
    }
}
