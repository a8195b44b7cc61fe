using System;
using System.ComponentModel;
using Reports.Core.Infrastructure;
using Reports.Core.Schema;
using Reports.Core.Validation;

namespace Reports.Core.Reports;

/// <summary>
/// One edition (or a team's own form) at run time: its schema and its generated identity code.
/// Each generated edition has a single instance, e.g. <c>Report2021.Edition</c>.
/// </summary>
public abstract class ReportEdition
{
    /// <summary>The run-time schema.</summary>
    public abstract ReportSchema Schema { get; }

    /// <summary>The edition id (<c>2019</c>, <c>2021</c>, …).</summary>
    public string Id => Schema.Edition;

    /// <summary>Generated straight-line check: true when every hard identity holds over <paramref name="values"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract bool HoldsAll(ReadOnlySpan<long> values);

    /// <summary>Generated straight-line check of every identity, hard and soft; violations go to <paramref name="findings"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract void EvaluateIdentities(ReadOnlySpan<long> values, IdentityFindings findings);

    /// <summary>Wraps cells of this edition in the edition's typed draft.</summary>
    public abstract IReportDraft CreateDraft(ReportInfo info, ReportCells cells);

    /// <summary>True when the cells are all numbers in range and every hard identity holds. Allocates nothing.</summary>
    public bool IsValid(ReportCells cells) => ReferenceEquals(cells.Schema, Schema) && cells.IsClean && HoldsAll(cells.Values);

    /// <summary>Validates a draft of this edition.</summary>
    public ValidationResult<IValidatedReport> Validate(IReportDraft draft)
    {
        if (draft is null)
        {
            throw new ArgumentNullException(nameof(draft));
        }

        var diagnostics = ReportValidator.Validate(this, draft.Info, draft.Cells, out long[]? values);
        return new ValidationResult<IValidatedReport>(values is null ? null : CreateValidated(draft.Info, values), diagnostics);
    }

    /// <summary>Creates the edition's validated report over values that passed validation (generated).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract IValidatedReport CreateValidated(ReportInfo info, long[] values);

    /// <inheritdoc />
    public override string ToString() => Schema.ToString();
}

/// <summary>
/// An edition whose validated report type is <typeparamref name="TReport"/>: what <c>Report2021.Edition</c> is, so
/// validating through it gives a <c>ValidationResult&lt;Report2021&gt;</c> (through the base class, an
/// <see cref="IValidatedReport"/>).
/// </summary>
/// <typeparam name="TReport">The edition's validated report type.</typeparam>
public abstract class ReportEdition<TReport> : ReportEdition
    where TReport : class, IValidatedReport
{
    /// <summary>Validates a draft of this edition: the typed report when no error was found, and every finding.</summary>
    public new ValidationResult<TReport> Validate(IReportDraft draft)
    {
        ValidationResult<IValidatedReport> result = base.Validate(draft);
        return new ValidationResult<TReport>((TReport?)result.Report, result.Diagnostics);
    }
}

