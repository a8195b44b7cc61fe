using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Import.Grid;
using Reports.Core.Reports;
using Reports.Core.Schema;

namespace Reports.Core.Import.Narrative;

/// <summary>
/// N1–N3 (spec §9.4): numbers stated in 一、总体情况 — applications received, answered, carried in and out;
/// outcome counts; administrative review and litigation counts — compared with the tables. Mismatches are
/// warnings (RC2011); statements that cannot be found are not reported.
/// </summary>
internal static class NarrativeChecker
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private static readonly (string Check, string What, Regex Pattern, string[] Keys)[] Statements =
    {
        ("N1", "applications received", new Regex(@"(?:收到|受理|接收|接到)[^。；，,]{0,16}?申请(?:共)?(\d+)[件个条份]", Options), new[] { "t3.new.tot" }),
        ("N1", "applications received", new Regex(@"(?:收到|受理|接收|接到)(?:各类)?(\d+)[件个条份](?:政府信息公开|信息公开|依申请公开)?申请", Options), new[] { "t3.new.tot" }),
        ("N1", "applications answered", new Regex(@"(?:答复|办结)(?:申请)?(\d+)件", Options), new[] { "t3.r.total.tot" }),
        ("N1", "carried in", new Regex(@"上一?年度?结转(?:的)?(?:政府信息公开)?(?:申请)?(\d+)件", Options), new[] { "t3.carried_in.tot" }),
        ("N1", "carried out", new Regex(@"(\d+)件(?:申请)?(?:顺延|结转)(?:到|至)?下一?年度?", Options), new[] { "t3.carried_out.tot" }),
        ("N2", "予以公开", new Regex(@"予以公开[”""’]?(?:的)?(?:申请)?(\d+)件", Options), new[] { "t3.r.granted.tot" }),
        ("N2", "部分公开", new Regex(@"部分公开[”""’]?(?:的)?(?:申请)?(\d+)件", Options), new[] { "t3.r.partial.tot" }),
        ("N2", "不予公开", new Regex(@"不予公开[”""’]?(?:的)?(?:申请)?(\d+)件", Options), new[] { "t3.r.withheld." }),
        ("N2", "无法提供", new Regex(@"无法提供[”""’]?(?:的)?(?:申请)?(\d+)件", Options), new[] { "t3.r.unable." }),
        ("N2", "不予处理", new Regex(@"不予处理[”""’]?(?:的)?(?:申请)?(\d+)件", Options), new[] { "t3.r.declined." }),
        ("N2", "其他处理", new Regex(@"其他处理[”""’]?(?:的)?(?:申请)?(\d+)件", Options), new[] { "t3.r.other." }),
        ("N3", "行政复议", new Regex(@"行政复议(?:案件|申请)?(?:共)?(\d+)[件起宗]", Options), new[] { "t4.rev.total" }),
        ("N3", "行政诉讼", new Regex(@"行政诉讼(?:案件)?(?:共)?(\d+)[件起宗]", Options), new[] { "t4.lit_direct.total", "t4.lit_after_rev.total" }),
    };

    private static readonly Regex Outcome = new(@"(结果维持|结果纠正|其他结果|尚未审结)(\d+)[件起宗]", Options);

    public static IEnumerable<Diagnostic> Check(IReadOnlyList<GridRow> narrative, ReportCells cells, string? source)
    {
        (string text, List<(int Start, int Line)> map) = Join(narrative);
        if (text.Length == 0)
        {
            yield break;
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string check, string what, Regex pattern, string[] keys) in Statements)
        {
            foreach (Match m in pattern.Matches(text))
            {
                if (!long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long stated))
                {
                    continue;
                }

                long? table = Sum(cells, keys);
                int line = LineAt(map, m.Index);
                if (table is long actual && actual != stated && reported.Add(what))
                {
                    yield return Create(check, what, stated, m.Value, string.Join(" + ", keys.Select(k => k.EndsWith('.') ? k + "*.tot" : k)), actual, line, source);
                }

                if (check == "N3")
                {
                    string group = what == "行政复议" ? "rev" : "lit";
                    string tail = text.Substring(m.Index + m.Length, Math.Min(80, text.Length - m.Index - m.Length));
                    int stop = tail.IndexOfAny(new[] { '；', ';', '。' });
                    if (stop >= 0)
                    {
                        tail = tail.Substring(0, stop);
                    }

                    foreach (Match o in Outcome.Matches(tail))
                    {
                        string column = o.Groups[1].Value switch
                        {
                            "结果维持" => "upheld",
                            "结果纠正" => "corrected",
                            "其他结果" => "other",
                            _ => "pending",
                        };
                        string[] outcomeKeys = group == "rev"
                            ? new[] { "t4.rev." + column }
                            : new[] { "t4.lit_direct." + column, "t4.lit_after_rev." + column };
                        // \d also matches other scripts' digits, and a run may exceed 64 bits: such a number is not compared.
                        if (!long.TryParse(o.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
                        {
                            continue;
                        }

                        if (Sum(cells, outcomeKeys) is long sub && sub != value && reported.Add(what + o.Groups[1].Value))
                        {
                            yield return Create(check, what + " " + o.Groups[1].Value, value, o.Value, string.Join(" + ", outcomeKeys), sub, line, source);
                        }
                    }
                }

                break;
            }
        }
    }

    private static Diagnostic Create(string check, string what, long stated, string quote, string keys, long actual, int line, string? source) =>
        Diagnostic.Create(
            ReportDiagnostics.NarrativeMismatch,
            DiagnosticSeverity.Warning,
            new DiagnosticLocation { Source = source, TableKey = "s1", Label = what, Span = SourceSpan.ForLine(line) },
            check,
            ImmutableArray.Create(keys),
            stated.ToString(CultureInfo.InvariantCulture),
            actual.ToString(CultureInfo.InvariantCulture),
            check + " " + what, stated.ToString(CultureInfo.InvariantCulture), quote, keys, actual.ToString(CultureInfo.InvariantCulture));

    private static long? Sum(ReportCells cells, string[] keys)
    {
        long total = 0;
        foreach (string key in keys)
        {
            if (key.EndsWith('.'))
            {
                // Every data row under a group: the sum of their 总计 cells.
                bool any = false;
                foreach (CellInfo info in cells.Schema.Cells)
                {
                    if ((info.Key.StartsWith(key, StringComparison.Ordinal) || info.Key == key + "tot") && info.ColumnKey == "tot")
                    {
                        long? v = Value(cells, info.Key);
                        if (v is null)
                        {
                            return null;
                        }

                        if (!TryAdd(ref total, v.Value))
                        {
                            return null;
                        }

                        any = true;
                    }
                }

                string single = key.TrimEnd('.') + ".tot";
                if (!any && cells.Schema.TryGetCell(single, out _))
                {
                    long? v = Value(cells, single);
                    if (v is null)
                    {
                        return null;
                    }

                    if (!TryAdd(ref total, v.Value))
                    {
                        return null;
                    }

                    any = true;
                }

                if (!any)
                {
                    return null;
                }

                continue;
            }

            long? value = Value(cells, key);
            if (value is null)
            {
                return null;
            }

            if (!TryAdd(ref total, value.Value))
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

    private static long? Value(ReportCells cells, string key)
    {
        if (!cells.Schema.TryGetCell(key, out CellInfo info))
        {
            return null;
        }

        Cell cell = cells[info.Ordinal];
        if (cell.State == CellState.Number)
        {
            return info.Scale == 0 ? cell.Value : null;
        }

        if (cell.State == CellState.Blank && info.ColumnKey != "tot")
        {
            return 0;
        }

        if (info.ColumnKey == "tot" && info.TableKey == "t3")
        {
            // A 总计 cell not filled: the sum of the applicant columns, when all are readable.
            string prefix = key.Substring(0, key.Length - 3);
            long sum = 0;
            foreach (string column in new[] { "np", "biz", "res", "ngo", "law", "oth" })
            {
                long? part = Value(cells, prefix + column);
                if (part is null)
                {
                    return null;
                }

                if (!TryAdd(ref sum, part.Value))
                {
                    return null;
                }
            }

            return sum;
        }

        return null;
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
