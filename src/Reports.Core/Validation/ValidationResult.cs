using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Reports.Core.Diagnostics;

namespace Reports.Core.Validation;

/// <summary>The outcome of validating a report: the validated report when no error was found, and every finding.</summary>
/// <typeparam name="TReport">The validated report type.</typeparam>
public sealed class ValidationResult<TReport>
    where TReport : class
{
    /// <summary>Creates a result.</summary>
    public ValidationResult(TReport? report, ImmutableArray<Diagnostic> diagnostics)
    {
        Report = report;
        Diagnostics = diagnostics.IsDefault ? ImmutableArray<Diagnostic>.Empty : diagnostics;
    }

    /// <summary>The validated report, or null when an error was found.</summary>
    public TReport? Report { get; }

    /// <summary>Every finding, errors and warnings, in a stable order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>True when the report validated (warnings allowed).</summary>
    [MemberNotNullWhen(true, nameof(Report))]
    public bool IsValid => Report is not null;

    /// <summary>The errors.</summary>
    public ImmutableArray<Diagnostic> Errors => Diagnostics.Where(d => d.IsError).ToImmutableArray();

    /// <summary>The warnings and infos.</summary>
    public ImmutableArray<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError).ToImmutableArray();
}
