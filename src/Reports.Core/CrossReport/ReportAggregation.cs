using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Validation;

namespace Reports.Core.CrossReport;

/// <summary>The sum of drafts: the summed draft (null when the parts' editions differ) and the findings.</summary>
public sealed class DraftSumResult
{
    internal DraftSumResult(IReportDraft? draft, ImmutableArray<Diagnostic> diagnostics)
    {
        Draft = draft;
        Diagnostics = diagnostics;
    }

    /// <summary>The cell-wise sum, as a draft of the parts' edition; validate it to get a report.</summary>
    public IReportDraft? Draft { get; }

    /// <summary>Findings of the summing itself (RC3007–RC3009); validation findings are not included.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }
}

/// <summary>
/// Adding reports of one edition cell by cell — e.g. a city office summing its departments — and checking a parent
/// report against the sum of its children. Sums are exact and range-checked (RC3008), never wrapped. Because valid
/// parts satisfy every linear identity, so does their sum; the result still goes through the validator, so it is
/// a real validated report.
/// </summary>
public static class ReportAggregation
{
    /// <summary>
    /// The cell-wise sum of valid reports of one edition, validated. <paramref name="info"/> defaults to no agency,
    /// no source and the parts' year when they share one. Typed: <c>Sum&lt;Report2021&gt;(parts)</c> gives a
    /// <c>ValidationResult&lt;Report2021&gt;</c>.
    /// </summary>
    /// <exception cref="ArgumentException">No parts.</exception>
    public static ValidationResult<TReport> Sum<TReport>(IEnumerable<TReport> parts, ReportInfo? info = null)
        where TReport : class, IValidatedReport
    {
        if (parts is null)
        {
            throw new ArgumentNullException(nameof(parts));
        }

        List<TReport> list = parts.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one report is needed to sum.", nameof(parts));
        }

        ReportEdition edition = list[0].Edition;
        ReportSchema schema = edition.Schema;
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        CheckEditions(list.Select(r => (r.Edition, r.Info)), edition, list[0].Info, diagnostics);
        if (diagnostics.Count > 0)
        {
            return new ValidationResult<TReport>(null, diagnostics.ToImmutable());
        }

        var sums = new Int128[schema.CellCount];
        foreach (TReport part in list)
        {
            ReadOnlySpan<long> values = part.Values;
            for (int i = 0; i < sums.Length; i++)
            {
                sums[i] += values[i];
            }
        }

        ReportInfo summed = info ?? DefaultInfo(list.Select(r => r.Info));
        long[] result = ToValues(schema, sums, summed.Source, diagnostics);
        if (diagnostics.Count > 0)
        {
            return new ValidationResult<TReport>(null, diagnostics.ToImmutable());
        }

