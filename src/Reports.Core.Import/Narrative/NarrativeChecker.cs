using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Import.Grid;
using Reports.Core.Reports;
using Reports.Core.Schema;

namespace Reports.Core.Import.Narrative;

/// <summary>
/// The schema's narrative statements (spec §9.4, N1–N3: applications received, answered, carried in and out; outcome
/// counts; administrative review and litigation counts, with their outcomes) compared with the tables. Which numbers
/// are stated, how they are written and which cells they must equal is schema data (<see cref="ReportSchema.Statements"/>),
/// so a team's own form checks its own narrative. Mismatches are warnings (RC2011); statements not found are not reported.
/// </summary>
internal static class NarrativeChecker
{
    /// <summary>Characters of the clause after a statement searched for its details (up to the next ；/;/。).</summary>
    private const int DetailWindow = 80;

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private static readonly ConditionalWeakTable<StatementInfo, Regex[]> Compiled = new();

    public static IEnumerable<Diagnostic> Check(IReadOnlyList<GridRow> narrative, ReportCells cells, string? source)
    {
        var found = new List<Diagnostic>();
        if (cells.Schema.Statements.IsEmpty)
        {
            return found;
        }

        (string text, List<(int Start, int Line)> map) = Join(narrative);
        if (text.Length == 0)
        {
            return found;
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (StatementInfo statement in cells.Schema.Statements)
        {
            if (FirstMatch(statement, text, 0, text.Length) is not (long stated, Match m))
            {
                continue;
            }

            int line = LineAt(map, m.Index);
            if (Sum(cells, statement.Cells) is long actual && actual != stated && reported.Add(statement.Title))
            {
                found.Add(Create(statement, statement.Title, stated, m.Value, cells.Schema, actual, line, source));
            }

            if (statement.Details.IsEmpty)
            {
                continue;
            }

            int from = m.Index + m.Length;
            int to = Math.Min(text.Length, from + DetailWindow);
            int stop = text.IndexOfAny(new[] { '；', ';', '。' }, from, to - from);
            to = stop >= 0 ? stop : to;
            foreach (StatementInfo detail in statement.Details)
            {
                string what = statement.Title + " " + detail.Title;
                if (FirstMatch(detail, text, from, to) is (long value, Match d)
                    && Sum(cells, detail.Cells) is long sub && sub != value && reported.Add(what))
                {
                    found.Add(Create(detail, what, value, d.Value, cells.Schema, sub, line, source));
                }
            }
        }

        return found;
    }

    /// <summary>The number of the first pattern of <paramref name="statement"/> that matches in text[from, to).</summary>
    private static (long Stated, Match Match)? FirstMatch(StatementInfo statement, string text, int from, int to)
    {
        foreach (Regex pattern in Patterns(statement))
        {
            try
            {
                for (Match m = pattern.Match(text, from, to - from); m.Success; m = m.NextMatch())
                {
                    if (long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long stated))
                    {
                        return (stated, m);
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pattern of a team's schema that backtracks without end finds nothing here.
            }
        }

        return null;
    }

    private static Regex[] Patterns(StatementInfo statement) => Compiled.GetValue(statement, Compile);

    private static Regex[] Compile(StatementInfo statement)
    {
        var patterns = new List<Regex>(statement.Patterns.Length);
        foreach (string pattern in statement.Patterns)
        {
            try
            {
                patterns.Add(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, PatternTimeout));
            }
            catch (ArgumentException)
            {
                // The generator rejects such a pattern (RCG004); a schema built by hand with one simply finds nothing.
            }
        }

        return patterns.ToArray();
    }

    private static Diagnostic Create(StatementInfo statement, string what, long stated, string quote, ReportSchema schema, long actual, int line, string? source)
    {
        string keys = string.Join(" + ", statement.Cells.Select(o => schema.Cells[o].Key));
        return Diagnostic.Create(
            ImportDiagnostics.NarrativeMismatch,
            DiagnosticSeverity.Warning,
            new DiagnosticLocation { Source = source, TableKey = "s1", Label = what, Span = SourceSpan.ForLine(line) },
            statement.Id,
            ImmutableArray.Create(keys),
            stated.ToString(CultureInfo.InvariantCulture),
            actual.ToString(CultureInfo.InvariantCulture),
            statement.Id + " " + what, stated.ToString(CultureInfo.InvariantCulture), quote, keys, actual.ToString(CultureInfo.InvariantCulture));
    }

    private static long? Sum(ReportCells cells, ImmutableArray<int> ordinals) => Sum(cells, ordinals, depth: 0);

    /// <summary>
    /// A cell's whole number: as read; a total not filled is the sum of its parts under the schema's summation (when
    /// all are readable); any other blank cell counts 0.
    /// </summary>
    private static long? Value(ReportCells cells, int ordinal, int depth)
    {
        CellInfo info = cells.Schema.Cells[ordinal];
        Cell cell = cells[ordinal];
        if (cell.State == CellState.Number)
        {
            return info.Scale == 0 ? cell.Value : null;
        }

        bool isTotal = false;
        foreach (int index in info.Identities)
        {
            IdentityInfo identity = cells.Schema.Identities[index];
            if (!identity.IsSummation || identity.Severity != DiagnosticSeverity.Error || identity.Left.Length != 1 || identity.Left[0] != ordinal)
            {
                continue;
            }

            isTotal = true;
            if ((cell.State is CellState.Blank or CellState.Missing) && depth < 4 && Sum(cells, identity.Right, depth + 1) is long parts)
            {
                return parts;
            }
        }

        return cell.State == CellState.Blank && !isTotal ? 0 : null;
    }

    private static long? Sum(ReportCells cells, ImmutableArray<int> ordinals, int depth)
    {
        long total = 0;
        foreach (int ordinal in ordinals)
        {
            if (Value(cells, ordinal, depth) is not long value || !TryAdd(ref total, value))
            {
                return null;
            }
        }

        return total;
    }

    // A sum beyond 64 bits is no sum to compare with (it would wrap to a negative count).
    private static bool TryAdd(ref long total, long value)
    {
        long sum = unchecked(total + value);
        if (((total ^ sum) & (value ^ sum)) < 0)
        {
            return false;
        }

        total = sum;
        return true;
    }

    private static (string Text, List<(int Start, int Line)> Map) Join(IReadOnlyList<GridRow> rows)
    {
        var sb = new StringBuilder();
        var map = new List<(int, int)>();
        foreach (GridRow row in rows)
        {
            map.Add((sb.Length, row.Line));
            foreach (char c in row.Text)
            {
                if (!char.IsWhiteSpace(c) && c != '\u3000')
                {
                    sb.Append(c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c);
                }
            }
        }

        return (sb.ToString(), map);
    }

    private static int LineAt(List<(int Start, int Line)> map, int index)
    {
        int line = map.Count > 0 ? map[0].Line : 1;
        foreach ((int start, int l) in map)
        {
            if (start > index)
            {
                break;
            }

            line = l;
        }

        return line;
    }
}
