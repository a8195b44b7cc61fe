using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Reports.Core.Diagnostics;
using Reports.Core.Schema;

namespace Reports.Cli.Output;

/// <summary>What is shown of a report's findings: filtered by severity, errors first, grouped by table, repeated kinds folded.</summary>
internal sealed class OutputOptions
{
    public static OutputOptions Default { get; } = new();

    /// <summary>Findings below this severity are left out of the listing (they are still counted).</summary>
    public DiagnosticSeverity MinSeverity { get; init; } = DiagnosticSeverity.Info;

    /// <summary>List every finding on its own line, with full labels.</summary>
    public bool Verbose { get; init; }

    /// <summary>ANSI colour in the text output.</summary>
    public bool Color { get; init; }

    /// <summary>Base of every rule's <c>helpUri</c> (SARIF): the diagnostics page; <c>#id</c> is appended.</summary>
    public string HelpUriBase { get; init; } = Repository.DiagnosticsPage;

    /// <summary>Fewest findings of one kind in one table that fold into one line.</summary>
    public int FoldThreshold { get; init; } = 2;
}

/// <summary>One line of a report's findings: a single finding, or several of one kind in one table folded together.</summary>
internal sealed class FindingItem
{
    public FindingItem(IReadOnlyList<Diagnostic> members, bool accepted, string? summary)
    {
        Members = members;
        Accepted = accepted;
        Summary = summary;
    }

    public Diagnostic First => Members[0];

    public IReadOnlyList<Diagnostic> Members { get; }

    /// <summary>True when the finding(s) are accepted in the baseline.</summary>
    public bool Accepted { get; }

    /// <summary>For a folded item: "t3: 38 × blank cell counted as 0 — rows 一…四, columns 商业企业…其他 (lines 167–240)".</summary>
    public string? Summary { get; }

    public bool IsFolded => Summary is not null;
}

internal static class FindingGroups
{
    /// <summary>The findings of <paramref name="report"/> to list: errors first, then warnings, then info, each by table in template order; accepted ones last.</summary>
    public static List<FindingItem> Items(CheckedReport report, OutputOptions options)
    {
        SchemaIndex? index = (report.Draft?.Edition.Schema ?? report.Schema) is { } schema ? SchemaIndex.For(schema) : null;
        var shown = report.Diagnostics
            .Select((d, i) => (d, i))
            .Where(p => p.d.Severity >= options.MinSeverity)
            .OrderBy(p => report.IsAccepted(p.d) ? 1 : 0)
            .ThenByDescending(p => p.d.Severity)
            .ThenBy(p => TableOrder(index, p.d.Location.TableKey))
            .ThenBy(p => p.i)
            .Select(p => p.d)
            .ToList();

        var items = new List<FindingItem>();
        if (options.Verbose)
        {
            items.AddRange(shown.Select(d => new FindingItem(new[] { d }, report.IsAccepted(d), null)));
            return items;
        }

        // Fold runs of one kind (severity, id, table, accepted or not); errors are never folded; info folds across tables.
        static string TableOf(Diagnostic d) => d.Severity == DiagnosticSeverity.Info ? "*" : d.Location.TableKey ?? string.Empty;
        var groups = shown
            .GroupBy(d => (d.Severity, d.Id, Table: TableOf(d), Accepted: report.IsAccepted(d)))
            .ToDictionary(g => g.Key, g => g.ToList());
        var done = new HashSet<(DiagnosticSeverity, string, string, bool)>();
        foreach (Diagnostic d in shown)
        {
            var key = (d.Severity, d.Id, TableOf(d), report.IsAccepted(d));
            List<Diagnostic> group = groups[key];
            if (d.Severity == DiagnosticSeverity.Error || group.Count < options.FoldThreshold)
            {
                items.Add(new FindingItem(new[] { d }, key.Item4, null));
                continue;
            }

            if (done.Add(key))
            {
                items.Add(new FindingItem(group, key.Item4, Summarize(group, index)));
            }
        }

        return items;
    }

    private static int TableOrder(SchemaIndex? index, string? tableKey)
    {
        if (tableKey is null)
        {
            return -1;
        }

        if (index is not null)
        {
            for (int t = 0; t < index.Schema.Tables.Length; t++)
            {
                if (index.Schema.Tables[t].Key == tableKey)
                {
                    return t;
                }
            }
        }

        return 1000 + Math.Abs(StringComparer.Ordinal.GetHashCode(tableKey) % 1000);
    }

    /// <summary>"t3: 38 × blank cell counted as 0 — rows 一…四, columns 商业企业…其他 (lines 167–240)".</summary>
    public static string Summarize(IReadOnlyList<Diagnostic> group, SchemaIndex? index)
    {
        Diagnostic first = group[0];
        string title = first.Descriptor.Title;
        title = title.Length > 1 && char.IsUpper(title[0]) && !char.IsUpper(title[1]) ? char.ToLowerInvariant(title[0]) + title.Substring(1) : title;
        string[] tables = group.Select(d => d.Location.TableKey).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        string head = (tables.Length == 1 && group.All(d => d.Location.TableKey is not null) ? tables[0] + ": " : string.Empty)
            + group.Count.ToString(CultureInfo.InvariantCulture) + " × " + title
            + (tables.Length > 1 ? " (tables " + string.Join(", ", tables) + ")" : string.Empty);

        var rows = new List<(string Name, int Order)>();
        var columns = new List<(string Name, int Order)>();
        foreach (Diagnostic d in tables.Length > 1 ? Array.Empty<Diagnostic>() : group)
        {
            CellPlace? place = index?.Find(d.Location.CellKey);
            if (place is not null)
            {
                rows.Add((place.RowName, place.RowOrder));
                columns.Add((place.ColumnName, place.ColumnOrder));
            }
            else if (index?.FindRow(d.Location.TableKey, d.Location.RowKey) is { } row)
            {
                rows.Add(row);
            }
        }

        var where = new List<string>();
        if (rows.Count > 0)
        {
            where.Add("rows " + Range(rows));
        }

        if (columns.Count > 0)
        {
            where.Add("columns " + Range(columns));
        }

        int[] lines = group.Where(d => d.Location.Span.IsKnown).Select(d => d.Location.Span.Line).OrderBy(l => l).ToArray();
        string lineText = lines.Length == 0 ? string.Empty
            : " (" + (lines[0] == lines[^1] ? "line " + lines[0].ToString(CultureInfo.InvariantCulture)
                : "lines " + lines[0].ToString(CultureInfo.InvariantCulture) + "–" + lines[^1].ToString(CultureInfo.InvariantCulture)) + ")";
        return head + (where.Count == 0 ? string.Empty : " — " + string.Join(", ", where)) + lineText;
    }

    /// <summary>Names in template order: all of them when few, else the first and the last.</summary>
    private static string Range(List<(string Name, int Order)> names)
    {
        string[] distinct = names.OrderBy(n => n.Order).Select(n => n.Name).Distinct(StringComparer.Ordinal).ToArray();
        return distinct.Length <= 3 ? string.Join(", ", distinct) : distinct[0] + "…" + distinct[^1];
    }
}

/// <summary>The project's public home, as declared in the build (RepositoryUrl).</summary>
internal static class Repository
{
    public static string Url { get; } =
        typeof(Repository).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value?.TrimEnd('/')
        ?? "https://github.com/reports-core/reports-core";

    /// <summary>The diagnostics page on the repository's default branch.</summary>
    public static string DiagnosticsPage => Url + "/blob/main/docs/diagnostics.md";
}
