using System;
using System.Collections.Immutable;
using System.Linq;
using Reports.Core.Diagnostics;

namespace Reports.Core.CrossReport;

/// <summary>Which of two consecutive reports a term of a cross-year identity reads.</summary>
public enum ReportYear : byte
{
    /// <summary>The report of year Y.</summary>
    Current = 0,

    /// <summary>The same agency's report of year Y − 1.</summary>
    Previous = 1,
}

/// <summary>
/// One term of a cross-year identity: a cell key pattern in one of the two reports, with a sign. The pattern holds
/// at most one <c>*</c>, which stands for one or more key characters (a column key, a row key path) and is bound
/// by the left side of the identity, e.g. <c>t3.carried_out.*</c>.
/// </summary>
/// <param name="Year">Which report the term reads.</param>
/// <param name="KeyPattern">The cell key, with <c>*</c> where the left side binds a key part.</param>
/// <param name="Sign">+1 or −1.</param>
public readonly record struct CrossYearTerm(ReportYear Year, string KeyPattern, int Sign = 1)
{
    /// <summary>The key with <c>*</c> replaced by <paramref name="binding"/>.</summary>
    public string Bind(string binding) => KeyPattern.Replace("*", binding, StringComparison.Ordinal);

    /// <summary>True when <paramref name="key"/> matches the pattern; <paramref name="binding"/> receives what <c>*</c> stands for.</summary>
    public bool TryMatch(string key, out string binding)
    {
        binding = string.Empty;
        int star = KeyPattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return key == KeyPattern;
        }

        string prefix = KeyPattern.Substring(0, star);
        string suffix = KeyPattern.Substring(star + 1);
        if (key.Length <= prefix.Length + suffix.Length
            || !key.StartsWith(prefix, StringComparison.Ordinal)
            || !key.EndsWith(suffix, StringComparison.Ordinal))
        {
            return false;
        }

        binding = key.Substring(prefix.Length, key.Length - prefix.Length - suffix.Length);
        return true;
    }
}

/// <summary>
/// A cross-year identity as data (spec §9.2): Σ <see cref="Right"/> over the reports of years Y − 1 and Y must equal
/// the cell <see cref="Left"/> of year Y. It applies to every key the left pattern matches in the current report's
/// schema for which every term's cell exists in its report's schema, so an identity written with keys shared by
/// both editions also checks across the 2020 → 2021 edition change, and one whose keys exist in one edition only
/// applies to that edition alone.
/// </summary>
/// <param name="Id">Stable id (X1, X2, X3).</param>
/// <param name="Title">The identity in words.</param>
/// <param name="Severity">Error for hard identities (RC3001), warning for soft checks (RC3002).</param>
/// <param name="Left">The cell of the current report that is checked.</param>
/// <param name="Right">The terms it must equal.</param>
public sealed record CrossYearLink(string Id, string Title, DiagnosticSeverity Severity, CrossYearTerm Left, ImmutableArray<CrossYearTerm> Right)
{
    /// <summary>A carry-over link: this year's <paramref name="currentPattern"/> equals last year's <paramref name="previousPattern"/>.</summary>
    public static CrossYearLink CarryOver(string id, string title, string currentPattern, string previousPattern, DiagnosticSeverity severity) =>
        new(id, title, severity, new CrossYearTerm(ReportYear.Current, currentPattern), ImmutableArray.Create(new CrossYearTerm(ReportYear.Previous, previousPattern)));

    /// <summary>The identity as a formula, e.g. <c>X1: t3.carried_in.*(Y) = t3.carried_out.*(Y−1)</c>.</summary>
    public override string ToString() =>
        Id + ": " + Term(Left) + " = " + string.Join(" ", Right.Select((t, i) => (i == 0 ? (t.Sign < 0 ? "−" : string.Empty) : (t.Sign < 0 ? "− " : "+ ")) + Term(t)));

    private static string Term(CrossYearTerm term) => term.KeyPattern + (term.Year == ReportYear.Current ? "(Y)" : "(Y−1)");
}
