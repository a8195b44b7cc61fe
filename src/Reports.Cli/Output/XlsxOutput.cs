using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Schema;
using XCell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace Reports.Cli.Output;

/// <summary>
/// <c>check --xlsx FILE</c>: a workbook with a <c>Summary</c> sheet (one row per report: path, agency, year, edition,
/// errors, warnings, …), one sheet per table and edition with the values read (one row per report, one column per cell,
/// headed by the cell key and its official label; a blank cell stays empty, <c>/</c> and text are kept as text, a cell
/// missing from the source reads <c>(missing)</c>), and a <c>Findings</c> sheet.
/// </summary>
internal static class XlsxOutput
{
    public const string SummarySheet = "Summary";
    public const string FindingsSheet = "Findings";
    public const string Missing = "(missing)";

    public static void Write(string path, IReadOnlyList<CheckedReport> reports, OutputOptions options)
    {
        string? folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            System.IO.Directory.CreateDirectory(folder);
        }

        using SpreadsheetDocument document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        WorkbookPart workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        Sheets sheets = workbook.Workbook.AppendChild(new Sheets());
        uint sheetId = 1;

        void AddSheet(string name, IEnumerable<object?[]> rows, int headerRows)
        {
            WorksheetPart part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint r = 1;
            foreach (object?[] values in rows)
            {
                var row = new Row { RowIndex = r };
                for (int c = 0; c < values.Length; c++)
                {
                    XCell? cell = CellFor(values[c], Reference(c, r));
                    if (cell is not null)
                    {
                        row.Append(cell);
                    }
                }

                data.Append(row);
                r++;
            }

            var worksheet = new Worksheet();
            if (headerRows > 0)
            {
                worksheet.Append(new SheetViews(new SheetView(new Pane
                {
                    VerticalSplit = headerRows,
                    TopLeftCell = Reference(0, (uint)headerRows + 1),
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                })
                { WorkbookViewId = 0 }));
            }

            worksheet.Append(data);
            part.Worksheet = worksheet;
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = name });
        }

        // Summary
        var summary = new List<object?[]>
        {
            new object?[] { "path", "kind", "agency", "year", "edition", "errors", "warnings", "info", "accepted", "status" },
        };
        foreach (CheckedReport r in reports)
        {
            summary.Add(new object?[]
            {
                r.Source,
                r.Kind.ToString().ToLowerInvariant(),
                r.Agency,
                r.Kind == EntryKind.Series ? string.Join(", ", r.Years) : r.Year,
                r.InputFailed ? null : r.Kind == EntryKind.Series ? r.Edition : r.EditionDisplay,
                r.Errors,
                r.Warnings,
                r.Infos,
                r.Suppressed,
                r.InputFailed ? "not read" : r.IsValid ? "valid" : "not valid",
            });
        }

        AddSheet(SummarySheet, summary, 1);

        // One sheet per table and edition.
        var withDrafts = reports.Where(r => r.Draft is not null).ToList();
        var schemas = withDrafts.Select(r => r.Draft!.Edition.Schema).Distinct().OrderBy(s => s.Edition, StringComparer.Ordinal).ToList();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { SummarySheet, FindingsSheet };
        foreach (ReportSchema schema in schemas)
        {
            foreach (TableInfo table in schema.Tables)
            {
                CellInfo[] cells = schema.Cells.Where(c => c.TableKey == table.Key).ToArray();
                var rows = new List<object?[]>
                {
                    new object?[] { "path", "agency", "year" }.Concat(cells.Select(c => (object?)c.Key)).ToArray(),
                    new object?[] { null, null, null }.Concat(cells.Select(c => (object?)c.Label)).ToArray(),
                };
                foreach (CheckedReport r in withDrafts.Where(r => r.Draft!.Edition.Schema == schema))
                {
                    rows.Add(new object?[] { r.Source, r.Agency, r.Year }.Concat(cells.Select(c => Value(r.Draft!.Cells[c.Ordinal]))).ToArray());
                }

                string name = SheetName(schemas.Count > 1 ? table.Key + " " + schema.Edition : table.Key, used);
                AddSheet(name, rows, 2);
            }
        }

        // Findings
        var findings = new List<object?[]>
        {
            new object?[] { "path", "severity", "id", "identity", "table", "cell", "label", "line", "reported", "computed", "message", "accepted", "justification" },
        };
        foreach (CheckedReport r in reports)
        {
            foreach (Diagnostic d in r.Diagnostics.Where(d => d.Severity >= options.MinSeverity))
            {
                r.Accepted.TryGetValue(d, out BaselineEntry? entry);
                findings.Add(new object?[]
                {
                    d.Location.Source ?? r.Source,
                    TextOutput.SeverityName(d.Severity),
                    d.Id,
                    d.Identity,
                    d.Location.TableKey,
                    d.Location.CellKey,
                    d.Location.Label,
                    d.Location.Span.IsKnown ? d.Location.Span.Line : null,
                    d.Reported,
                    d.Computed,
                    d.Message,
                    entry is null ? "no" : "yes",
                    entry?.Justification,
                });
            }
        }

        AddSheet(FindingsSheet, findings, 1);
        workbook.Workbook.Save();
    }

    /// <summary>What a cell of a table sheet holds: a number, nothing for blank, the text of <c>/</c> or of unreadable text, <see cref="Missing"/>.</summary>
    private static object? Value(Reports.Core.Cells.Cell cell) => cell.State switch
    {
        CellState.Number => cell.Scale == 0 ? cell.Value : cell.Amount,
        CellState.Blank => null,
        CellState.NotApplicable => cell.Raw ?? "/",
        CellState.Text => cell.Raw ?? string.Empty,
        _ => Missing,
    };

    private static XCell? CellFor(object? value, string reference)
    {
        switch (value)
        {
            case null:
                return null;
            case int or long or decimal or double:
                return new XCell
                {
                    CellReference = reference,
                    DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
                };
            default:
                string text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                return new XCell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }),
                };
        }
    }

    /// <summary>XML cannot hold most control characters; a cell holds at most 32,767 characters.</summary>
    private static string Clean(string text)
    {
        var clean = new System.Text.StringBuilder(text.Length);
        foreach (char ch in text)
        {
            clean.Append(ch < 0x20 && ch is not '\t' and not '\n' and not '\r' ? '\uFFFD' : ch);
        }

        return clean.Length > 32767 ? clean.ToString(0, 32767) : clean.ToString();
    }

    /// <summary>A1-style reference of column <paramref name="column"/> (0-based) in row <paramref name="row"/> (1-based).</summary>
    public static string Reference(int column, uint row)
    {
        string letters = string.Empty;
        for (int c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    private static string SheetName(string wanted, HashSet<string> used)
    {
        string name = new string(wanted.Select(ch => "[]:*?/\\".Contains(ch) ? '_' : ch).ToArray());
        name = name.Length > 31 ? name.Substring(0, 31) : name;
        string candidate = name;
        for (int i = 2; !used.Add(candidate); i++)
        {
            string suffix = " " + i.ToString(CultureInfo.InvariantCulture);
            candidate = (name.Length + suffix.Length > 31 ? name.Substring(0, 31 - suffix.Length) : name) + suffix;
        }

        return candidate;
    }
}
