using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Reports.Core.Editions;
using Reports.Core.Schema;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// The built-in schemas against the spec's flat key lists (Appendix A, <c>Fixtures/statutory-appendix-a.md</c>, a verbatim
/// copy): every cell key in the same order, the cell counts per table, every label path verbatim, and the value kinds.
/// The spec is the independent truth here; nothing in this test is derived from the schemas.
/// </summary>
public sealed class AppendixATests
{
    public static TheoryData<string> Editions => new() { "2019", "2021" };

    [Theory]
    [MemberData(nameof(Editions))]
    public void Cell_keys_in_order_and_counts_per_table_are_those_of_the_spec(string edition)
    {
        Appendix spec = Appendix.Read(edition);
        ReportSchema schema = ReportEditions.Find(edition)!.Schema;

        Assert.Equal(spec.Total, spec.Keys.Count);
        Assert.Equal(spec.Keys, schema.Cells.Select(c => c.Key));
        foreach ((string table, int count) in spec.PerTable)
        {
            Assert.Equal(count, schema.Cells.Count(c => c.TableKey == table));
        }

        Assert.Equal(spec.Total, schema.CellCount);
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void Every_label_path_and_value_kind_is_the_spec_verbatim(string edition)
    {
        Appendix spec = Appendix.Read(edition);
        ReportSchema schema = ReportEditions.Find(edition)!.Schema;
        foreach (CellInfo cell in schema.Cells)
        {
            // The schema's label path starts with the table's label, which Appendix A leaves out.
            string[] path = cell.LabelPath.Skip(1).ToArray();
            string expected = spec.Labels[cell.Key];
            if (cell.TableKey == "t3")
            {
                // Table 3 lists the row path; the column is its leaf label (the groups 申请人情况 / 法人或其他组织 above it aside).
                string[] row = expected.Split(" › ");
                Assert.Equal(row, path.Take(row.Length));
                Assert.Equal(spec.ColumnLabels[cell.ColumnKey], path[^1]);
            }
            else
            {
                Assert.Equal(expected, string.Join(" › ", path));
            }

            Assert.Equal(spec.Kinds[cell.Key], cell.Kind);
        }
    }

    private sealed class Appendix
    {
        public List<string> Keys { get; } = new();

        public Dictionary<string, string> Labels { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ValueKind> Kinds { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> ColumnLabels { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> PerTable { get; } = new(StringComparer.Ordinal);

        public int Total { get; private set; }

        public static Appendix Read(string edition)
        {
            string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "statutory-appendix-a.md"));
            int start = text.IndexOf("### E" + edition, StringComparison.Ordinal);
            int end = text.IndexOf("### E", start + 5, StringComparison.Ordinal);
            Assert.True(start >= 0, "Appendix A has no section for edition " + edition);
            string block = end < 0 ? text.Substring(start) : text.Substring(start, end - start);

            var appendix = new Appendix();
            string[] columns = Array.Empty<string>();
            foreach (string line in block.Split('\n'))
            {
                if (line.StartsWith("# Table 3", StringComparison.Ordinal))
                {
                    string list = line.Substring(line.IndexOf('[') + 1, line.IndexOf(']') - line.IndexOf('[') - 1);
                    MatchCollection pairs = Regex.Matches(list, @"([a-z]+)=([^,\s\]]+)");
                    columns = pairs.Select(m => m.Groups[1].Value).ToArray();
                    foreach (Match pair in pairs)
                    {
                        appendix.ColumnLabels[pair.Groups[1].Value] = pair.Groups[2].Value;
                    }
                }

                Match key = Regex.Match(line, @"^(t[234]\.[a-z0-9_.]+)\s*\|");
                if (key.Success)
                {
                    string[] parts = line.Split('|');
                    string label = parts[1].Trim();
                    if (key.Groups[1].Value.StartsWith("t3.", StringComparison.Ordinal))
                    {
                        foreach (string column in columns)
                        {
                            string cell = key.Groups[1].Value + "." + column;
                            appendix.Keys.Add(cell);
                            appendix.Labels[cell] = label;
                            appendix.Kinds[cell] = ValueKind.Count; // "; int≥0" for every Table 3 cell
                        }
                    }
                    else
                    {
                        appendix.Keys.Add(key.Groups[1].Value);
                        appendix.Labels[key.Groups[1].Value] = label;
                        string type = parts.Length > 2 ? parts[2].Trim() : "int≥0"; // Table 4: "; int≥0" in its heading
                        appendix.Kinds[key.Groups[1].Value] = type.StartsWith("int", StringComparison.Ordinal) ? ValueKind.Count
                            : type.StartsWith("signed int", StringComparison.Ordinal) ? ValueKind.Delta
                            : ValueKind.Money;
                    }
                }

                Match total = Regex.Match(line, @"^# cells: table2=(\d+), table3=\d+x\d+=(\d+), table4=(\d+), total=(\d+)");
                if (total.Success)
                {
                    appendix.PerTable["t2"] = int.Parse(total.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    appendix.PerTable["t3"] = int.Parse(total.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                    appendix.PerTable["t4"] = int.Parse(total.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
                    appendix.Total = int.Parse(total.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            Assert.True(appendix.Total > 0, "no '# cells:' line in Appendix A for edition " + edition);
            return appendix;
        }
    }
}
