using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Reports.Core.Cells;
using Reports.Core.Schema;

namespace Reports.Core.Synthetic;

/// <summary>
/// Random but consistent report values, for any schema, derived from its declared identities alone: part cells are
/// drawn at random, totals derived from their parts (the schema's derivation order), and every stated equation that
/// is not a summation (such as H3, <c>new + carried_in = r.total + carried_out</c>) is then made to hold by raising a
/// part on the side that falls short. Raising only ever adds, so counts stay non-negative.
/// </summary>
public static class SyntheticValues
{
    // Passes of "derive, then balance the equations": one suffices when no part takes part in two equations.
    private const int MaxPasses = 8;

    private static readonly ConditionalWeakTable<ReportSchema, Plan> Plans = new();

    /// <summary>
    /// Draws every part of a report of <paramref name="schema"/> from <paramref name="random"/> and passes it to
    /// <paramref name="set"/> (cell key, amount). Totals are left to the caller (a builder derives them).
    /// </summary>
    public static void FillParts(ReportSchema schema, Random random, Action<string, decimal> set)
    {
        if (schema is null)
        {
            throw new ArgumentNullException(nameof(schema));
        }

        if (random is null)
        {
            throw new ArgumentNullException(nameof(random));
        }

        if (set is null)
        {
            throw new ArgumentNullException(nameof(set));
        }

        var values = new long[schema.CellCount];
        Plan plan = PlanFor(schema);
        Draw(plan, random, values);
        Balance(plan, random, values, softChecks: false);
        foreach (int ordinal in plan.Parts)
        {
            CellInfo cell = schema.Cells[ordinal];
            set(cell.Key, Money.FromScaled(values[ordinal], cell.Scale));
        }
    }

    /// <summary>
    /// The values (scaled, in ordinal order) of a clean report of <paramref name="schema"/>: parts drawn, equations balanced,
    /// soft checks (S1–S3) made to hold by raising a part on the side that falls short, totals derived. Validating them
    /// yields no finding except, possibly, the year.
    /// </summary>
    public static long[] Create(ReportSchema schema, Random random)
    {
        if (schema is null)
        {
            throw new ArgumentNullException(nameof(schema));
        }

        if (random is null)
        {
            throw new ArgumentNullException(nameof(random));
        }

        var values = new long[schema.CellCount];
        Plan plan = PlanFor(schema);
        Draw(plan, random, values);
        Balance(plan, random, values, softChecks: true);
        return values;
    }

    /// <summary>Sets every derived total of <paramref name="values"/> to the sum of its parts, in derivation order.</summary>
    public static void Derive(ReportSchema schema, long[] values)
    {
        if (schema is null)
        {
            throw new ArgumentNullException(nameof(schema));
        }

        if (values is null || values.Length != schema.CellCount)
        {
            throw new ArgumentException("One value per cell is required.", nameof(values));
        }

        foreach (int index in schema.DerivationOrder)
        {
            IdentityInfo identity = schema.Identities[index];
            long sum = 0;
            foreach (int part in identity.Right)
            {
                sum += values[part];
            }

            values[identity.Left[0]] = sum;
        }
    }

    internal static Plan PlanFor(ReportSchema schema) => Plans.GetValue(schema, static s => new Plan(s));

    private static void Draw(Plan plan, Random random, long[] values)
    {
        foreach (int ordinal in plan.Parts)
        {
            CellInfo cell = plan.Schema.Cells[ordinal];
            values[ordinal] = cell.Kind switch
            {
                ValueKind.Delta => random.Next(-500, 500),
                ValueKind.Money => Scale(random.Next(0, 10_000_000), cell.Scale),
                _ => Sparse(random, plan.InEquation[ordinal] ? 60 : 1000),
            };
        }
    }

