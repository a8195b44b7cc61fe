using System.Collections.Generic;
using System.Linq;
using FluentValidation;
using FluentValidation.Results;
using Reports.Core.Cells;
using Reports.Core.Reports;
using Reports.Core.Schema;

namespace Reports.Core.Benchmarks;

/// <summary>
/// A report the way a team would hold it without this library: a dictionary from cell key to value
/// (null for a cell that is not a number).
/// </summary>
public sealed class PlainReport
{
    public PlainReport(string edition, Dictionary<string, long?> cells)
    {
        Edition = edition;
        Cells = cells;
    }

    public string Edition { get; }

    public Dictionary<string, long?> Cells { get; }

    public static PlainReport From(IReportDraft draft)
    {
        var cells = new Dictionary<string, long?>();
        ReportSchema schema = draft.Edition.Schema;
        for (int i = 0; i < schema.CellCount; i++)
        {
            Cell cell = draft.Cells[i];
            if (cell.State != CellState.Missing)
            {
                cells[schema.Cells[i].Key] = cell.State == CellState.Number ? cell.Value : null;
            }
        }

        return new PlainReport(schema.Edition, cells);
    }
}

/// <summary>One identity instance as a team would write it: the keys on each side and the relation.</summary>
public sealed record PlainIdentity(string Name, string[] Left, string[] Right, IdentityRelation Relation, bool IsError)
{
    public static PlainIdentity[] For(ReportSchema schema) => schema.Identities
        .Select(i => new PlainIdentity(i.Name, i.Left.Select(o => schema.Cells[o].Key).ToArray(), i.Right.Select(o => schema.Cells[o].Key).ToArray(), i.Relation, i.Severity == Diagnostics.DiagnosticSeverity.Error))
        .ToArray();

    public bool Holds(long left, long right) => Relation switch
    {
        IdentityRelation.LessOrEqual => left <= right,
        IdentityRelation.GreaterOrEqual => left >= right,
        _ => left == right,
    };
}

/// <summary>The same checks (H1–H5, S1–S3) as FluentValidation rules: one rule per cell range, one per identity instance.</summary>
public sealed class FluentReportValidator : AbstractValidator<PlainReport>
{
    public FluentReportValidator(ReportSchema schema)
    {
        foreach (CellInfo cell in schema.Cells)
        {
            string key = cell.Key;
            long min = cell.MinValue, max = cell.MaxValue;
            RuleFor(r => r.Cells)
                .Must(c => c.TryGetValue(key, out long? v) && v is long x && x >= min && x <= max)
                .WithName(key)
                .WithMessage(key + " is missing, not a number or out of range");
        }

        foreach (PlainIdentity identity in PlainIdentity.For(schema))
        {
            RuleFor(r => r.Cells)
                .Must(c => identity.Holds(Sum(c, identity.Left), Sum(c, identity.Right)))
                .WithName(identity.Name)
                .WithMessage(identity.Name + " does not hold")
                .WithSeverity(identity.IsError ? Severity.Error : Severity.Warning);
        }
    }

    private static long Sum(Dictionary<string, long?> cells, string[] keys)
    {
        long sum = 0;
        foreach (string key in keys)
        {
            sum += cells.TryGetValue(key, out long? v) ? v ?? 0 : 0;
        }

        return sum;
    }

    public static bool IsValid(FluentReportValidator validator, PlainReport report, out int findings)
    {
        ValidationResult result = validator.Validate(report);
        findings = result.Errors.Count;
        return result.Errors.All(e => e.Severity != Severity.Error);
    }
}

/// <summary>The same checks as a hand-written loop over the dictionary.</summary>
public static class DictionaryLoopValidator
{
    public static bool IsValid(ReportSchema schema, PlainIdentity[] identities, PlainReport report, List<string> findings)
    {
        bool ok = true;
        foreach (CellInfo cell in schema.Cells)
        {
            if (!report.Cells.TryGetValue(cell.Key, out long? v) || v is not long x || x < cell.MinValue || x > cell.MaxValue)
            {
                findings.Add(cell.Key + " is missing, not a number or out of range");
                ok = false;
            }
        }

        foreach (PlainIdentity identity in identities)
        {
            long left = 0, right = 0;
            foreach (string key in identity.Left)
            {
                left += report.Cells.TryGetValue(key, out long? v) ? v ?? 0 : 0;
            }

            foreach (string key in identity.Right)
            {
                right += report.Cells.TryGetValue(key, out long? v) ? v ?? 0 : 0;
            }

            if (!identity.Holds(left, right))
            {
                findings.Add(identity.Name + " does not hold");
                ok &= !identity.IsError;
            }
        }

        return ok;
    }
}
