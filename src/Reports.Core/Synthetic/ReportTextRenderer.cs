using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Reports.Core.Cells;
using Reports.Core.Reports;
using Reports.Core.Schema;

namespace Reports.Core.Synthetic;

/// <summary>Layouts a report can be rendered in: the layouts in which agencies publish, which the importer reads.</summary>
public enum RenderLayout
{
    /// <summary>Markdown-style rows: <c>| 规章 | 1 | 0 | 11 |</c>.</summary>
    Pipe,

    /// <summary>Cells separated by tabs (text copied from a web page or a spreadsheet).</summary>
    Tab,

    /// <summary>One cell per line, a blank line after each row (text copied from a table cell by cell).</summary>
    CellPerLine,

    /// <summary>Aligned columns separated by runs of spaces, as <c>pdftotext -layout</c> prints them.</summary>
    Layout,

    /// <summary>An HTML page with site chrome and spanned table headings.</summary>
    Html,

    /// <summary>Tab-separated, but every Table 3 data row glued: label and digits with no separator (crawled text).</summary>
    RunTogether,
}

/// <summary>
/// Renders the cells of a report as the text an agency publishes, in one of the common layouts (title, narrative,
/// the tables with their headings, the closing sections): for round-trip tests and for generating folders of report
/// files (<c>reports-check generate --files</c>).
/// </summary>
public static class ReportTextRenderer
{
    private sealed record Line(IReadOnlyList<string> Cells, bool IsTable, string Table = "");

