using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;

namespace Reports.Core.CrossReport;

/// <summary>The outcome of checking one agency's reports over several years.</summary>
public sealed class SeriesCheckResult
{
    internal SeriesCheckResult(string? agency, ImmutableArray<int> years, ImmutableArray<int> missingYears, ImmutableArray<(int Previous, int Current)> pairs, ImmutableArray<Diagnostic> diagnostics)
    {
        Agency = agency;
        Years = years;
        MissingYears = missingYears;
        Pairs = pairs;
        Diagnostics = diagnostics;
    }

    /// <summary>The agency (as written in the first report), or null when unknown.</summary>
    public string? Agency { get; }

    /// <summary>The distinct reporting years found, ascending.</summary>
    public ImmutableArray<int> Years { get; }

    /// <summary>Years between the first and the last with no report (RC3003).</summary>
    public ImmutableArray<int> MissingYears { get; }

    /// <summary>The pairs of consecutive years that were compared.</summary>
    public ImmutableArray<(int Previous, int Current)> Pairs { get; }

    /// <summary>Every finding: cross-year identities (RC3001/RC3002) and the series' own (RC3003–RC3006).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>True when no finding is an error.</summary>
    public bool IsConsistent => !Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Checks a series of one agency's reports: sorted by year (any input order), every pair of consecutive years is
/// run through <see cref="CrossYearChecks"/>; gaps, duplicate years and reports without a year are reported.
/// </summary>
public static class ReportSeries
{
    /// <summary>Checks validated reports of one agency over several years.</summary>
    public static SeriesCheckResult Check(IEnumerable<IValidatedReport> reports)
    {
        if (reports is null)
        {
            throw new ArgumentNullException(nameof(reports));
        }

        return Run(reports.Select(r => (r.Info, YearValues.Of(r))));
    }

    /// <summary>Checks drafts of one agency over several years (only cells holding numbers take part).</summary>
    public static SeriesCheckResult Check(IEnumerable<IReportDraft> drafts)
    {
        if (drafts is null)
        {
            throw new ArgumentNullException(nameof(drafts));
        }

        return Run(drafts.Select(d => (d.Info, YearValues.Of(d))));
    }

    /// <summary>Groups validated reports by agency (ignoring white space) and checks each group as a series; reports without an agency or year get RC3005.</summary>
    public static ImmutableArray<SeriesCheckResult> CheckByAgency(IEnumerable<IValidatedReport> reports)
    {
        if (reports is null)
        {
            throw new ArgumentNullException(nameof(reports));
        }

        return ByAgency(reports.Select(r => (r.Info, YearValues.Of(r))));
    }

    /// <summary>Groups drafts by agency and checks each group as a series.</summary>
    public static ImmutableArray<SeriesCheckResult> CheckByAgency(IEnumerable<IReportDraft> drafts)
    {
        if (drafts is null)
        {
            throw new ArgumentNullException(nameof(drafts));
        }

        return ByAgency(drafts.Select(d => (d.Info, YearValues.Of(d))));
    }

    /// <summary>The agency name used for grouping: white space removed; null when empty.</summary>
    public static string? AgencyKey(string? agency)
    {
        if (agency is null)
        {
            return null;
        }

        string key = new(agency.Where(c => !char.IsWhiteSpace(c)).ToArray());
        return key.Length == 0 ? null : key;
    }

    /// <summary>
    /// True when two agency names denote the same agency: equal without white space, or one is the other with a
    /// higher-level place prefix (淮安市洪泽区人民政府 and 洪泽区人民政府) — the prefix ends in 省, 市, 州, 盟, 区, 县 or 旗
    /// and the shorter name holds a place of its own, so 人民政府 alone never matches.
    /// </summary>
    public static bool SameAgency(string? a, string? b)
    {
        string? x = AgencyKey(a), y = AgencyKey(b);
        if (x is null || y is null)
        {
            return false;
        }

        if (x == y)
        {
            return true;
        }

        (string shorter, string longer) = x.Length < y.Length ? (x, y) : (y, x);
        if (!longer.EndsWith(shorter, StringComparison.Ordinal) || shorter.IndexOfAny(PlaceSuffixes) < 0)
        {
            return false;
        }

        char last = longer[longer.Length - shorter.Length - 1];
        return Array.IndexOf(PlaceSuffixes, last) >= 0;
    }

    private static readonly char[] PlaceSuffixes = { '省', '市', '州', '盟', '区', '县', '旗' };

