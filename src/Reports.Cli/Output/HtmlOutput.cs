using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Import;
using Reports.Core.Reports;
using Reports.Core.Schema;

namespace Reports.Cli.Output;

/// <summary>
/// <c>check --html DIR</c>: one self-contained page per report (its tables laid out from the schema the way the
/// template does, every cell with its value or state, the cells of each failing identity highlighted and the findings
/// beside each table, linked to the cells), and <c>index.html</c> listing the reports by errors, then warnings.
/// Every value is HTML-escaped.
/// </summary>
internal static class HtmlOutput
{
    public const string IndexFile = "index.html";

    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public static void Write(string folder, IReadOnlyList<CheckedReport> reports, OutputOptions options)
    {
        Directory.CreateDirectory(folder);
        string[] pages = PageNames(reports);
        for (int i = 0; i < reports.Count; i++)
        {
            File.WriteAllText(Path.Combine(folder, pages[i]), Page(reports[i], options), Utf8NoBom);
        }

        File.WriteAllText(Path.Combine(folder, IndexFile), Index(reports, pages, options), Utf8NoBom);
    }

    /// <summary>A file name per entry: its position and its source reduced to safe characters.</summary>
    public static string[] PageNames(IReadOnlyList<CheckedReport> reports)
    {
        var names = new string[reports.Count];
        for (int i = 0; i < reports.Count; i++)
        {
            string source = reports[i].Source;
            var slug = new StringBuilder();
            foreach (char ch in source.Length > 60 ? source.Substring(source.Length - 60) : source)
            {
                slug.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_');
            }

            names[i] = (i + 1).ToString("000", CultureInfo.InvariantCulture) + "-" + slug.ToString().Trim('_', '.') + ".html";
        }

        return names;
    }

    // ---- Index ----