    /// <summary>The text of <paramref name="report"/> in <paramref name="layout"/>, titled with its agency and year.</summary>
    public static string Render(SyntheticReport report, RenderLayout layout)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        return Render(report.Cells, layout, report.Info.Agency ?? "某县人民政府办公室", report.Info.Year ?? 2023);
    }

    /// <summary>The text of <paramref name="cells"/> in <paramref name="layout"/>, titled <c>{agency} {year} 年政府信息公开工作年度报告</c>.</summary>
    public static string Render(ReportCells cells, RenderLayout layout, string agency, int year)
    {
        if (cells is null)
        {
            throw new ArgumentNullException(nameof(cells));
        }

        if (layout == RenderLayout.Html)
        {
            return RenderHtml(cells, agency, year);
        }

        var lines = new List<Line>
        {
            new(new[] { agency + " " + year.ToString(CultureInfo.InvariantCulture) + " 年政府信息公开工作年度报告" }, false),
            new(new[] { "一、总体情况" }, false),
            new(new[] { "本机关认真贯彻落实《条例》，做好政府信息公开工作。" }, false),
        };
        foreach (TableInfo table in cells.Schema.Tables)
        {
            lines.Add(new Line(new[] { table.Label }, false));
            lines.AddRange(TableLines(cells, table).Select(r => new Line(r, true, table.Key)));
        }

        lines.Add(new Line(new[] { "五、存在的主要问题及改进情况" }, false));
        lines.Add(new Line(new[] { "无。" }, false));

        var sb = new StringBuilder();
        foreach (Line line in lines)
        {
            switch (layout)
            {
                case RenderLayout.Pipe:
                    sb.AppendLine(line.IsTable ? "| " + string.Join(" | ", line.Cells) + " |" : line.Cells[0]);
                    break;
                case RenderLayout.Tab:
                    sb.AppendLine(line.IsTable && line.Cells.Count > 1 ? string.Join("\t", line.Cells) : line.Cells[0]);
                    break;
                case RenderLayout.RunTogether when line.Table == "t3" && line.Cells.Count == 8:
                    sb.AppendLine(string.Concat(line.Cells));
                    break;
                case RenderLayout.RunTogether:
                    sb.AppendLine(line.IsTable && line.Cells.Count > 1 ? string.Join("\t", line.Cells) : line.Cells[0]);
                    break;
                case RenderLayout.CellPerLine:
                    if (line.IsTable)
                    {
                        foreach (string cell in line.Cells)
                        {
                            sb.Append('\t').AppendLine(cell);
                        }

                        sb.AppendLine();
                    }
                    else
                    {
                        sb.AppendLine(line.Cells[0]);
                    }

                    break;
                default:
                    sb.AppendLine(line.IsTable ? "  " + string.Join("    ", line.Cells.Where(c => c.Length > 0)) : "   " + line.Cells[0]);
                    break;
            }
        }

        return sb.ToString();
    }

    private static List<List<string>> TableLines(ReportCells cells, TableInfo table)
    {
        var rows = new List<List<string>>();
        switch (table.Key)
        {
            case "t2":
                foreach (RowInfo block in table.Rows)
                {
                    rows.Add(new List<string> { block.Label });
                    RowInfo first = block.Children[0];
                    rows.Add(new List<string> { "信息内容" }.Concat(first.Columns.Select(c => c.Label)).ToList());
                    foreach (RowInfo row in block.Children)
                    {
                        rows.Add(new List<string> { row.Label }.Concat(Values(cells, row)).ToList());
                    }
                }

                break;
            case "t3":
                rows.Add(new List<string> { table.Note ?? "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况" });
                rows.Add(new List<string> { "自然人", "法人或其他组织", "总计" });
                rows.Add(new List<string> { "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他" });
                foreach (RowInfo row in table.Rows)
                {
                    AddT3(cells, row, rows);
                }

                break;
            default:
                rows.Add(new List<string> { "行政复议", "行政诉讼" });
                rows.Add(new List<string> { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉" });
                rows.Add(Enumerable.Repeat(new[] { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" }, 2).SelectMany(x => x).ToList());
                rows.Add(Values(cells, table.Rows[0]).ToList());
                break;
        }

        return rows;
    }

    private static void AddT3(ReportCells cells, RowInfo row, List<List<string>> rows)
    {
        if (row.IsData)
        {
            rows.Add(new List<string> { row.Label }.Concat(Values(cells, row)).ToList());
            return;
        }

        rows.Add(new List<string> { row.Label });
        foreach (RowInfo child in row.Children)
        {
            AddT3(cells, child, rows);
        }
    }

    private static IEnumerable<string> Values(ReportCells cells, RowInfo row) =>
        row.Cells.Where(o => o >= 0).Select(o => Text(cells[o]));

    private static string Text(Cell cell) => cell.State switch
    {
        CellState.Number => cell.FormatValue(),
        CellState.NotApplicable => cell.Raw ?? "/",
        CellState.Text => cell.Raw ?? string.Empty,
        _ => string.Empty,
    };

    private static string RenderHtml(ReportCells cells, string agency, int year)
    {
        var sb = new StringBuilder();
        sb.AppendLine("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + agency + "</title><style>td{border:1px solid}</style></head><body>");
        sb.AppendLine("<div class=\"header\"><a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政务公开</a></div>");
        sb.AppendLine("<div class=\"article\"><h1 class=\"title\">" + agency + year.ToString(CultureInfo.InvariantCulture) + "年政府信息公开工作年度报告</h1>");
        sb.AppendLine("<p style=\"text-indent:2em\"><span>一、总体情况</span></p>");
        sb.AppendLine("<p style=\"text-indent:2em\">本机关认真贯彻落实《条例》，<span>做好政府信息公开工作</span>。</p>");
        foreach (TableInfo table in cells.Schema.Tables)
        {
            sb.AppendLine("<p><strong>" + table.Label + "</strong></p>");
            sb.AppendLine("<table border=\"1\" cellspacing=\"0\"><tbody>");
            switch (table.Key)
            {
                case "t2":
                    foreach (RowInfo block in table.Rows)
                    {
                        int width = block.Children.Max(r => r.Cells.Length) + 1;
                        sb.AppendLine("<tr><td colspan=\"" + width + "\" style=\"background:#eee\"><p>" + block.Label + "</p></td></tr>");
                        sb.Append("<tr><td>信息内容</td>");
                        foreach (ColumnInfo c in block.Children[0].Columns)
                        {
                            sb.Append("<td><p><span>" + c.Label + "</span></p></td>");
                        }

                        sb.AppendLine("</tr>");
                        foreach (RowInfo row in block.Children)
                        {
                            sb.Append("<tr><td>" + row.Label + "</td>");
                            foreach (string v in Values(cells, row))
                            {
                                sb.Append("<td><p style=\"text-align:center\"><span>" + v + "</span></p></td>");
                            }

                            sb.AppendLine("</tr>");
                        }
                    }

                    break;
                case "t3":
                    sb.AppendLine("<tr><td colspan=\"3\" rowspan=\"3\">" + (table.Note ?? string.Empty) + "</td><td colspan=\"7\">申请人情况</td></tr>");
                    sb.AppendLine("<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>");
                    sb.AppendLine("<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>");
                    foreach (RowInfo row in table.Rows)
                    {
                        if (row.IsData)
                        {
                            sb.AppendLine("<tr><td colspan=\"3\">" + row.Label + "</td>" + Cells(cells, row) + "</tr>");
                            continue;
                        }

                        int span = CountData(row);
                        bool first = true;
                        foreach (RowInfo child in row.Children)
                        {
                            string head = first ? "<td rowspan=\"" + span + "\">" + row.Label + "</td>" : string.Empty;
                            if (child.IsData)
                            {
                                sb.AppendLine("<tr>" + head + "<td colspan=\"2\">" + child.Label + "</td>" + Cells(cells, child) + "</tr>");
                                first = false;
                                continue;
                            }

                            bool firstInner = true;
                            foreach (RowInfo leaf in child.Children)
                            {
                                string inner = firstInner ? "<td rowspan=\"" + child.Children.Length + "\">" + child.Label + "</td>" : string.Empty;
                                sb.AppendLine("<tr>" + (first ? head : string.Empty) + inner + "<td>" + leaf.Label + "</td>" + Cells(cells, leaf) + "</tr>");
                                first = false;
                                firstInner = false;
                            }
                        }
                    }

                    break;
                default:
                    sb.AppendLine("<tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr>");
                    sb.AppendLine("<tr><td rowspan=\"2\">结果维持</td><td rowspan=\"2\">结果纠正</td><td rowspan=\"2\">其他结果</td><td rowspan=\"2\">尚未审结</td><td rowspan=\"2\">总计</td><td colspan=\"5\">未经复议直接起诉</td><td colspan=\"5\">复议后起诉</td></tr>");
                    sb.AppendLine("<tr>" + string.Concat(Enumerable.Repeat("<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>", 2)) + "</tr>");
                    sb.AppendLine("<tr>" + Cells(cells, table.Rows[0]) + "</tr>");
                    break;
            }

            sb.AppendLine("</tbody></table>");
        }

        sb.AppendLine("<p>五、存在的主要问题及改进情况</p><p>无。&nbsp;</p></div></body></html>");
        return sb.ToString();
    }

    private static string Cells(ReportCells cells, RowInfo row) =>
        string.Concat(Values(cells, row).Select(v => "<td>&nbsp;" + v + "&nbsp;</td>"));

    private static int CountData(RowInfo row) => row.IsData ? 1 : row.Children.Sum(CountData);
}