        ValidationResult<IValidatedReport> validated = edition.Validate(edition.CreateDraft(summed, ReportCells.FromValues(schema, result)));
        return new ValidationResult<TReport>((TReport?)validated.Report, validated.Diagnostics);
    }

    /// <summary>
    /// The cell-wise sum of drafts of one edition. Blank stays blank only where every part is blank; elsewhere blank
    /// and not-applicable parts count as 0. A derived total that is not a number in every part becomes blank (the
    /// validator recomputes it); any other cell holding text or missing in a part is reported (RC3009) and kept as it is.
    /// </summary>
    /// <exception cref="ArgumentException">No parts.</exception>
    public static DraftSumResult SumDrafts(IEnumerable<IReportDraft> parts, ReportInfo? info = null)
    {
        if (parts is null)
        {
            throw new ArgumentNullException(nameof(parts));
        }

        List<IReportDraft> list = parts.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one draft is needed to sum.", nameof(parts));
        }

        ReportEdition edition = list[0].Edition;
        ReportSchema schema = edition.Schema;
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        CheckEditions(list.Select(r => (r.Edition, r.Info)), edition, list[0].Info, diagnostics);
        if (diagnostics.Count > 0)
        {
            return new DraftSumResult(null, diagnostics.ToImmutable());
        }

        ReportInfo summed = info ?? DefaultInfo(list.Select(r => r.Info));
        ReportCells.Builder builder = ReportCells.CreateBuilder(schema);
        for (int i = 0; i < schema.CellCount; i++)
        {
            CellInfo cell = schema.Cells[i];
            Int128 sum = 0;
            int numbers = 0, blanks = 0, marked = 0, missing = 0;
            Cell? unreadable = null;
            IReportDraft? culprit = null;
            foreach (IReportDraft part in list)
            {
                Cell value = part.Cells[i];
                switch (value.State)
                {
                    case CellState.Number:
                        numbers++;
                        sum += value.Value;
                        break;
                    case CellState.Blank:
                        blanks++;
                        break;
                    case CellState.NotApplicable:
                        marked++;
                        break;
                    case CellState.Text:
                        if (unreadable is null)
                        {
                            unreadable = value;
                            culprit = part;
                        }

                        break;
                    default:
                        missing++;
                        culprit ??= part;
                        break;
                }
            }

            if (cell.IsDerived && numbers != list.Count)
            {
                builder[i] = Cell.Blank();
            }
            else if (unreadable is not null || (missing > 0 && missing < list.Count))
            {
                string what = unreadable is Cell text ? "the text \"" + text.Raw + "\"" : "no value (the cell is missing)";
                diagnostics.Add(Diagnostic.Create(
                    ReportDiagnostics.SumPartUnreadable,
                    DiagnosticLocation.ForCell(cell, default, summed.Source),
                    cell.Label,
                    CrossYearChecks.Describe(culprit!.Info),
                    what));
                builder[i] = unreadable ?? Cell.Missing;
            }
            else if (missing == list.Count)
            {
                builder[i] = Cell.Missing;
            }
            else if (numbers == 0)
            {
                builder[i] = blanks > 0 || marked == 0 ? Cell.Blank() : Cell.NotApplicable();
            }
            else if (sum < cell.MinValue || sum > cell.MaxValue)
            {
                diagnostics.Add(OutOfRange(cell, sum, summed.Source));
                builder[i] = Cell.Text(FormatSum(sum, cell.Scale));
            }
            else
            {
                builder[i] = Cell.Number((long)sum, cell.Scale);
            }
        }

        return new DraftSumResult(edition.CreateDraft(summed, builder.ToCells()), diagnostics.ToImmutable());
    }

    /// <summary>
    /// Compares a parent report with the sum of its children, cell by cell: one RC3010 per cell that differs, naming
    /// the parent's value (<see cref="Diagnostic.Reported"/>) and the children's sum (<see cref="Diagnostic.Computed"/>).
    /// Children of another edition than the parent's are reported (RC3007) and nothing is compared.
    /// </summary>
    public static ImmutableArray<Diagnostic> CheckAgainstChildren(IValidatedReport parent, IEnumerable<IValidatedReport> children)
    {
        if (parent is null)
        {
            throw new ArgumentNullException(nameof(parent));
        }

        if (children is null)
        {
            throw new ArgumentNullException(nameof(children));
        }

        List<IValidatedReport> list = children.ToList();
        ReportSchema schema = parent.Edition.Schema;
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        CheckEditions(list.Select(r => (r.Edition, r.Info)), parent.Edition, parent.Info, diagnostics);
        if (diagnostics.Count > 0)
        {
            return diagnostics.ToImmutable();
        }

        var sums = new Int128[schema.CellCount];
        foreach (IValidatedReport child in list)
        {
            ReadOnlySpan<long> values = child.Values;
            for (int i = 0; i < sums.Length; i++)
            {
                sums[i] += values[i];
            }
        }

        ReadOnlySpan<long> reported = parent.Values;
        string parentName = CrossYearChecks.Describe(parent.Info);
        for (int i = 0; i < sums.Length; i++)
        {
            if (sums[i] == reported[i])
            {
                continue;
            }

            CellInfo cell = schema.Cells[i];
            string reportedText = Cell.FormatScaled(reported[i], cell.Scale);
            string computedText = FormatSum(sums[i], cell.Scale);
            diagnostics.Add(Diagnostic.Create(
                ReportDiagnostics.ParentDisagreesWithChildren,
                ReportDiagnostics.ParentDisagreesWithChildren.DefaultSeverity,
                DiagnosticLocation.ForCell(cell, default, parent.Info.Source),
                null,
                ImmutableArray.Create(cell.Key),
                reportedText,
                computedText,
                cell.Label,
                parentName,
                reportedText,
                list.Count,
                computedText));
        }

        return diagnostics.ToImmutable();
    }

    private static void CheckEditions(IEnumerable<(ReportEdition Edition, ReportInfo Info)> parts, ReportEdition expected, ReportInfo first, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        foreach ((ReportEdition edition, ReportInfo info) in parts)
        {
            if (!ReferenceEquals(edition, expected))
            {
                diagnostics.Add(Diagnostic.Create(
                    ReportDiagnostics.EditionsDiffer,
                    new DiagnosticLocation { Source = info.Source },
                    CrossYearChecks.Describe(info),
                    edition.Id,
                    CrossYearChecks.Describe(first),
                    expected.Id));
            }
        }
    }

    private static ReportInfo DefaultInfo(IEnumerable<ReportInfo> parts)
    {
        int?[] years = parts.Select(p => p.Year).Distinct().ToArray();
        return new ReportInfo { Year = years.Length == 1 ? years[0] : null };
    }

    private static long[] ToValues(ReportSchema schema, Int128[] sums, string? source, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var values = new long[sums.Length];
        for (int i = 0; i < sums.Length; i++)
        {
            CellInfo cell = schema.Cells[i];
            if (sums[i] < cell.MinValue || sums[i] > cell.MaxValue)
            {
                diagnostics.Add(OutOfRange(cell, sums[i], source));
                continue;
            }

            values[i] = (long)sums[i];
        }

        return values;
    }

    private static Diagnostic OutOfRange(CellInfo cell, Int128 sum, string? source)
    {
        string sumText = FormatSum(sum, cell.Scale);
        return Diagnostic.Create(
            ReportDiagnostics.SumOutOfRange,
            ReportDiagnostics.SumOutOfRange.DefaultSeverity,
            DiagnosticLocation.ForCell(cell, default, source),
            null,
            ImmutableArray.Create(cell.Key),
            null,
            sumText,
            cell.Label,
            sumText,
            Cell.FormatScaled(cell.MinValue, cell.Scale),
            Cell.FormatScaled(cell.MaxValue, cell.Scale));
    }

    private static string FormatSum(Int128 sum, byte scale) =>
        sum >= long.MinValue && sum <= long.MaxValue
            ? Cell.FormatScaled((long)sum, scale)
            : sum.ToString(CultureInfo.InvariantCulture) + (scale == 0 ? string.Empty : "e-" + scale.ToString(CultureInfo.InvariantCulture));
}
