using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;

namespace Reports.Core.Bulk;

/// <summary>The outcome for one NDJSON line: its number, the edition it named, whether it validated, and every finding.</summary>
public readonly struct BulkResult
{
    /// <summary>Creates a result.</summary>
    public BulkResult(long lineNumber, ReportEdition? edition, bool isValid, ImmutableArray<Diagnostic> diagnostics)
    {
        LineNumber = lineNumber;
        Edition = edition;
        if (isValid && edition is null)
        {
            throw new System.ArgumentException("A valid line has an edition.", nameof(edition));
        }

        IsValid = isValid;
        Diagnostics = diagnostics.IsDefault ? ImmutableArray<Diagnostic>.Empty : diagnostics;
    }

    /// <summary>1-based line number in the input.</summary>
    public long LineNumber { get; }

    /// <summary>The edition the line named, or null when it named none the validator knows (or could not be read).</summary>
    public ReportEdition? Edition { get; }

    /// <summary>True when the line was read and the report holds every hard identity (warnings allowed).</summary>
    [MemberNotNullWhen(true, nameof(Edition))]
    public bool IsValid { get; }

    /// <summary>Every finding: reading the line first (located at <see cref="LineNumber"/>), then validation.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Number of errors among <see cref="Diagnostics"/>.</summary>
    public int ErrorCount
    {
        get
        {
            int n = 0;
            foreach (Diagnostic d in Diagnostics)
            {
                n += d.IsError ? 1 : 0;
            }

            return n;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        "line " + LineNumber + " (" + (Edition?.Id ?? "?") + "): " + (IsValid ? "valid" : "invalid") + ", " + Diagnostics.Length + " finding(s)";
}