    // Derive totals, then raise a part on the short side of every equation (and, when asked, every soft check) that
    // fails; repeat until a pass changes nothing, then derive once more.
    private static void Balance(Plan plan, Random random, long[] values, bool softChecks)
    {
        ReportSchema schema = plan.Schema;
        for (int pass = 0; pass < MaxPasses; pass++)
        {
            Derive(schema, values);
            bool changed = false;
            foreach (IdentityInfo identity in schema.Identities)
            {
                if (identity.IsSummation && identity.Severity == Diagnostics.DiagnosticSeverity.Error)
                {
                    continue; // holds once derived
                }

                if (identity.Relation != IdentityRelation.Equal && !softChecks)
                {
                    continue;
                }

                long left = Sum(values, identity.Left);
                long right = Sum(values, identity.Right);
                long leftShortBy = identity.Relation switch
                {
                    IdentityRelation.LessOrEqual => 0,
                    _ => right - left,
                };
                long rightShortBy = identity.Relation switch
                {
                    IdentityRelation.GreaterOrEqual => 0,
                    _ => left - right,
                };

                if (leftShortBy > 0)
                {
                    changed |= Raise(schema, random, values, identity.Left, leftShortBy);
                }
                else if (rightShortBy > 0)
                {
                    changed |= Raise(schema, random, values, identity.Right, rightShortBy);
                }
            }

            if (!changed)
            {
                return;
            }
        }

        Derive(schema, values);
    }

    // Adds the shortfall to one part (never a derived total) of the side, picked at random; false when the side has none.
    private static bool Raise(ReportSchema schema, Random random, long[] values, System.Collections.Immutable.ImmutableArray<int> side, long by)
    {
        int parts = 0;
        foreach (int o in side)
        {
            parts += schema.Cells[o].IsDerived ? 0 : 1;
        }

        if (parts == 0)
        {
            return false;
        }

        int pick = random.Next(parts);
        foreach (int o in side)
        {
            if (!schema.Cells[o].IsDerived && pick-- == 0)
            {
                values[o] += by;
                return true;
            }
        }

        return false;
    }

    private static long Sum(long[] values, System.Collections.Immutable.ImmutableArray<int> ordinals)
    {
        long sum = 0;
        foreach (int o in ordinals)
        {
            sum += values[o];
        }

        return sum;
    }

    // Amounts are drawn in hundredths (0.01 万元).
    private static long Scale(long hundredths, int scale)
    {
        for (int s = 2; s < scale; s++)
        {
            hundredths *= 10;
        }

        for (int s = 2; s > scale; s--)
        {
            hundredths /= 10;
        }

        return hundredths;
    }

    // Most real cells are 0: keep zeros frequent so blank-versus-zero paths are exercised.
    private static int Sparse(Random random, int max) => random.Next(3) == 0 ? 0 : random.Next(0, max);

    /// <summary>Which ordinals are drawn how, computed once per schema from its identities.</summary>
    internal sealed class Plan
    {
        public Plan(ReportSchema schema)
        {
            Schema = schema;
            Parts = schema.Cells.Where(c => !c.IsDerived).Select(c => c.Ordinal).ToArray();
            CountParts = schema.Cells.Where(c => !c.IsDerived && c.Kind == ValueKind.Count).Select(c => c.Ordinal).ToArray();
            Summations = schema.Identities.Where(i => i.IsSummation && i.Severity == Diagnostics.DiagnosticSeverity.Error).Select(i => i.Index).ToArray();

            // Parts of a table with a stated equation (H3) are drawn small: raising one side keeps the numbers plausible.
            var equationTables = new HashSet<string>(
                schema.Identities.Where(i => !i.IsSummation && i.Relation == IdentityRelation.Equal).Select(i => i.TableKey), StringComparer.Ordinal);
            InEquation = schema.Cells.Select(c => equationTables.Contains(c.TableKey)).ToArray();
        }

        public ReportSchema Schema { get; }

        /// <summary>Every part (non-derived) cell, in ordinal order.</summary>
        public int[] Parts { get; }

        /// <summary>Every part cell of kind count.</summary>
        public int[] CountParts { get; }

        /// <summary>Hard summation identities (a total and its parts).</summary>
        public int[] Summations { get; }

        /// <summary>Per ordinal: the cell lies in a table with a stated equation.</summary>
        public bool[] InEquation { get; }
    }
}