    private static ImmutableArray<SeriesCheckResult> ByAgency(IEnumerable<(ReportInfo Info, YearValues Values)> reports)
    {
        var groups = new Dictionary<string, List<(ReportInfo, YearValues)>>(StringComparer.Ordinal);
        var order = new List<string>();
        var unplaced = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach ((ReportInfo info, YearValues values) in reports)
        {
            string? key = AgencyKey(info.Agency);
            if (key is null)
            {
                unplaced.Add(NotPlaced(info, "agency"));
                continue;
            }

            string? existing = order.FirstOrDefault(k => SameAgency(k, key));
            if (existing is null || !groups.TryGetValue(existing, out var list))
            {
                groups[key] = list = new List<(ReportInfo, YearValues)>();
                order.Add(key);
            }

            list.Add((info, values));
        }

        var results = ImmutableArray.CreateBuilder<SeriesCheckResult>();
        foreach (string key in order.OrderBy(k => k, StringComparer.Ordinal))
        {
            results.Add(Run(groups[key]));
        }

        if (unplaced.Count > 0)
        {
            results.Add(new SeriesCheckResult(null, ImmutableArray<int>.Empty, ImmutableArray<int>.Empty, ImmutableArray<(int, int)>.Empty, unplaced.ToImmutable()));
        }

        return results.ToImmutable();
    }

    private static SeriesCheckResult Run(IEnumerable<(ReportInfo Info, YearValues Values)> reports)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var byYear = new SortedDictionary<int, List<YearValues>>();
        var agencies = new List<string>();
        string? agency = null;
        foreach ((ReportInfo info, YearValues values) in reports)
        {
            string? key = AgencyKey(info.Agency);
            if (key is not null && !agencies.Any(a => SameAgency(a, key)))
            {
                agencies.Add(key);
                agency ??= info.Agency;
            }

            if (info.Year is not int year)
            {
                diagnostics.Add(NotPlaced(info, "reporting year"));
                continue;
            }

            if (!byYear.TryGetValue(year, out var list))
            {
                byYear[year] = list = new List<YearValues>();
            }

            list.Add(values);
        }

        if (agencies.Count > 1)
        {
            diagnostics.Add(Diagnostic.Create(
                ReportDiagnostics.SeriesMixedAgencies, DiagnosticLocation.None, agencies.Count, string.Join("、", agencies)));
        }

        string name = agency ?? "(agency unknown)";
        foreach (KeyValuePair<int, List<YearValues>> pair in byYear.Where(p => p.Value.Count > 1))
        {
            diagnostics.Add(Diagnostic.Create(
                ReportDiagnostics.SeriesDuplicateYear,
                new DiagnosticLocation { Source = pair.Value[0].Info.Source },
                name,
                pair.Value.Count,
                pair.Key,
                string.Join(", ", pair.Value.Select(v => v.Info.Source ?? "?"))));
        }

        int[] years = byYear.Keys.ToArray();
        var missing = ImmutableArray.CreateBuilder<int>();
        var pairs = ImmutableArray.CreateBuilder<(int, int)>();
        for (int i = 1; i < years.Length; i++)
        {
            int previous = years[i - 1];
            int current = years[i];
            List<YearValues> before = byYear[previous];
            List<YearValues> after = byYear[current];
            if (current != previous + 1)
            {
                for (int y = previous + 1; y < current; y++)
                {
                    missing.Add(y);
                }

                string gap = current == previous + 2
                    ? (previous + 1).ToString(CultureInfo.InvariantCulture)
                    : (previous + 1).ToString(CultureInfo.InvariantCulture) + "–" + (current - 1).ToString(CultureInfo.InvariantCulture);
                diagnostics.Add(Diagnostic.Create(
                    ReportDiagnostics.SeriesGap,
                    new DiagnosticLocation { Source = after[0].Info.Source },
                    name,
                    gap,
                    CrossYearChecks.Describe(before[0].Info),
                    CrossYearChecks.Describe(after[0].Info)));
                continue;
            }

            if (before.Count > 1 || after.Count > 1)
            {
                continue;
            }

            pairs.Add((previous, current));
            diagnostics.AddRange(CrossYearChecks.Check(before[0], after[0], null));
        }

        return new SeriesCheckResult(agency, years.ToImmutableArray(), missing.ToImmutable(), pairs.ToImmutable(), diagnostics.ToImmutable());
    }

    private static Diagnostic NotPlaced(ReportInfo info, string what) => Diagnostic.Create(
        ReportDiagnostics.SeriesReportNotPlaced, new DiagnosticLocation { Source = info.Source }, CrossYearChecks.Describe(info), what);
}
