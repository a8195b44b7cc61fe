using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Reports.Core.Cells;
using Reports.Core.Reports;
using Reports.Core.Schema;

namespace Reports.Core.Localization;

/// <summary>
/// The search for minimal repairs of one report (Fellegi–Holt error localization over exact integer identities).
/// Rows connected through a free cell (blank, missing, unreadable) form one block; a block that its free cells cannot
/// satisfy is violated, and every repair must touch it. The search branches on the cells of the smallest untouched
/// violated block (a hitting set), then on the neighbours of the chosen cells (cells sharing a block with them), by
/// increasing size, skipping supersets of repairs already found; each candidate set is solved exactly.
/// </summary>
internal sealed class CandidateSearch
{
    private readonly ConstraintSystem _system;
    private readonly ReportCells _cells;
    private readonly int _maxSize;
    private readonly bool[] _free;
    private readonly long[] _values;
    private readonly Int128[] _residual;
    private readonly int[] _blockOf;
    private readonly List<int>[] _blockRows;
    private readonly List<int>[] _blockFree;
    private readonly List<int>[] _blockCells;
    private readonly List<int> _violatedBlocks = new();
    private readonly List<int[]> _solutions = new();
    private readonly Dictionary<long, Solution?> _solved = new();
    private readonly HashSet<long> _visited = new();
    private readonly int[] _colOf;
    private readonly int[] _set = new int[ErrorLocalizer.MaxCells];
    private readonly int[] _rowTouch;
    private readonly int[] _blockTouch;
    private readonly bool[] _rowFree;
    private Int128[] _a = new Int128[256];
    private Int128[] _b = new Int128[32];
    private Int128[] _x = new Int128[16];
    private bool[] _determined = new bool[16];

    public CandidateSearch(ConstraintSystem system, ReportCells cells, int maxSize)
    {
        _system = system;
        _cells = cells;
        _maxSize = maxSize;
        int n = system.Schema.CellCount;
        _free = new bool[n];
        _values = new long[n];
        _colOf = new int[n];
        _colOf.AsSpan().Fill(-1);
        ReadOnlySpan<long> published = cells.Values;
        for (int i = 0; i < n; i++)
        {
            _free[i] = cells.StateAt(i) != CellState.Number;
            _values[i] = _free[i] ? 0 : published[i];
        }

        int rows = system.RowCount;
        _rowTouch = new int[rows];
        _blockTouch = new int[rows];
        _rowFree = new bool[rows];
        _residual = new Int128[rows];
        for (int r = 0; r < rows; r++)
        {
            Int128 sum = 0;
            int[] rc = system.RowCells[r];
            int[] co = system.RowCoefs[r];
            for (int k = 0; k < rc.Length; k++)
            {
                sum += (Int128)co[k] * _values[rc[k]];
                _rowFree[r] |= _free[rc[k]];
            }

            _residual[r] = sum;
        }

        // Blocks: rows joined by a shared free cell (union–find).
        int[] parent = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            parent[r] = r;
        }

        for (int c = 0; c < n; c++)
        {
            if (!_free[c])
            {
                continue;
            }

            int[] cr = system.CellRows[c];
            for (int k = 1; k < cr.Length; k++)
            {
                int x = Find(parent, cr[0]), y = Find(parent, cr[k]);
                if (x != y)
                {
                    parent[y] = x;
                }
            }
        }

        _blockOf = new int[rows];
        _blockRows = new List<int>[rows];
        _blockFree = new List<int>[rows];
        _blockCells = new List<int>[rows];
        for (int r = 0; r < rows; r++)
        {
            int block = Find(parent, r);
            _blockOf[r] = block;
            (_blockRows[block] ??= new List<int>()).Add(r);
        }

