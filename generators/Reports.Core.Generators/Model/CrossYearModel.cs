namespace Reports.Core.Generators.Model;

/// <summary>
/// One cross-year identity of a schema (spec §9.2): the current report's <see cref="Left"/> equals the signed sum of
/// <see cref="Right"/> over the reports of years Y − 1 and Y. Keys are patterns with at most one <c>*</c>.
/// </summary>
internal sealed record CrossYearModel(
    string Id,
    string Title,
    bool IsError,
    string Left,
    EquatableArray<CrossYearTermModel> Right);

/// <summary>One term of a cross-year identity: a key pattern read in the previous or the current report, with a sign.</summary>
internal sealed record CrossYearTermModel(bool IsPrevious, string Pattern, bool IsNegative);
