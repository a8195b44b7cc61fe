using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Reports.Core.Diagnostics;
using Reports.Core.Schema;

namespace Reports.Core.Localization;

/// <summary>
/// The hard identities of one schema as sparse integer rows (Σ coefficient × cell = 0), with each cell's rows and its
/// neighbours above and below. Built once per schema from the run-time metadata, so custom schemas get it too.
/// </summary>
internal sealed class ConstraintSystem
{
    private static readonly ConditionalWeakTable<ReportSchema, ConstraintSystem> Cache = new();

    private ConstraintSystem(ReportSchema schema)
    {
        Schema = schema;
        var rows = new List<IdentityInfo>();
        var cells = new List<int[]>();
        var coefs = new List<int[]>();
        foreach (IdentityInfo identity in schema.Identities)
        {
            if (identity.Relation != IdentityRelation.Equal || identity.Severity != DiagnosticSeverity.Error)
            {
                continue;
            }

            var coefficient = new SortedDictionary<int, int>();
            foreach (int o in identity.Left)
            {
                coefficient[o] = coefficient.TryGetValue(o, out int c) ? c + 1 : 1;
            }

            foreach (int o in identity.Right)
            {
                coefficient[o] = coefficient.TryGetValue(o, out int c) ? c - 1 : -1;
            }

            KeyValuePair<int, int>[] nonzero = coefficient.Where(p => p.Value != 0).ToArray();
            if (nonzero.Length == 0)
            {
                continue;
            }

            rows.Add(identity);
            cells.Add(nonzero.Select(p => p.Key).ToArray());
            coefs.Add(nonzero.Select(p => p.Value).ToArray());
        }

        Identities = rows.ToArray();
        RowCells = cells.ToArray();
        RowCoefs = coefs.ToArray();
        int n = schema.CellCount;
        var byCell = new List<int>[n];
        IsTotal = new bool[n];
        for (int r = 0; r < RowCells.Length; r++)
        {
            foreach (int c in RowCells[r])
            {
                (byCell[c] ??= new List<int>()).Add(r);
            }

            if (Identities[r].IsSummation && Identities[r].Left.Length == 1)
            {
                IsTotal[Identities[r].Left[0]] = true;
            }
        }

        CellRows = byCell.Select(l => l?.ToArray() ?? System.Array.Empty<int>()).ToArray();
        Above = Enumerable.Repeat(-1, n).ToArray();
        Below = Enumerable.Repeat(-1, n).ToArray();
        foreach (TableInfo table in schema.Tables)
        {
            RowInfo? previous = null;
            foreach (RowInfo row in DataRows(table.Rows))
            {
                if (previous is not null && previous.Cells.Length == row.Cells.Length)
                {
                    for (int k = 0; k < row.Cells.Length; k++)
                    {
                        if (previous.Cells[k] >= 0 && row.Cells[k] >= 0)
                        {
                            Below[previous.Cells[k]] = row.Cells[k];
                            Above[row.Cells[k]] = previous.Cells[k];
                        }
                    }
                }

                previous = row;
            }
        }
    }

    public ReportSchema Schema { get; }

    /// <summary>The identity instance of each row.</summary>
    public IdentityInfo[] Identities { get; }

    /// <summary>The cells of each row (ascending ordinals).</summary>
    public int[][] RowCells { get; }

    /// <summary>The coefficient of each cell of each row (+1 left, −1 right).</summary>
    public int[][] RowCoefs { get; }

    /// <summary>The rows each cell takes part in.</summary>
    public int[][] CellRows { get; }

    /// <summary>True for the total of a hard summation.</summary>
    public bool[] IsTotal { get; }

    /// <summary>The cell in the same column of the data row above, or −1.</summary>
    public int[] Above { get; }

    /// <summary>The cell in the same column of the data row below, or −1.</summary>
    public int[] Below { get; }

    public int RowCount => RowCells.Length;

    public static ConstraintSystem For(ReportSchema schema) => Cache.GetValue(schema, s => new ConstraintSystem(s));

    private static IEnumerable<RowInfo> DataRows(IEnumerable<RowInfo> rows)
    {
        foreach (RowInfo row in rows)
        {
            if (row.IsData)
            {
                yield return row;
            }
            else
            {
                foreach (RowInfo child in DataRows(row.Children))
                {
                    yield return child;
                }
            }
        }
    }
}
