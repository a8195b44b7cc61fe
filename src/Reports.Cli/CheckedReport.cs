using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;

namespace Reports.Cli;

/// <summary>The outcome of checking one input.</summary>
internal sealed class CheckedReport
{
    public required string Source { get; init; }

    /// <summary>The report's edition, when one was determined.</summary>
    public string? Edition { get; init; }

    /// <summary>Edition per table (import only); empty when not known.</summary>
    public IReadOnlyDictionary<string, string> TableEditions { get; init; } = KnownEditions.Empty;

    public string? Agency { get; init; }

    public int? Year { get; init; }

    /// <summary>The draft as read (for <c>convert</c>); null when none could be read.</summary>
    public IReportDraft? Draft { get; init; }

    /// <summary>True when the report passed validation.</summary>
    public bool IsValid { get; init; }

    /// <summary>True when the input itself could not be read (missing, unreadable): exit code 2.</summary>
    public bool InputFailed { get; init; }

    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = ImmutableArray<Diagnostic>.Empty;

    public int Errors => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);

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
