using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;
using Reports.Core.Schema;

namespace Reports.Core.CrossReport;

/// <summary>One cell of a cross-year identity instance: which report, which cell, which sign.</summary>
/// <param name="Year">The report the cell belongs to.</param>
/// <param name="Cell">The cell in that report's schema.</param>
/// <param name="Sign">+1 or −1.</param>
public readonly record struct CrossYearCell(ReportYear Year, CellInfo Cell, int Sign);

/// <summary>A cross-year identity applied to one pair of schemas and one binding of its <c>*</c>, e.g. <c>X1[tot]</c>.</summary>
public sealed class CrossYearInstance
{
    internal CrossYearInstance(CrossYearLink link, string scope, CellInfo left, ImmutableArray<CrossYearCell> right)
    {
        Link = link;
        Scope = scope;
        Left = left;
        Right = right;
    }

    /// <summary>The identity.</summary>
    public CrossYearLink Link { get; }

    /// <summary>What <c>*</c> stands for (a column key such as <c>tot</c>, a row such as <c>a1.regulation</c>).</summary>
    public string Scope { get; }

    /// <summary>The checked cell of the current report.</summary>
    public CellInfo Left { get; }

    /// <summary>The cells it must equal the signed sum of.</summary>
    public ImmutableArray<CrossYearCell> Right { get; }

    /// <summary>Stable name, e.g. <c>X1[tot]</c>.</summary>
    public string Name => Scope.Length == 0 ? Link.Id : Link.Id + "[" + Scope + "]";

    /// <inheritdoc />
    public override string ToString() => Name + " " + Link.Title;
}

/// <summary>
/// The cross-year identities of spec §9.2 between one agency's reports of years Y − 1 and Y. They are data: each
/// schema declares its own in its <c>crossYear</c> section (<see cref="ReportSchema.CrossYearLinks"/>), the generator
/// checks every key there, and a pair of reports is checked with the links of the current report's schema, applied to
/// whichever cells both reports' schemas have. The built-in editions declare
/// X1 (hard) <c>t3.carried_in.*(Y) = t3.carried_out.*(Y−1)</c> in every column, across editions;
/// X2 (soft, edition 2021) <c>t2.a1.*.in_force(Y) = in_force(Y−1) + issued(Y) − repealed(Y)</c>;
/// X3 (soft, edition 2019) <c>t2.*.prev_items(Y) = prev_items(Y−1) + delta_items(Y−1)</c> — last year's 本年增/减.
/// X4 (no identity between 2020's 对外公开总数量 and 2021's 现行有效件数) is deliberately absent.
/// </summary>
public static class CrossYearChecks
{
    private static readonly ConcurrentDictionary<(ReportSchema Previous, ReportSchema Current), ImmutableArray<CrossYearInstance>> Cache = new();

    /// <summary>
    /// The instances of <paramref name="current"/>'s <see cref="ReportSchema.CrossYearLinks"/> that apply from a report of
    /// <paramref name="previous"/> to one of <paramref name="current"/>.
    /// </summary>
    public static ImmutableArray<CrossYearInstance> Instances(ReportSchema previous, ReportSchema current)
    {
        if (previous is null)
        {
            throw new ArgumentNullException(nameof(previous));
        }

        if (current is null)
        {
            throw new ArgumentNullException(nameof(current));
        }

        return Cache.GetOrAdd((previous, current), static pair => Expand(pair.Current.CrossYearLinks, pair.Previous, pair.Current));
    }

