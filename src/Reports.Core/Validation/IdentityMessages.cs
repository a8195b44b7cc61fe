using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Infrastructure;
using Reports.Core.Schema;

namespace Reports.Core.Validation;

/// <summary>Builds the message of an identity finding from the official labels of the cells involved.</summary>
internal static class IdentityMessages
{
    // The labels of an identity instance do not depend on the values: built once per instance, on first failure.
    private static readonly ConditionalWeakTable<IdentityInfo, Parts> Cache = new();

    /// <summary>
    /// Whether the labels are cached per identity (the default; only a failed identity builds them, so a valid report
    /// allocates nothing either way). Mutation testing turns it off: Stryker runs many mutants in one test host, and
    /// labels cached before a mutant is switched on would hide it. The core test assembly clears it in a module
    /// initializer (<c>tests/Reports.Core.Tests/Support/MutationTestingSwitches.cs</c>); one test compares both paths.
    /// </summary>
    // Stryker disable once Boolean : with the cache off every message is built afresh, the same text; only time differs.
    internal static bool CacheLabels { get; set; } = true;

    public static Diagnostic Create(ReportSchema schema, IdentityInfo identity, IdentityFinding finding, string? source, Reports.ReportCells? cells) =>
        Create(schema, identity, finding, source, cells, CacheLabels);

    internal static Diagnostic Create(ReportSchema schema, IdentityInfo identity, IdentityFinding finding, string? source, Reports.ReportCells? cells, bool cached)
    {
        // Stryker disable once Conditional : cached and fresh labels are the same text (Cached_labels_give_the_same_messages_as_labels_built_afresh); only time differs.
        Parts parts = cached ? Cache.GetValue(identity, i => Parts.Build(schema, i)) : Parts.Build(schema, identity);
        byte scale = schema.Cells[parts.Anchor].Scale;
        string reported = Cell.FormatScaled(finding.Left, scale);
        string computed = Cell.FormatScaled(finding.Right, scale);
        DiagnosticLocation location = DiagnosticLocation.ForCell(schema.Cells[parts.Anchor], SourceSpans.Near(cells, parts.Anchor, identity.Right), source);
        if (identity.Severity == DiagnosticSeverity.Error)
        {
            return Diagnostic.CreateDeferred(
                ReportDiagnostics.IdentityViolated, identity.Severity, location, identity.Name, parts.Keys, reported, computed,
                () => new object?[] { identity.Name, identity.Title, identity.ScopeLabel, parts.Left, reported, parts.Right, computed });
        }

        string relation = identity.Relation switch
        {
            IdentityRelation.LessOrEqual => "≤",
            IdentityRelation.GreaterOrEqual => "≥",
            _ => "=",
        };
        return Diagnostic.CreateDeferred(
            ReportDiagnostics.SoftCheckFailed, identity.Severity, location, identity.Name, parts.Keys, reported, computed,
            () => new object?[] { identity.Name, identity.Title, identity.ScopeLabel, parts.Left, reported, relation, parts.Right, computed });
    }

    private sealed class Parts
    {
        private Parts(int anchor, string left, string right, ImmutableArray<string> keys)
        {
            Anchor = anchor;
            Left = left;
            Right = right;
            Keys = keys;
        }

        public int Anchor { get; }

        public string Left { get; }

        public string Right { get; }

        public ImmutableArray<string> Keys { get; }

        public static Parts Build(ReportSchema schema, IdentityInfo identity)
        {
            int[] all = identity.Left.Concat(identity.Right).ToArray();
            string[] labels = ShortLabels(schema, all);
            string left = Join(labels, 0, identity.Left.Length);
            string right = GroupedParts(schema, identity.Right, labels.Skip(identity.Left.Length).ToArray()) ?? Join(labels, identity.Left.Length, identity.Right.Length);
            int anchor = identity.Left.IsEmpty ? identity.Right[0] : identity.Left[0];
            return new Parts(anchor, left, right, all.Select(o => schema.Cells[o].Key).ToImmutableArray());
        }
    }

    private static string Join(string[] labels, int start, int count) =>
        count == 0 ? "0" : string.Join(" + ", labels.Skip(start).Take(count));

    // When the parts lie in one column and cover whole row groups (（三）不予公开 and its eight rows), name the group
    // once instead of every row: "（一）予以公开 + … + （三）不予公开 + …" reads like the template.
    private static string? GroupedParts(ReportSchema schema, ImmutableArray<int> parts, string[] shortLabels)
    {
        if (parts.Length < 5 || parts.Select(p => schema.Cells[p].ColumnKey).Distinct().Count() != 1)
        {
            return null;
        }

        TableInfo? table = schema.FindTable(schema.Cells[parts[0]].TableKey);
        if (table is null)
        {
            return null;
        }

        var rowKeys = new HashSet<string>(parts.Select(p => schema.Cells[p].RowKey));
        var labelByRow = parts.Select((p, i) => (schema.Cells[p].RowKey, shortLabels[i])).ToDictionary(x => x.RowKey, x => x.Item2);
        var terms = new List<string>();
        void Walk(RowInfo row)
        {
            if (row.IsData)
            {
                if (rowKeys.Contains(row.Key))
                {
                    terms.Add(labelByRow[row.Key]);
                }

                return;
            }

            List<string> members = DataRows(row).ToList();
            if (row.Key.Length > 0 && members.Count > 1 && members.All(rowKeys.Contains))
            {
                terms.Add(row.Label);
                return;
            }

            foreach (RowInfo child in row.Children)
            {
                Walk(child);
            }
        }

        foreach (RowInfo row in table.Rows)
        {
            Walk(row);
        }

        return terms.Count < parts.Length ? string.Join(" + ", terms) : null;
    }

    private static IEnumerable<string> DataRows(RowInfo row) =>
        row.IsData ? new[] { row.Key } : row.Children.SelectMany(DataRows);

    // The labels that tell the cells apart: the label paths without their common head and tail.
    private static string[] ShortLabels(ReportSchema schema, int[] ordinals)
    {
        List<ImmutableArray<string>> paths = ordinals.Select(o => schema.Cells[o].LabelPath).ToList();
        int head = 0;
        while (paths.All(p => p.Length > head + 1) && paths.All(p => p[head] == paths[0][head]))
        {
            head++;
        }

        int tail = 0;
        while (paths.All(p => p.Length > head + tail + 1) && paths.All(p => p[p.Length - 1 - tail] == paths[0][paths[0].Length - 1 - tail]))
        {
            tail++;
        }

        return paths.Select(p => string.Join(" › ", p.Skip(head).Take(p.Length - head - tail))).ToArray();
    }
}
