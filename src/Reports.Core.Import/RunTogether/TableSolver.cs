using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Reports.Core.Diagnostics;
using Reports.Core.Schema;

namespace Reports.Core.Import.RunTogether;

/// <summary>A row of a table read from one run of glued digits, and the schema cells it fills, left to right.</summary>
internal sealed record GluedRow(string RowName, string Text, IReadOnlyList<CellInfo> Cells);

/// <summary>How a glued row was resolved.</summary>
internal enum GluedOutcome
{
    /// <summary>Exactly one split is consistent with the identities: the cells are filled, flagged as inferred.</summary>
    Inferred,

    /// <summary>Several splits remain: the cells stay missing and the candidates are listed.</summary>
    Ambiguous,

    /// <summary>No split fits the cells and identities: the cells stay missing.</summary>
    Unsplittable,
}

/// <summary>The resolution of one glued row: the split taken (when inferred), the candidates, the identities used.</summary>
internal sealed record GluedResolution(GluedRow Row, GluedOutcome Outcome, RunSplit? Split, IReadOnlyList<RunSplit> Candidates, bool CandidatesComplete, string Identities);

/// <summary>
/// Solves the glued rows of one table together, as a constraint problem over every hard identity the schema
/// declares (row totals within a row; column sums and balances across rows, with the table's plainly read numbers as
/// constants). Each row's candidates come from <see cref="GluedDigits"/> under the identities within that row; a
/// bounded depth-first search with interval pruning then keeps the combinations under which every identity over the
/// table holds. A row whose split is the same in every surviving combination is inferred; otherwise it stays missing
/// and its candidates are listed.
/// </summary>
internal static class TableSolver
{
    /// <summary>Nodes the search over combinations may visit.</summary>
    public const int NodeBudget = 500_000;

    /// <summary>Combinations collected before the search stops (enough to see which rows they disagree on).</summary>
    public const int MaxSolutions = 64;