    /// <summary>The instances of <paramref name="links"/> (a team's own table) that apply between the two schemas.</summary>
    public static ImmutableArray<CrossYearInstance> Expand(IEnumerable<CrossYearLink> links, ReportSchema previous, ReportSchema current)
    {
        var result = ImmutableArray.CreateBuilder<CrossYearInstance>();
        foreach (CrossYearLink link in links)
        {
            foreach (CellInfo cell in current.Cells)
            {
                if (!link.Left.TryMatch(cell.Key, out string binding))
                {
                    continue;
                }

                var right = ImmutableArray.CreateBuilder<CrossYearCell>(link.Right.Length);
                foreach (CrossYearTerm term in link.Right)
                {
                    ReportSchema schema = term.Year == ReportYear.Current ? current : previous;
                    if (schema.TryGetCell(term.Bind(binding), out CellInfo other))
                    {
                        right.Add(new CrossYearCell(term.Year, other, term.Sign < 0 ? -1 : 1));
                    }
                }

                if (right.Count == link.Right.Length)
                {
                    result.Add(new CrossYearInstance(link, binding, cell, right.MoveToImmutable()));
                }
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Checks <paramref name="current"/> (year Y) against <paramref name="previous"/> (year Y − 1) of the same agency.
    /// When both years are known and not consecutive, nothing is compared (RC3011).
    /// </summary>
    public static ImmutableArray<Diagnostic> Check(IValidatedReport previous, IValidatedReport current)
    {
        if (previous is null)
        {
            throw new ArgumentNullException(nameof(previous));
        }

        if (current is null)
        {
            throw new ArgumentNullException(nameof(current));
        }

        return Check(YearValues.Of(previous), YearValues.Of(current), null);
    }

    /// <summary>Checks two validated reports against a team's own table of <paramref name="links"/> instead of the schema's.</summary>
    public static ImmutableArray<Diagnostic> Check(IValidatedReport previous, IValidatedReport current, IEnumerable<CrossYearLink> links)
    {
        if (previous is null)
        {
            throw new ArgumentNullException(nameof(previous));
        }

        if (current is null)
        {
            throw new ArgumentNullException(nameof(current));
        }

        return Check(YearValues.Of(previous), YearValues.Of(current), links ?? throw new ArgumentNullException(nameof(links)));
    }

    /// <summary>
    /// Checks two drafts (as published, e.g. imported text). Only cells that hold numbers take part: an instance
    /// with a blank, marked, unreadable or missing cell is skipped, never guessed. Findings carry the source line.
    /// </summary>
    public static ImmutableArray<Diagnostic> Check(IReportDraft previous, IReportDraft current)
    {
        if (previous is null)
        {
            throw new ArgumentNullException(nameof(previous));
        }

        if (current is null)
        {
            throw new ArgumentNullException(nameof(current));
        }

        return Check(YearValues.Of(previous), YearValues.Of(current), null);
    }

    internal static ImmutableArray<Diagnostic> Check(YearValues previous, YearValues current, IEnumerable<CrossYearLink>? links)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        if (previous.Info.Year is int py && current.Info.Year is int cy && cy != py + 1)
        {
            diagnostics.Add(Diagnostic.Create(
                ReportDiagnostics.NotConsecutiveYears, new DiagnosticLocation { Source = current.Info.Source }, Describe(previous.Info), Describe(current.Info)));
            return diagnostics.ToImmutable();
        }

        ImmutableArray<CrossYearInstance> instances = links is null
            ? Instances(previous.Schema, current.Schema)
            : Expand(links, previous.Schema, current.Schema);
        foreach (CrossYearInstance instance in instances)
        {
            if (!current.TryGet(instance.Left, out long reported, out SourceSpan span))
            {
                continue;
            }

            Int128 computed = 0;
            bool known = true;
            foreach (CrossYearCell term in instance.Right)
            {
                YearValues values = term.Year == ReportYear.Current ? current : previous;
                if (!values.TryGet(term.Cell, out long value, out _))
                {
                    known = false;
                    break;
                }

                computed += term.Sign * (Int128)value;
            }

            if (!known || computed == reported)
            {
                continue;
            }

            DiagnosticSeverity severity = instance.Link.Severity;
            DiagnosticDescriptor descriptor = severity == DiagnosticSeverity.Error
                ? ReportDiagnostics.CrossYearIdentityViolated
                : ReportDiagnostics.CrossYearCheckFailed;
            string reportedText = Cell.FormatScaled(reported, instance.Left.Scale);
            string computedText = computed >= long.MinValue && computed <= long.MaxValue
                ? Cell.FormatScaled((long)computed, instance.Left.Scale)
                : computed.ToString(CultureInfo.InvariantCulture);
            var keys = ImmutableArray.CreateBuilder<string>(instance.Right.Length + 1);
            keys.Add(instance.Left.Key);
            keys.AddRange(instance.Right.Select(t => (t.Year == ReportYear.Current ? "Y:" : "Y-1:") + t.Cell.Key));
            diagnostics.Add(Diagnostic.Create(
                descriptor,
                severity,
                DiagnosticLocation.ForCell(instance.Left, span, current.Info.Source),
                instance.Name,
                keys.MoveToImmutable(),
                reportedText,
                computedText,
                instance.Name,
                instance.Link.Title,
                YearTag(current.Info, ReportYear.Current) + " " + ShortLabel(instance.Left),
                reportedText,
                string.Join(" ", instance.Right.Select((t, i) =>
                    (i == 0 ? (t.Sign < 0 ? "−" : string.Empty) : (t.Sign < 0 ? "− " : "+ "))
                    + YearTag(t.Year == ReportYear.Current ? current.Info : previous.Info, t.Year) + " " + ShortLabel(t.Cell))),
                computedText,
                Describe(current.Info),
                Describe(previous.Info)));
        }

        return diagnostics.ToImmutable();
    }

    /// <summary>Names a report: agency, year and source, e.g. <c>洪泽区人民政府 2024 (hongze-2024.txt)</c>.</summary>
    public static string Describe(ReportInfo info)
    {
        if (info is null)
        {
            throw new ArgumentNullException(nameof(info));
        }

        string text = (info.Agency ?? "(agency unknown)") + " " + (info.Year?.ToString(CultureInfo.InvariantCulture) ?? "(year unknown)");
        return info.Source is null ? text : text + " (" + info.Source + ")";
    }

    /// <summary>A cell's labels below the table heading, e.g. <c>二、上年结转政府信息公开申请数量 › 申请人情况 › 总计</c>.</summary>
    internal static string ShortLabel(CellInfo cell) =>
        cell.LabelPath.Length > 1 ? string.Join(" › ", cell.LabelPath.Skip(1)) : cell.Label;

    private static string YearTag(ReportInfo info, ReportYear year) =>
        info.Year?.ToString(CultureInfo.InvariantCulture) ?? (year == ReportYear.Current ? "Y" : "Y−1");
}

/// <summary>The numbers of one report for cross-report checks: a validated report (all numbers) or a draft (numbers only where published).</summary>
internal sealed class YearValues
{
    private readonly long[] _values;
    private readonly ReportCells? _cells;

    private YearValues(ReportSchema schema, ReportInfo info, long[] values, ReportCells? cells)
    {
        Schema = schema;
        Info = info;
        _values = values;
        _cells = cells;
    }

    public ReportSchema Schema { get; }

    public ReportInfo Info { get; }

    public static YearValues Of(IValidatedReport report) => new(report.Edition.Schema, report.Info, report.Values.ToArray(), null);

    public static YearValues Of(IReportDraft draft) => new(draft.Edition.Schema, draft.Info, draft.Cells.Values.ToArray(), draft.Cells);

    public bool TryGet(CellInfo cell, out long value, out SourceSpan span)
    {
        if (_cells is null)
        {
            value = _values[cell.Ordinal];
            span = default;
            return true;
        }

        Cell c = _cells[cell.Ordinal];
        value = c.Value;
        span = c.Span;
        return c.IsNumber;
    }
}
