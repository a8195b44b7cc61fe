using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Reports.Core.Editions;
using Reports.Core.Reports;

namespace Reports.Cli;

/// <summary>The editions this build knows, by id.</summary>
internal static class KnownEditions
{
    public static ImmutableArray<ReportEdition> All { get; } = ImmutableArray.Create(Report2019.Edition, Report2021.Edition);

    public static string Ids => string.Join(" or ", All.Select(e => e.Id));

    public static ReportEdition? Find(string? id) =>
        id is null ? null : All.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    public static IReadOnlyDictionary<string, string> Empty { get; } = ImmutableSortedDictionary<string, string>.Empty;
}