    public static List<GluedResolution> Solve(ReportSchema schema, IReadOnlyList<GluedRow> rows, IReadOnlyDictionary<int, long> known)
    {
        var owner = new Dictionary<int, (int Row, int Position)>();
        for (int r = 0; r < rows.Count; r++)
        {
            for (int p = 0; p < rows[r].Cells.Count; p++)
            {
                owner[rows[r].Cells[p].Ordinal] = (r, p);
            }
        }

        (List<IdentityInfo> hard, List<IdentityInfo> soft) = Kinds.GetValue(schema, Split);

        // Candidates per row under its own identities.
        var candidates = new List<RunSplit>[rows.Count];
        var complete = new bool[rows.Count];
        var local = new List<IdentityInfo>[rows.Count];
        // Per identity: the rows whose glued cells it reads, and whether it reads those cells alone (one row's own).
        var rowsOf = new Dictionary<IdentityInfo, List<int>>(ReferenceEqualityComparer.Instance);
        var ownRow = new Dictionary<IdentityInfo, int>(ReferenceEqualityComparer.Instance);
        foreach (IdentityInfo identity in hard)
        {
            var touched = new List<int>();
            bool allOwned = true;
            foreach (ImmutableArray<int> side in new[] { identity.Left, identity.Right })
            {
                foreach (int o in side)
                {
                    if (owner.TryGetValue(o, out var at))
                    {
                        if (!touched.Contains(at.Row))
                        {
                            touched.Add(at.Row);
                        }
                    }
                    else
                    {
                        allOwned = false;
                    }
                }
            }

            rowsOf[identity] = touched;
            ownRow[identity] = !allOwned ? -1 : touched.Count == 1 ? touched[0] : touched.Count == 0 ? AnyRow : -1;
        }

        // Each row's own identities, in the schema's order (those of no cell are every row's).
        for (int r = 0; r < rows.Count; r++)
        {
            local[r] = new List<IdentityInfo>();
        }

        foreach (IdentityInfo identity in hard)
        {
            int own = ownRow[identity];
            if (own == AnyRow)
            {
                Array.ForEach(local, l => l.Add(identity));
            }
            else if (own >= 0)
            {
                local[own].Add(identity);
            }
        }

        for (int r = 0; r < rows.Count; r++)
        {
            List<IdentityInfo> mine = local[r];
            candidates[r] = GluedDigits.Split(rows[r].Text, rows[r].Cells, parts => HoldAll(mine, parts, owner), out complete[r]);
        }

        // Identities across rows whose every cell is read plainly or glued into a row that has candidates.
        List<IdentityInfo> cross = hard
            .Where(i => !InAnyRow(ownRow[i], rows.Count))
            .Where(i => Any(i, owner.ContainsKey) && All(i, o => known.ContainsKey(o) || (owner.TryGetValue(o, out var at) && candidates[at.Row].Count > 0 && complete[at.Row])))
            .ToList();

        var order = Enumerable.Range(0, rows.Count).Where(r => candidates[r].Count > 0 && complete[r]).OrderBy(r => candidates[r].Count).ToArray();
        var chosen = new int[rows.Count];
        Array.Fill(chosen, -1);
        var solutions = new List<int[]>();
        int nodes = 0;
        bool stopped = false;
        var touching = new List<IdentityInfo>[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            int row = r;
            touching[r] = cross.Where(i => rowsOf[i].Contains(row)).ToList();
        }

        var spread = new (long[] Lo, long[] Hi)?[rows.Count];

        (long Lo, long Hi) Range(int ordinal)
        {
            if (known.TryGetValue(ordinal, out long v))
            {
                return (v, v);
            }

            (int row, int position) = owner[ordinal];
            if (chosen[row] >= 0)
            {
                long c = candidates[row][chosen[row]].Values[position];
                return (c, c);
            }

            // Over all of the row's candidates: the same for every node of the search, so found once.
            (long[] Lo, long[] Hi) bounds = spread[row] ??= Spread(candidates[row], rows[row].Cells.Count);
            return (bounds.Lo[position], bounds.Hi[position]);
        }

        bool Feasible(IdentityInfo identity)
        {
            long loL = 0, hiL = 0, loR = 0, hiR = 0;
            foreach (int o in identity.Left)
            {
                (long lo, long hi) = Range(o);
                loL += lo;
                hiL += hi;
            }

            foreach (int o in identity.Right)
            {
                (long lo, long hi) = Range(o);
                loR += lo;
                hiR += hi;
            }

            return loL <= hiR && loR <= hiL;
        }

        void Search(int depth)
        {
            if (stopped || ++nodes > NodeBudget)
            {
                stopped = true;
                return;
            }

            if (depth == order.Length)
            {
                solutions.Add((int[])chosen.Clone());
                stopped = solutions.Count >= MaxSolutions;
                return;
            }

            int r = order[depth];
            for (int c = 0; c < candidates[r].Count && !stopped; c++)
            {
                chosen[r] = c;
                if (touching[r].All(Feasible))
                {
                    Search(depth + 1);
                }
            }

            chosen[r] = -1;
        }

        if (cross.Count > 0 && order.Length > 0)
        {
            Search(0);
        }

        bool searched = cross.Count > 0 && order.Length > 0 && !stopped && solutions.Count > 0;
        var results = new List<GluedResolution>(rows.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            GluedRow row = rows[r];
            IEnumerable<string> names = local[r].Select(i => i.Id);
            if (candidates[r].Count == 0)
            {
                results.Add(new GluedResolution(row, GluedOutcome.Unsplittable, null, candidates[r], complete[r], Names(names)));
                continue;
            }

            List<RunSplit> remaining = candidates[r];
            if (searched && touching[r].Count > 0)
            {
                remaining = solutions.Select(s => s[r]).Distinct().Select(c => candidates[r][c]).ToList();
                names = names.Concat(touching[r].Select(i => i.Id));
            }

            if (remaining.Count > 1 && complete[r] && (remaining != candidates[r] || !stopped || !searched))
            {
                int here = r;
                List<IdentityInfo> mineSoft = soft
                    .Where(i => Any(i, o => owner.TryGetValue(o, out var at) && at.Row == here) && All(i, o => known.ContainsKey(o) || (owner.TryGetValue(o, out var at) && at.Row == here)))
                    .ToList();
                List<RunSplit> plausible = remaining.Where(split => mineSoft.All(i => Holds(i, o => known.TryGetValue(o, out long v) ? v : split.Values[owner[o].Position]))).ToList();
                if (plausible.Count > 0 && plausible.Count < remaining.Count)
                {
                    remaining = plausible;
                    names = names.Concat(mineSoft.Select(i => i.Id));
                }
            }

            bool unique = remaining.Count == 1 && (complete[r] || remaining != candidates[r]);
            results.Add(unique
                ? new GluedResolution(row, GluedOutcome.Inferred, remaining[0], remaining, true, Names(names))
                : new GluedResolution(row, GluedOutcome.Ambiguous, null, remaining, complete[r] && (remaining != candidates[r] || !stopped), Names(names)));
        }

        return results;
    }