    private static string Index(IReadOnlyList<CheckedReport> reports, string[] pages, OutputOptions options)
    {
        var html = new StringBuilder();
        Head(html, "reports-check: " + reports.Count(r => r.IsFile).ToString(CultureInfo.InvariantCulture) + " reports");
        html.Append("<header><h1>Reports checked</h1><p class=\"total\">").Append(Esc(TextOutput.Total(reports, options))).Append("</p></header>\n");
        html.Append("<table class=\"index\">\n<thead><tr><th>report</th><th>agency</th><th>year</th><th>edition</th><th>errors</th><th>warnings</th><th>accepted</th><th>status</th></tr></thead>\n<tbody>\n");
        foreach (int i in Enumerable.Range(0, reports.Count)
                     .OrderByDescending(i => reports[i].Errors)
                     .ThenByDescending(i => reports[i].Warnings)
                     .ThenBy(i => i))
        {
            CheckedReport r = reports[i];
            string status = r.InputFailed ? "not read" : r.Kind == EntryKind.Series ? (r.IsValid ? "consistent" : "not consistent") : r.IsValid ? "valid" : "not valid";
            html.Append("<tr class=\"").Append(r.Errors > 0 ? "has-errors" : r.Warnings > 0 ? "has-warnings" : "clean").Append("\" data-source=\"").Append(Esc(r.Source)).Append("\">")
                .Append("<td><a href=\"").Append(Esc(pages[i])).Append("\">").Append(Esc(r.Source)).Append("</a></td>")
                .Append("<td>").Append(Esc(r.Agency ?? "?")).Append("</td>")
                .Append("<td>").Append(Esc(r.Kind == EntryKind.Series ? string.Join(", ", r.Years) : r.Year?.ToString(CultureInfo.InvariantCulture) ?? "?")).Append("</td>")
                .Append("<td>").Append(Esc(r.InputFailed ? "-" : r.Kind == EntryKind.Series ? r.Edition ?? "?" : r.EditionDisplay)).Append("</td>")
                .Append("<td class=\"n\">").Append(r.Errors.ToString(CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<td class=\"n\">").Append(r.Warnings.ToString(CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<td class=\"n\">").Append(r.Suppressed.ToString(CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<td>").Append(Esc(status)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n</body></html>\n");
        return html.ToString();
    }

    // ---- One report ----

    private static string Page(CheckedReport report, OutputOptions options)
    {
        var html = new StringBuilder();
        string title = (report.Agency ?? report.Source) + (report.Year is int y ? " " + y.ToString(CultureInfo.InvariantCulture) : string.Empty);
        Head(html, title);
        html.Append("<header><p class=\"nav\"><a href=\"").Append(IndexFile).Append("\">← all reports</a></p>")
            .Append("<h1>").Append(Esc(title)).Append("</h1>\n<p class=\"meta\">")
            .Append(Esc(TextOutput.Header(report))).Append("<br>")
            .Append(report.Errors.ToString(CultureInfo.InvariantCulture)).Append(" errors, ")
            .Append(report.Warnings.ToString(CultureInfo.InvariantCulture)).Append(" warnings, ")
            .Append(report.Infos.ToString(CultureInfo.InvariantCulture)).Append(" info")
            .Append(report.Suppressed > 0 ? ", " + report.Suppressed.ToString(CultureInfo.InvariantCulture) + " accepted" : string.Empty)
            .Append("</p></header>\n");

        // Number every finding shown, so cells and findings can point at each other.
        var shown = report.Diagnostics.Where(d => d.Severity >= options.MinSeverity).ToList();
        var ids = new Dictionary<Diagnostic, string>();
        for (int i = 0; i < shown.Count; i++)
        {
            ids[shown[i]] = "f" + (i + 1).ToString(CultureInfo.InvariantCulture);
        }

        IReportDraft? draft = report.Draft;
        var tableKeys = draft is null ? new HashSet<string>() : draft.Edition.Schema.Tables.Select(t => t.Key).ToHashSet();
        var general = shown.Where(d => d.Location.TableKey is null || !tableKeys.Contains(d.Location.TableKey)).ToList();
        if (general.Count > 0)
        {
            html.Append("<section class=\"general\"><h2>Findings about the whole report</h2>\n");
            Findings(html, general, report, ids, options, draft?.Edition.Schema);
            html.Append("</section>\n");
        }

        if (draft is not null)
        {
            // Cell marks: every finding's cells; failing identities (errors) win over warnings.
            var marks = new Dictionary<string, CellMark>(StringComparer.Ordinal);
            foreach (Diagnostic d in shown)
            {
                foreach (string key in CellsOf(d))
                {
                    if (!marks.TryGetValue(key, out CellMark? mark))
                    {
                        marks[key] = mark = new CellMark();
                    }

                    mark.Findings.Add(ids[d]);
                    if (report.IsAccepted(d))
                    {
                        mark.Accepted = true;
                    }
                    else if (d.Severity == DiagnosticSeverity.Error)
                    {
                        mark.Error = true;
                    }
                    else if (d.Severity == DiagnosticSeverity.Warning)
                    {
                        mark.Warning = true;
                    }
                }
            }

            HashSet<string> inferred = InferredCells(draft, shown);
            foreach (TableInfo table in draft.Edition.Schema.Tables)
            {
                var findings = shown.Where(d => d.Location.TableKey == table.Key).ToList();
                html.Append("<section class=\"table\" id=\"t-").Append(Esc(table.Key)).Append("\"><h2>").Append(Esc(table.Label)).Append("</h2>\n<div class=\"layout\">\n");
                Table(html, table, draft, marks, inferred);
                html.Append("<aside class=\"findings\">");
                if (findings.Count == 0)
                {
                    html.Append("<p class=\"none\">No findings in this table.</p>");
                }
                else
                {
                    Findings(html, findings, report, ids, options, draft.Edition.Schema);
                }

                html.Append("</aside>\n</div>\n");
                if (!string.IsNullOrEmpty(table.Note))
                {
                    html.Append("<p class=\"note\">").Append(Esc(table.Note)).Append("</p>\n");
                }

                html.Append("</section>\n");
            }

            Legend(html);
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>The cells a finding is about: its identity's cells, and the cell it is located at.</summary>
    public static IEnumerable<string> CellsOf(Diagnostic d)
    {
        var keys = new List<string>();
        foreach (string key in d.CellKeys)
        {
            // Cross-report findings tag their terms ("2023:t3.new.np"); those cells are in other reports.
            if (!key.Contains(':', StringComparison.Ordinal))
            {
                keys.Add(key);
            }
        }

        if (d.Location.CellKey is not null)
        {
            keys.Add(d.Location.CellKey);
        }

        return keys.Distinct(StringComparer.Ordinal);
    }

    private sealed class CellMark
    {
        public List<string> Findings { get; } = new();

        public bool Error { get; set; }

        public bool Warning { get; set; }

        public bool Accepted { get; set; }
    }

    /// <summary>
    /// The cells whose values were inferred rather than read. Hook: when <see cref="Cell"/> gets a boolean
    /// <c>IsInferred</c> (or <c>Inferred</c>) property it is used as it is; until then the cells of a row whose
    /// run-together digits were split by inference (RC2008) are marked.
    /// </summary>
    private static HashSet<string> InferredCells(IReportDraft draft, IEnumerable<Diagnostic> findings)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        ReportSchema schema = draft.Edition.Schema;
        if (InferredFlag is not null)
        {
            foreach (CellInfo info in schema.Cells)
            {
                if (InferredFlag.GetValue(draft.Cells[info.Ordinal]) is true)
                {
                    keys.Add(info.Key);
                }
            }

            return keys;
        }

        foreach (Diagnostic d in findings.Where(d => d.Id == ImportDiagnostics.InferredSplit.Id))
        {
            foreach (CellInfo info in schema.Cells)
            {
                Cell cell = draft.Cells[info.Ordinal];
                bool sameRow = d.Location.TableKey == info.TableKey && d.Location.RowKey is not null && d.Location.RowKey == info.RowKey;
                bool sameLine = d.Location.RowKey is null && d.Location.TableKey == info.TableKey && cell.Span.IsKnown && cell.Span.Line == d.Location.Span.Line;
                if ((sameRow || sameLine) && cell.IsNumber)
                {
                    keys.Add(info.Key);
                }
            }
        }

        return keys;
    }

    private static readonly PropertyInfo? InferredFlag =
        typeof(Cell).GetProperty("IsInferred", BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var t1 } p1 && t1 == typeof(bool) ? p1
        : typeof(Cell).GetProperty("Inferred", BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var t2 } p2 && t2 == typeof(bool) ? p2
        : null;

    // ---- Table layout, driven by the schema ----

    /// <summary>Rows that share one column tree; a group that declares its own columns starts a section (Table 2's 第二十条 items).</summary>
    private sealed class Segment
    {
        public Segment(string? title, ImmutableArray<ColumnInfo> columns)
        {
            Title = title;
            Columns = columns;
        }

        public string? Title { get; }

        public ImmutableArray<ColumnInfo> Columns { get; }

        public List<ImmutableArray<RowInfo>> Rows { get; } = new();
    }

    private static string Signature(ImmutableArray<ColumnInfo> columns) =>
        columns.IsDefaultOrEmpty ? string.Empty : string.Join("|", SchemaIndex.Leaves(columns).Select(p => string.Join("/", p.Select(c => c.Key + "=" + c.Label))));

    /// <summary>The column tree a row's cells stand under: a data row's own; a group's, when all its rows share one (else null).</summary>
    private static ImmutableArray<ColumnInfo>? EffectiveColumns(RowInfo row)
    {
        if (row.IsData)
        {
            return row.Columns;
        }

        ImmutableArray<ColumnInfo>? first = null;
        foreach (RowInfo child in row.Children)
        {
            ImmutableArray<ColumnInfo>? columns = EffectiveColumns(child);
            if (columns is null || (first is not null && Signature(first.Value) != Signature(columns.Value)))
            {
                return null;
            }

            first ??= columns;
        }

        return first;
    }

    private static string EffectiveSignature(RowInfo row) => EffectiveColumns(row) is { } columns ? Signature(columns) : "(mixed)";

    private static List<Segment> Segments(TableInfo table)
    {
        // A table whose top-level rows do not share one column tree (Table 2) is laid out as sections, one per top-level row.
        bool sectioned = table.Rows.Select(EffectiveSignature).Distinct(StringComparer.Ordinal).Count() > 1;
        var segments = new List<Segment>();
        Segment? current = null;
        void Walk(RowInfo row, ImmutableArray<RowInfo> path, string? parentSignature)
        {
            string signature = EffectiveSignature(row);
            bool top = parentSignature is null;
            if (current is null || (top && sectioned) || (!top && signature != parentSignature))
            {
                ImmutableArray<ColumnInfo> columns = EffectiveColumns(row) ?? row.Columns;
                current = new Segment(row.IsData ? null : row.Label, columns);
                segments.Add(current);
                if (!row.IsData)
                {
                    // The section heading stands for the group; its rows are laid out below it.
                    foreach (RowInfo child in row.Children)
                    {
                        Walk(child, ImmutableArray<RowInfo>.Empty, signature);
                    }

                    return;
                }
            }

            ImmutableArray<RowInfo> own = path.Add(row);
            if (row.IsData)
            {
                current.Rows.Add(own);
                return;
            }

            foreach (RowInfo child in row.Children)
            {
                Walk(child, own, signature);
            }
        }

        foreach (RowInfo row in table.Rows)
        {
            Walk(row, ImmutableArray<RowInfo>.Empty, null);
        }

        return segments;
    }

    private static void Table(StringBuilder html, TableInfo table, IReportDraft draft, Dictionary<string, CellMark> marks, HashSet<string> inferred)
    {
        List<Segment> segments = Segments(table);
        int labelColumns = Math.Max(1, segments.Select(s => s.Rows.Count == 0 ? 1 : s.Rows.Max(r => r.Length)).DefaultIfEmpty(1).Max());
        int leafColumns = Math.Max(1, segments.Select(s => SchemaIndex.Leaves(s.Columns).Count).DefaultIfEmpty(1).Max());
        html.Append("<table class=\"report\" data-table=\"").Append(Esc(table.Key)).Append("\">\n");
        foreach (Segment segment in segments)
        {
            List<ImmutableArray<ColumnInfo>> leaves = SchemaIndex.Leaves(segment.Columns);
            if (segment.Title is not null)
            {
                html.Append("<tr class=\"section\"><th colspan=\"").Append(labelColumns + leafColumns).Append("\">").Append(Esc(segment.Title)).Append("</th></tr>\n");
            }

            ColumnHeader(html, segment.Columns, leaves, labelColumns, leafColumns);
            for (int r = 0; r < segment.Rows.Count; r++)
            {
                ImmutableArray<RowInfo> path = segment.Rows[r];
                html.Append("<tr>");
                for (int level = 0; level < path.Length; level++)
                {
                    RowInfo row = path[level];
                    bool startsHere = r == 0 || segment.Rows[r - 1].Length <= level || !ReferenceEquals(segment.Rows[r - 1][level], row);
                    if (!startsHere)
                    {
                        continue;
                    }

                    int span = 1;
                    while (r + span < segment.Rows.Count && segment.Rows[r + span].Length > level && ReferenceEquals(segment.Rows[r + span][level], row))
                    {
                        span++;
                    }

                    bool leaf = level == path.Length - 1;
                    html.Append("<th class=\"row\" scope=\"row\"");
                    if (span > 1)
                    {
                        html.Append(" rowspan=\"").Append(span).Append('"');
                    }

                    if (leaf && labelColumns - level > 1)
                    {
                        html.Append(" colspan=\"").Append(labelColumns - level).Append('"');
                    }

                    html.Append('>').Append(Esc(row.Label)).Append("</th>");
                }

                RowInfo data = path[^1];
                for (int c = 0; c < leaves.Count; c++)
                {
                    int ordinal = c < data.Cells.Length ? data.Cells[c] : -1;
                    if (ordinal < 0)
                    {
                        html.Append("<td class=\"cell none\" title=\"no cell in the template\"></td>");
                        continue;
                    }

                    CellInfo info = draft.Edition.Schema.Cells[ordinal];
                    CellHtml(html, info, draft.Cells[ordinal], marks.TryGetValue(info.Key, out CellMark? mark) ? mark : null, inferred.Contains(info.Key));
                }

                for (int c = leaves.Count; c < leafColumns; c++)
                {
                    html.Append("<td class=\"pad\"></td>");
                }

                html.Append("</tr>\n");
            }
        }

        html.Append("</table>\n");
    }

    private static void ColumnHeader(StringBuilder html, ImmutableArray<ColumnInfo> columns, List<ImmutableArray<ColumnInfo>> leaves, int labelColumns, int leafColumns)
    {
        int depth = Math.Max(1, leaves.Count == 0 ? 1 : leaves.Max(l => l.Length));
        var levels = new List<List<(ColumnInfo Column, int Leaves)>>();
        for (int i = 0; i < depth; i++)
        {
            levels.Add(new List<(ColumnInfo, int)>());
        }

        int Count(ColumnInfo column) => column.IsLeaf ? 1 : column.Children.Sum(Count);
        void Walk(ColumnInfo column, int level)
        {
            levels[level].Add((column, Count(column)));
            if (!column.IsLeaf)
            {
                foreach (ColumnInfo child in column.Children)
                {
                    Walk(child, level + 1);
                }
            }
        }

        foreach (ColumnInfo column in columns.IsDefault ? ImmutableArray<ColumnInfo>.Empty : columns)
        {
            Walk(column, 0);
        }

        for (int level = 0; level < depth; level++)
        {
            html.Append("<tr class=\"head\">");
            if (level == 0)
            {
                html.Append("<th class=\"corner\" colspan=\"").Append(labelColumns).Append("\" rowspan=\"").Append(depth).Append("\"></th>");
            }

            foreach ((ColumnInfo column, int count) in levels[level])
            {
                html.Append("<th scope=\"col\"");
                if (count > 1)
                {
                    html.Append(" colspan=\"").Append(count).Append('"');
                }

                if (column.IsLeaf && depth - level > 1)
                {
                    html.Append(" rowspan=\"").Append(depth - level).Append('"');
                }

                html.Append('>').Append(Esc(column.Label)).Append("</th>");
            }

            if (level == 0 && leaves.Count < leafColumns)
            {
                html.Append("<th class=\"pad\" colspan=\"").Append(leafColumns - leaves.Count).Append("\" rowspan=\"").Append(depth).Append("\"></th>");
            }

            html.Append("</tr>\n");
        }
    }

    private static void CellHtml(StringBuilder html, CellInfo info, Cell cell, CellMark? mark, bool inferred)
    {
        (string state, string shown) = cell.State switch
        {
            CellState.Number => ("number", cell.FormatValue()),
            CellState.Blank => ("blank", "blank"),
            CellState.NotApplicable => ("na", cell.Raw ?? "/"),
            CellState.Text => ("text", "“" + (cell.Raw ?? string.Empty) + "”"),
            _ => ("missing", "missing"),
        };

        var classes = new List<string> { "cell", state };
        if (mark is not null)
        {
            classes.Add(mark.Error ? "fail" : mark.Warning ? "warn" : mark.Accepted ? "accepted" : "noted");
        }

        if (inferred)
        {
            classes.Add("inferred");
        }

        if (info.IsDerived)
        {
            classes.Add("total");
        }

        var hover = new StringBuilder();
        hover.Append(info.Key).Append(" — ").Append(info.Label);
        hover.Append('\n').Append(cell.Span.IsKnown
            ? "source line " + cell.Span.Line.ToString(CultureInfo.InvariantCulture) + ", column " + cell.Span.Column.ToString(CultureInfo.InvariantCulture)
            : "source line not known");
        if (cell.Raw is not null)
        {
            hover.Append(": “").Append(cell.Raw).Append('”');
        }

        if (inferred)
        {
            hover.Append("\ninferred, not read");
        }

        html.Append("<td id=\"c-").Append(Esc(info.Key)).Append("\" class=\"").Append(string.Join(" ", classes))
            .Append("\" data-key=\"").Append(Esc(info.Key)).Append("\" data-state=\"").Append(state).Append('"');
        if (cell.Span.IsKnown)
        {
            html.Append(" data-line=\"").Append(cell.Span.Line.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        if (mark is not null)
        {
            html.Append(" data-findings=\"").Append(string.Join(" ", mark.Findings)).Append('"');
        }

        html.Append(" title=\"").Append(Esc(hover.ToString())).Append("\">");
        if (mark is not null)
        {
            html.Append("<a href=\"#").Append(mark.Findings[0]).Append("\">").Append(Esc(shown)).Append("</a>");
        }
        else
        {
            html.Append(Esc(shown));
        }

        if (inferred)
        {
            html.Append("<sup class=\"inferred-mark\" title=\"inferred\">≈</sup>");
        }

        html.Append("</td>");
    }

    // ---- Findings ----

    private static void Findings(StringBuilder html, List<Diagnostic> findings, CheckedReport report, Dictionary<Diagnostic, string> ids, OutputOptions options, ReportSchema? schema)
    {
        var only = new CheckedReport
        {
            Source = report.Source,
            Draft = report.Draft,
            Diagnostics = findings.ToImmutableArray(),
            Accepted = report.Accepted,
        };
        html.Append("<ol class=\"findings\">\n");
        foreach (FindingItem item in FindingGroups.Items(only, options))
        {
            if (!item.IsFolded)
            {
                Finding(html, item.First, report, ids, options, schema);
                continue;
            }

            html.Append("<li class=\"group ").Append(Severity(item.First, report)).Append("\"><details><summary>")
                .Append(SeverityBadge(item.First, report)).Append(' ').Append(HelpLink(item.First, options)).Append(' ')
                .Append(Esc(item.Summary!)).Append("</summary>\n<ol>\n");
            foreach (Diagnostic d in item.Members)
            {
                Finding(html, d, report, ids, options, schema);
            }

            html.Append("</ol></details></li>\n");
        }

        html.Append("</ol>\n");
    }

    private static void Finding(StringBuilder html, Diagnostic d, CheckedReport report, Dictionary<Diagnostic, string> ids, OutputOptions options, ReportSchema? schema)
    {
        string[] cells = CellsOf(d).ToArray();
        html.Append("<li id=\"").Append(ids[d]).Append("\" class=\"finding ").Append(Severity(d, report)).Append("\" data-id=\"").Append(Esc(d.Id)).Append('"');
        if (d.Identity is not null)
        {
            html.Append(" data-identity=\"").Append(Esc(d.Identity)).Append('"');
        }

        html.Append(" data-cells=\"").Append(Esc(string.Join(" ", cells))).Append("\">");
        html.Append(SeverityBadge(d, report)).Append(' ').Append(HelpLink(d, options));
        if (d.Identity is not null)
        {
            html.Append(" <span class=\"identity\">").Append(Esc(d.Identity)).Append("</span>");
        }

        if (d.Reported is not null || d.Computed is not null)
        {
            html.Append(" <span class=\"values\">reported <b>").Append(Esc(d.Reported ?? "?")).Append("</b> vs computed <b>").Append(Esc(d.Computed ?? "?")).Append("</b></span>");
        }

        if (d.Location.Span.IsKnown)
        {
            html.Append(" <span class=\"line\">line ").Append(d.Location.Span.Line.ToString(CultureInfo.InvariantCulture)).Append("</span>");
        }

        html.Append("<p class=\"message\">").Append(Esc(d.Message)).Append("</p>");
        if (d.Fix is SuggestedFix fix)
        {
            // Error localization (RC1015): the proposed correction of each cell, published value struck through.
            html.Append("<p class=\"fix\" data-unique=\"").Append(fix.IsUnique ? "true" : "false").Append("\">")
                .Append(fix.IsUnique ? "correction: " : "possible correction: ");
            foreach (CellEdit edit in fix.Edits)
            {
                html.Append("<a class=\"cell-link\" href=\"#c-").Append(Esc(edit.CellKey)).Append("\">").Append(Esc(edit.Label)).Append("</a> <del>")
                    .Append(Esc(edit.Published)).Append("</del> → <ins>").Append(Esc(edit.Replacement ?? "?")).Append("</ins> ");
            }

            html.Append("</p>");
        }

        if (report.Accepted.TryGetValue(d, out BaselineEntry? entry))
        {
            html.Append("<p class=\"justification\">accepted: ").Append(Esc(entry.Justification.Length == 0 ? "(no justification given)" : entry.Justification)).Append("</p>");
        }

        if (cells.Length > 0)
        {
            html.Append("<p class=\"cells\">");
            foreach (string key in cells)
            {
                // The table's heading is the section's: the label from the row down.
                string label = schema is not null && schema.TryGetCell(key, out CellInfo info)
                    ? string.Join(" › ", info.LabelPath.Length > 1 ? info.LabelPath.Skip(1) : info.LabelPath)
                    : key;
                html.Append("<a class=\"cell-link\" href=\"#c-").Append(Esc(key)).Append("\" title=\"").Append(Esc(key)).Append("\">").Append(Esc(label)).Append("</a> ");
            }

            html.Append("</p>");
        }

        html.Append("</li>\n");
    }

    private static string Severity(Diagnostic d, CheckedReport report) =>
        report.IsAccepted(d) ? "accepted" : TextOutput.SeverityName(d.Severity);

    private static string SeverityBadge(Diagnostic d, CheckedReport report) =>
        "<span class=\"badge " + Severity(d, report) + "\">" + Severity(d, report) + "</span>";

    private static string HelpLink(Diagnostic d, OutputOptions options) =>
        "<a class=\"id\" href=\"" + Esc(SarifOutput.HelpUri(options.HelpUriBase, d.Id)) + "\">" + Esc(d.Id) + "</a>";

    private static void Legend(StringBuilder html)
    {
        html.Append("<section class=\"legend\"><h2>Legend</h2><table class=\"report\"><tr>")
            .Append("<td class=\"cell number\">12</td><td>a number as published</td>")
            .Append("<td class=\"cell number\">0</td><td>zero</td>")
            .Append("<td class=\"cell blank\">blank</td><td>left blank</td>")
            .Append("<td class=\"cell na\">/</td><td>not applicable (/, —)</td>")
            .Append("<td class=\"cell text\">“text”</td><td>not a number</td>")
            .Append("<td class=\"cell missing\">missing</td><td>not in the source</td>")
            .Append("</tr><tr>")
            .Append("<td class=\"cell number fail\">7</td><td>in a failing identity</td>")
            .Append("<td class=\"cell number warn\">7</td><td>has a warning</td>")
            .Append("<td class=\"cell number accepted\">7</td><td>finding accepted</td>")
            .Append("<td class=\"cell number inferred\">7<sup class=\"inferred-mark\">≈</sup></td><td>inferred, not read</td>")
            .Append("<td class=\"cell number total\">7</td><td>a total</td>")
            .Append("<td></td><td>hover a cell: its source line</td>")
            .Append("</tr></table></section>\n");
    }

    private static void Head(StringBuilder html, string title)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"reports-check\">\n<title>")
            .Append(Esc(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
    }

    /// <summary>Escapes text for HTML content and quoted attribute values.</summary>
    public static string Esc(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (char ch in text)
        {
            escaped.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => ch.ToString(),
            });
        }

        return escaped.ToString();
    }

    private const string Css = """
        body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 1.5em; color: #1d1d1f; background: #fff; }
        h1 { font-size: 1.4em; margin: .2em 0; } h2 { font-size: 1.1em; margin: 1.2em 0 .4em; }
        .meta, .total, .note { color: #555; font-size: .9em; } .nav a { color: #0b57d0; }
        .layout { display: flex; gap: 1.2em; align-items: flex-start; }
        table.report { border-collapse: collapse; font-size: .82em; }
        table.report th, table.report td { border: 1px solid #9aa0a6; padding: 3px 6px; }
        table.report th { background: #f1f3f4; font-weight: normal; text-align: center; }
        table.report th.row { text-align: left; max-width: 22em; }
        tr.section th { background: #e3e7ea; font-weight: bold; text-align: left; }
        td.cell { text-align: right; min-width: 2.6em; font-variant-numeric: tabular-nums; }
        td.cell a { color: inherit; text-decoration: none; }
        td.blank { background: repeating-linear-gradient(45deg, #fff, #fff 4px, #eef1f4 4px, #eef1f4 8px); color: #8a8f98; font-style: italic; font-size: .85em; }
        td.na { background: #f3eefc; color: #6b4fa3; text-align: center; }
        td.text { background: #fff4e5; color: #9a5b00; }
        td.missing { background: #f8f9fa; color: #b0b4ba; font-style: italic; font-size: .85em; border-style: dashed; }
        td.none { background: #dadce0; }
        td.total { font-weight: bold; }
        td.fail { background: #fddede; outline: 2px solid #d93025; outline-offset: -2px; color: #a50e0e; }
        td.warn { box-shadow: inset 0 -3px 0 #f9ab00; }
        td.accepted { box-shadow: inset 0 -3px 0 #9aa0a6; }
        td.inferred { color: #1a73e8; } sup.inferred-mark { color: #1a73e8; font-weight: bold; }
        td.cell:target { outline: 3px solid #1a73e8; }
        aside.findings { flex: 1; min-width: 20em; max-width: 46em; font-size: .85em; }
        ol.findings { padding-left: 1.2em; margin: 0; } ol.findings li { margin-bottom: .6em; }
        li.finding:target { background: #e8f0fe; }
        .badge { display: inline-block; padding: 0 .4em; border-radius: 3px; font-size: .8em; color: #fff; }
        .badge.error { background: #d93025; } .badge.warning { background: #e37400; } .badge.info { background: #1a73e8; } .badge.accepted { background: #80868b; }
        .identity { font-family: monospace; font-weight: bold; } .values b { font-family: monospace; }
        .message { margin: .2em 0; color: #333; } .cells a { display: inline-block; margin-right: .6em; color: #0b57d0; font-size: .9em; }
        .justification { color: #555; font-style: italic; margin: .2em 0; }
        table.index { border-collapse: collapse; font-size: .9em; } table.index th, table.index td { border: 1px solid #c4c7c5; padding: 3px 8px; }
        table.index td.n { text-align: right; } tr.has-errors td { background: #fce8e6; } tr.has-warnings td { background: #fef7e0; }
        section.legend td { font-size: .9em; }

        """;
}