        for (int block = 0; block < rows; block++)
        {
            if (_blockRows[block] is not List<int> blockRows)
            {
                continue;
            }

            var free = new List<int>();
            var fixedCells = new List<int>();
            foreach (int r in blockRows)
            {
                foreach (int c in system.RowCells[r])
                {
                    List<int> into = _free[c] ? free : fixedCells;
                    if (!into.Contains(c))
                    {
                        into.Add(c);
                    }
                }
            }

            _blockFree[block] = free;
            _blockCells[block] = fixedCells;
            bool violated;
            if (free.Count == 0)
            {
                violated = _residual[blockRows[0]] != 0;
            }
            else
            {
                bool anyResidual = false;
                foreach (int r in blockRows)
                {
                    anyResidual |= _residual[r] != 0;
                }

                violated = anyResidual && Solve(Array.Empty<int>(), new[] { block }) is null;
            }

            if (violated)
            {
                _violatedBlocks.Add(block);
            }
        }
    }

    /// <summary>Number of cell sets solved.</summary>
    public int Examined { get; private set; }

    public LocalizationResult Run()
    {
        var violated = ImmutableArray.CreateBuilder<IdentityInfo>();
        for (int r = 0; r < _system.RowCount; r++)
        {
            if (_residual[r] != 0)
            {
                violated.Add(_system.Identities[r]);
            }
        }

        var candidates = new List<RepairCandidate>();
        if (_violatedBlocks.Count == 0)
        {
            // The free cells alone can satisfy every identity: a repair of size 0 that fills them.
            if (violated.Count > 0)
            {
                var blocks = new List<int>();
                for (int r = 0; r < _system.RowCount; r++)
                {
                    if (_residual[r] != 0 && !blocks.Contains(_blockOf[r]))
                    {
                        blocks.Add(_blockOf[r]);
                    }
                }

                Solution? fill = Solve(Array.Empty<int>(), blocks);
                if (fill is not null)
                {
                    candidates.Add(Build(Array.Empty<int>(), fill, blocks));
                }
            }
        }
        else
        {
            for (int limit = 1; limit <= _maxSize; limit++)
            {
                _visited.Clear();
                Search(0, limit);
            }

            foreach (int[] solution in _solutions)
            {
                long key = Key(solution);
                List<int> blocks = TouchedBlocks(solution);
                candidates.Add(Build(solution, _solved[key]!, blocks));
            }
        }

        candidates.Sort(Plausibility.Compare);
        return new LocalizationResult(_system.Schema, violated.ToImmutable(), candidates.ToImmutableArray(), _maxSize, Examined);
    }

    /// <summary>Solves the repair of exactly <paramref name="set"/> (no search): null when it cannot explain the report.</summary>
    public RepairCandidate? Repair(int[] set)
    {
        Array.Sort(set);
        List<int> blocks = TouchedBlocks(set);
        foreach (int violated in _violatedBlocks)
        {
            if (!blocks.Contains(violated))
            {
                return null;
            }
        }

        Solution? solution = Solve(set, blocks);
        return solution is null ? null : Build(set, solution, blocks);
    }

    private void Search(int depth, int limit)
    {
        Span<int> sorted = stackalloc int[depth];
        _set.AsSpan(0, depth).CopyTo(sorted);
        sorted.Sort();
        long key = Key(sorted);
        if (!_visited.Add(key))
        {
            return;
        }

        foreach (int[] found in _solutions)
        {
            if (IsSubset(found, sorted))
            {
                return; // a superset of a repair is not minimal
            }
        }

        // Demands: each must receive a cell of the set. A violated block no chosen cell touches (a hitting set), and a
        // satisfied row without free cells that exactly one chosen cell touches: alone, that cell could not change.
        int demand = -1; // block id, or ~row for a row demand
        int fewest = int.MaxValue;
        foreach (int block in _violatedBlocks)
        {
            if (_blockTouch[block] == 0 && _blockCells[block].Count < fewest)
            {
                demand = block;
                fewest = _blockCells[block].Count;
            }
        }

        for (int i = 0; i < depth; i++)
        {
            foreach (int r in _system.CellRows[_set[i]])
            {
                if (IsRowDemand(r) && _system.RowCells[r].Length < fewest)
                {
                    demand = ~r;
                    fewest = _system.RowCells[r].Length;
                }
            }
        }

        int budget = limit - depth;
        if (demand != -1)
        {
            if (budget == 0)
            {
                return;
            }

            IReadOnlyList<int> cells = demand >= 0 ? _blockCells[demand] : _system.RowCells[~demand];
            foreach (int c in cells)
            {
                // With one cell left, it must meet every demand at once.
                if (budget > 1 || MeetsAllDemands(c, depth))
                {
                    Extend(c, depth, limit);
                }
            }

            return;
        }

        int[] set = sorted.ToArray();
        if (!_solved.TryGetValue(key, out Solution? solution))
        {
            solution = Solve(set, TouchedBlocks(set));
            _solved[key] = solution;
        }

        if (solution is not null)
        {
            _solutions.Add(set);
            return;
        }

        if (budget == 0)
        {
            return;
        }

        // Every demand is met but the chosen cells cannot satisfy the identities together: a further cell must share a block.
        foreach (int block in TouchedBlocks(set))
        {
            foreach (int c in _blockCells[block])
            {
                Extend(c, depth, limit);
            }
        }
    }

    private bool IsRowDemand(int r) => !_rowFree[r] && _residual[r] == 0 && _rowTouch[r] == 1;

    private bool MeetsAllDemands(int cell, int depth)
    {
        foreach (int block in _violatedBlocks)
        {
            if (_blockTouch[block] == 0 && !InBlock(cell, block))
            {
                return false;
            }
        }

        for (int i = 0; i < depth; i++)
        {
            foreach (int r in _system.CellRows[_set[i]])
            {
                if (IsRowDemand(r) && Array.IndexOf(_system.CellRows[cell], r) < 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private bool InBlock(int cell, int block)
    {
        foreach (int r in _system.CellRows[cell])
        {
            if (_blockOf[r] == block)
            {
                return true;
            }
        }

        return false;
    }

    private void Extend(int cell, int depth, int limit)
    {
        if (Array.IndexOf(_set, cell, 0, depth) >= 0)
        {
            return;
        }

        _set[depth] = cell;
        foreach (int r in _system.CellRows[cell])
        {
            _rowTouch[r]++;
            _blockTouch[_blockOf[r]]++;
        }

        Search(depth + 1, limit);
        foreach (int r in _system.CellRows[cell])
        {
            _rowTouch[r]--;
            _blockTouch[_blockOf[r]]--;
        }
    }

    private List<int> TouchedBlocks(int[] set)
    {
        var blocks = new List<int>(4);
        foreach (int c in set)
        {
            foreach (int r in _system.CellRows[c])
            {
                int block = _blockOf[r];
                if (!blocks.Contains(block))
                {
                    blocks.Add(block);
                }
            }
        }

        return blocks;
    }

    // Unknowns: the changed cells, then the free cells of the blocks; equations: every row of the blocks.
    private Solution? Solve(int[] set, IReadOnlyList<int> blocks)
    {
        Examined++;
        int cols = set.Length;
        var free = new List<int>();
        int rows = 0;
        foreach (int block in blocks)
        {
            rows += _blockRows[block].Count;
            free.AddRange(_blockFree[block]);
        }

        for (int i = 0; i < set.Length; i++)
        {
            _colOf[set[i]] = i;
        }

        foreach (int f in free)
        {
            _colOf[f] = cols++;
        }

        try
        {
            if (_a.Length < rows * cols)
            {
                _a = new Int128[Math.Max(rows * cols, _a.Length * 2)];
            }

            if (_b.Length < rows)
            {
                _b = new Int128[Math.Max(rows, _b.Length * 2)];
            }

            if (_x.Length < cols)
            {
                _x = new Int128[Math.Max(cols, _x.Length * 2)];
                _determined = new bool[_x.Length];
            }

            Span<Int128> a = _a.AsSpan(0, rows * cols);
            a.Clear();
            int row = 0;
            foreach (int block in blocks)
            {
                foreach (int r in _blockRows[block])
                {
                    int[] rc = _system.RowCells[r];
                    int[] co = _system.RowCoefs[r];
                    Int128 rhs = -_residual[r];
                    for (int k = 0; k < rc.Length; k++)
                    {
                        int col = _colOf[rc[k]];
                        if (col >= 0)
                        {
                            a[(row * cols) + col] = co[k];
                            rhs += (Int128)co[k] * _values[rc[k]]; // the unknown replaces the published value
                        }
                    }

                    _b[row] = rhs;
                    row++;
                }
            }

            if (!ExactSolver.Solve(a, _b.AsSpan(0, rows), rows, cols, _determined.AsSpan(0, cols), _x.AsSpan(0, cols)))
            {
                return null;
            }

            var changed = new long?[set.Length];
            for (int i = 0; i < set.Length; i++)
            {
                if (_determined[i])
                {
                    if (_x[i] > long.MaxValue || _x[i] < long.MinValue)
                    {
                        return null;
                    }

                    if ((long)_x[i] == _values[set[i]])
                    {
                        return null; // the cell keeps its value: a smaller set explains the report
                    }

                    changed[i] = (long)_x[i];
                }
            }

            var filled = new List<(int Cell, long Value)>();
            for (int i = 0; i < free.Count; i++)
            {
                int col = set.Length + i;
                if (_determined[col] && _x[col] <= long.MaxValue && _x[col] >= long.MinValue)
                {
                    filled.Add((free[i], (long)_x[col]));
                }
            }

            return new Solution(changed, filled);
        }
        finally
        {
            foreach (int c in set)
            {
                _colOf[c] = -1;
            }

            foreach (int f in free)
            {
                _colOf[f] = -1;
            }
        }
    }

    private RepairCandidate Build(int[] set, Solution solution, List<int> blocks)
    {
        var changes = ImmutableArray.CreateBuilder<CellRepair>(set.Length);
        double score = 0;
        ReportSchema schema = _system.Schema;
        for (int i = 0; i < set.Length; i++)
        {
            CellInfo info = schema.Cells[set[i]];
            long? repaired = solution.Changed[i];
            TypingError error = repaired is long value ? Plausibility.Classify(_system, _cells, set[i], _values[set[i]], value) : TypingError.None;
            changes.Add(new CellRepair(info, _cells[set[i]], repaired, error));
            score += Plausibility.Score(_system, info, repaired, error);
        }

        var filled = ImmutableArray.CreateBuilder<CellRepair>(solution.Filled.Count);
        foreach ((int cell, long value) in solution.Filled)
        {
            filled.Add(new CellRepair(schema.Cells[cell], _cells[cell], value, TypingError.None));
        }

        var explains = ImmutableArray.CreateBuilder<IdentityInfo>();
        for (int r = 0; r < _system.RowCount; r++)
        {
            if (_residual[r] != 0 && blocks.Contains(_blockOf[r]))
            {
                explains.Add(_system.Identities[r]);
            }
        }

        return new RepairCandidate(changes.MoveToImmutable(), filled.ToImmutable(), explains.ToImmutable(), score);
    }

    private static bool IsSubset(int[] small, ReadOnlySpan<int> large)
    {
        if (small.Length > large.Length)
        {
            return false;
        }

        foreach (int c in small)
        {
            if (large.IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static long Key(ReadOnlySpan<int> sorted)
    {
        long key = 0;
        foreach (int c in sorted)
        {
            key = (key << 20) | (uint)(c + 1);
        }

        return key;
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    private sealed class Solution
    {
        public Solution(long?[] changed, List<(int Cell, long Value)> filled)
        {
            Changed = changed;
            Filled = filled;
        }

        public long?[] Changed { get; }

        public List<(int Cell, long Value)> Filled { get; }
    }
}