    // Per schema: the hard identities (equalities at error level), and the others: inequalities and warnings may fail
    // in a true report, so they never rule a split out; they only choose among the splits the hard ones leave.
    private static readonly ConditionalWeakTable<ReportSchema, Tuple<List<IdentityInfo>, List<IdentityInfo>>> Kinds = new();

    private static Tuple<List<IdentityInfo>, List<IdentityInfo>> Split(ReportSchema schema)
    {
        var hard = new List<IdentityInfo>();
        var soft = new List<IdentityInfo>();
        foreach (IdentityInfo identity in schema.Identities)
        {
            (identity.Relation == IdentityRelation.Equal && identity.Severity == DiagnosticSeverity.Error ? hard : soft).Add(identity);
        }

        return Tuple.Create(hard, soft);
    }

    // Per cell of a row: the least and the most it holds over the row's candidate splits.
    private static (long[] Lo, long[] Hi) Spread(List<RunSplit> candidates, int cells)
    {
        var lo = new long[cells];
        var hi = new long[cells];
        Array.Fill(lo, long.MaxValue);
        Array.Fill(hi, long.MinValue);
        foreach (RunSplit split in candidates)
        {
            for (int p = 0; p < cells && p < split.Values.Length; p++)
            {
                lo[p] = Math.Min(lo[p], split.Values[p]);
                hi[p] = Math.Max(hi[p], split.Values[p]);
            }
        }

        return (lo, hi);
    }

    // Whether some row's own identities (local) hold the identity whose own row is `own`.
    private static bool InAnyRow(int own, int rows) => own >= 0 || (own == AnyRow && rows > 0);

    private static string Names(IEnumerable<string> ids)
    {
        string joined = string.Join(", ", ids.Distinct());
        return joined.Length == 0 ? "no identity" : joined;
    }

    // An identity with no cell holds in every row's reading (All over nothing): it belongs to each.
    private const int AnyRow = -2;

    // Every identity holds over a row's split: each cell its value in the split.
    private static bool HoldAll(List<IdentityInfo> identities, long[] parts, Dictionary<int, (int Row, int Position)> owner)
    {
        foreach (IdentityInfo identity in identities)
        {
            long left = 0, right = 0;
            foreach (int o in identity.Left)
            {
                left += parts[owner[o].Position];
            }

            foreach (int o in identity.Right)
            {
                right += parts[owner[o].Position];
            }

            if (!Compare(identity.Relation, left, right))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Compare(IdentityRelation relation, long left, long right) => relation switch
    {
        IdentityRelation.LessOrEqual => left <= right,
        IdentityRelation.GreaterOrEqual => left >= right,
        _ => left == right,
    };

    private static bool Holds(IdentityInfo identity, Func<int, long> value)
    {
        long left = 0, right = 0;
        foreach (int o in identity.Left)
        {
            left += value(o);
        }

        foreach (int o in identity.Right)
        {
            right += value(o);
        }

        return identity.Relation switch
        {
            IdentityRelation.LessOrEqual => left <= right,
            IdentityRelation.GreaterOrEqual => left >= right,
            _ => left == right,
        };
    }

    private static bool All(IdentityInfo identity, Func<int, bool> test)
    {
        foreach (int o in identity.Left)
        {
            if (!test(o))
            {
                return false;
            }
        }

        foreach (int o in identity.Right)
        {
            if (!test(o))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Any(IdentityInfo identity, Func<int, bool> test)
    {
        foreach (int o in identity.Left)
        {
            if (test(o))
            {
                return true;
            }
        }

        foreach (int o in identity.Right)
        {
            if (test(o))
            {
                return true;
            }
        }

        return false;
    }
}
