using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Reports.Core.Cells;
using Reports.Core.Schema;

namespace Reports.Core.Synthetic;

/// <summary>
/// Random but consistent report values. Part cells are random; Table 3 is filled as a flow of applications —
/// each one arrives new or carried in, and leaves through exactly one outcome or is carried over — so the
/// data satisfies the identities by construction, not by restating them. Totals are then derived from their
/// parts in the schema's derivation order.
/// </summary>
public static class SyntheticValues
{
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
        FillParts(plan, random, values);
        foreach (int ordinal in plan.Order)
        {
            CellInfo cell = schema.Cells[ordinal];
            set(cell.Key, Money.FromScaled(values[ordinal], cell.Scale));
        }
    }

    /// <summary>
    /// The values (scaled, in ordinal order) of a clean report of <paramref name="schema"/>: parts drawn, soft checks
    /// (S1–S3) made to hold by raising a part on the side that falls short, totals derived. Validating them yields no finding
    /// except, possibly, the year.
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
        FillParts(PlanFor(schema), random, values);
        MeetSoftChecks(schema, values);
        Derive(schema, values);
        return values;
    }

    // A soft check that fails gets its short side raised by the difference (on a part cell, never a total).
    private static void MeetSoftChecks(ReportSchema schema, long[] values)
    {
        foreach (IdentityInfo identity in schema.Identities)
        {
            if (identity.Relation == IdentityRelation.Equal)
            {
                continue;
            }

            long left = 0, right = 0;
            foreach (int o in identity.Left)
            {
                left += values[o];
            }

            foreach (int o in identity.Right)
            {
                right += values[o];
            }

            long shortBy = identity.Relation == IdentityRelation.LessOrEqual ? left - right : right - left;
            if (shortBy <= 0)
            {
                continue;
            }

            foreach (int o in identity.Relation == IdentityRelation.LessOrEqual ? identity.Right : identity.Left)
            {
                if (!schema.Cells[o].IsDerived)
                {
                    values[o] += shortBy;
                    break;
                }
            }
        }
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

    private static void FillParts(Plan plan, Random random, long[] values)
    {
        foreach (int ordinal in plan.Free)
        {
            CellInfo cell = plan.Schema.Cells[ordinal];
            values[ordinal] = cell.Kind switch
            {
                ValueKind.Delta => random.Next(-500, 500),
                ValueKind.Money => Scale(random.Next(0, 10_000_000), cell.Scale),
                _ => Sparse(random, 1000),
            };
        }

        foreach (Plan.Column column in plan.Columns)
        {
            long fates = 0;
            foreach (int ordinal in column.Fates)
            {
                int n = Sparse(random, 60);
                fates += n;
                values[ordinal] = n;
            }

            long carriedIn = random.Next(0, (int)fates + 1);
            values[column.CarriedIn] = carriedIn;
            values[column.New] = fates - carriedIn;
        }
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

    /// <summary>Which ordinals are drawn how, computed once per schema.</summary>
    internal sealed class Plan
    {
        public Plan(ReportSchema schema)
        {
            Schema = schema;
            Free = schema.Cells.Where(c => !c.IsDerived && c.TableKey != "t3").Select(c => c.Ordinal).ToArray();
            string[] columns = schema.Cells.Where(c => c.TableKey == "t3" && c.RowKey == "new" && !c.IsDerived).Select(c => c.ColumnKey).ToArray();
            string[] outcomes = schema.Cells
                .Where(c => c.TableKey == "t3" && c.RowKey.StartsWith("r.", StringComparison.Ordinal) && !c.IsDerived)
                .Select(c => c.RowKey).Distinct().ToArray();
            var order = new List<int>(Free);
            var list = new List<Column>();
            foreach (string column in columns)
            {
                int[] fates = outcomes.Append("carried_out").Select(row => Ordinal(schema, "t3." + row + "." + column)).ToArray();
                var c = new Column(fates, Ordinal(schema, "t3.carried_in." + column), Ordinal(schema, "t3.new." + column));
                list.Add(c);
                order.AddRange(fates);
                order.Add(c.CarriedIn);
                order.Add(c.New);
            }

            Columns = list.ToArray();
            Order = order.ToArray();
            Parts = schema.Cells.Where(c => !c.IsDerived).Select(c => c.Ordinal).ToArray();
            CountParts = schema.Cells.Where(c => !c.IsDerived && c.Kind == ValueKind.Count).Select(c => c.Ordinal).ToArray();
            Summations = schema.Identities.Where(i => i.IsSummation && i.Severity == Diagnostics.DiagnosticSeverity.Error).Select(i => i.Index).ToArray();
        }

        public ReportSchema Schema { get; }

        /// <summary>Cells drawn independently (all parts outside Table 3).</summary>
        public int[] Free { get; }

        public Column[] Columns { get; }

        /// <summary>The order <see cref="FillParts(ReportSchema, Random, Action{string, decimal})"/> reports the parts in.</summary>
        public int[] Order { get; }

        /// <summary>Every part (non-derived) cell.</summary>
        public int[] Parts { get; }

        /// <summary>Every part cell of kind count.</summary>
        public int[] CountParts { get; }

        /// <summary>Hard summation identities (a total and its parts).</summary>
        public int[] Summations { get; }

        private static int Ordinal(ReportSchema schema, string key) => schema.TryGetCell(key, out CellInfo cell)
            ? cell.Ordinal
            : throw new InvalidOperationException("The schema " + schema.TypeName + " has no cell '" + key + "' needed by the flow model of Table 3.");

        /// <summary>One applicant column of Table 3: its fates (outcomes and carried out), carried in and new.</summary>
        internal sealed record Column(int[] Fates, int CarriedIn, int New);
    }
}
