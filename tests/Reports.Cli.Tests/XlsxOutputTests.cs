using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Xunit;
using XCell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace Reports.Cli.Tests;

/// <summary><c>check --xlsx FILE</c>, read back with the Open XML SDK.</summary>
public sealed class XlsxOutputTests : IDisposable
{
    private readonly TestReports _reports = new();

    public void Dispose() => _reports.Dispose();

    /// <summary>Every sheet as rows of cell texts by A1 reference.</summary>
    private static Dictionary<string, Dictionary<string, string>> Read(string path)
    {
        var sheets = new Dictionary<string, Dictionary<string, string>>();
        using SpreadsheetDocument document = SpreadsheetDocument.Open(path, false);
        WorkbookPart workbook = document.WorkbookPart!;
        foreach (Sheet sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var worksheet = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var cells = new Dictionary<string, string>();
            foreach (XCell cell in worksheet.Worksheet.Descendants<XCell>())
            {
                cells[cell.CellReference!] = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? string.Empty;
            }

            sheets[sheet.Name!] = cells;
        }

        return sheets;
    }

    /// <summary>The column letters of the cell in <paramref name="headerRow"/> that holds <paramref name="header"/>.</summary>
    private static string Column(Dictionary<string, string> sheet, string header, int headerRow = 1)
    {
        var reference = new System.Text.RegularExpressions.Regex("^([A-Z]+)([0-9]+)$");
        return sheet.Select(p => (Match: reference.Match(p.Key), p.Value))
            .Single(x => x.Value == header && x.Match.Groups[2].Value == headerRow.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Match.Groups[1].Value;
    }

    [Fact]
    public void Workbook_has_a_summary_one_sheet_per_table_and_the_findings()
    {
        _reports.Write("clean.json", TestReports.Clean());
        _reports.Write("h3.json", TestReports.With(cells =>
        {
            cells["t3.new.np"] = Reports.Core.Cells.Cell.Number(1);
            cells["t3.new.tot"] = Reports.Core.Cells.Cell.Number(1);
            cells["t3.new.biz"] = Reports.Core.Cells.Cell.Blank();
            cells["t3.new.res"] = Reports.Core.Cells.Cell.NotApplicable("/");
        }));
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "clean.json", "h3.json", "--xlsx", "out/report.xlsx");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("wrote the workbook to out/report.xlsx", result.Stderr);

        Dictionary<string, Dictionary<string, string>> sheets = Read(Path.Combine(_reports.Folder, "out", "report.xlsx"));
        Assert.Equal(new[] { "Summary", "t2", "t3", "t4", "Findings" }, sheets.Keys);

        Dictionary<string, string> summary = sheets["Summary"];
        Assert.Equal(new[] { "path", "kind", "agency", "year", "edition", "errors", "warnings" }, new[] { "A1", "B1", "C1", "D1", "E1", "F1", "G1" }.Select(r => summary[r]));
        Assert.Equal(new[] { "clean.json", "report", "测试县人民政府办公室", "2022", "2021", "0", "0" }, new[] { "A2", "B2", "C2", "D2", "E2", "F2", "G2" }.Select(r => summary[r]));
        Assert.Equal("h3.json", summary["A3"]);
        Assert.Equal("2", summary["F3"]); // H3[np] and H3[tot]

        Dictionary<string, string> t3 = sheets["t3"];
        string np = Column(t3, "t3.new.np");
        Assert.Equal("三、收到和处理政府信息公开申请情况 › 一、本年新收政府信息公开申请数量 › 申请人情况 › 自然人", t3[np + "2"]);
        Assert.Equal("0", t3[np + "3"]);
        Assert.Equal("1", t3[np + "4"]);
        Assert.False(t3.ContainsKey(Column(t3, "t3.new.biz") + "4")); // blank stays empty, unlike 0
        Assert.Equal("0", t3[Column(t3, "t3.new.biz") + "3"]);
        Assert.Equal("/", t3[Column(t3, "t3.new.res") + "4"]);
        Assert.Equal("h3.json", t3["A4"]);

        Dictionary<string, string> findings = sheets["Findings"];
        string id = Column(findings, "id");
        string identity = Column(findings, "identity");
        string[] rows = findings.Where(p => p.Key.StartsWith(id, StringComparison.Ordinal) && p.Value == "RC1001").Select(p => p.Key.Substring(id.Length)).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.StartsWith("H3[", findings[identity + r], StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal("h3.json", findings["A" + r]));
    }

    [Fact]
    public void Reports_of_two_editions_get_a_sheet_per_table_and_edition()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "samples", "000_28319fa63509a2c9.txt"), Path.Combine(_reports.Folder, "a.txt"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "samples", "huaian-2024-pdftotext.txt"), Path.Combine(_reports.Folder, "b.txt"));
        CliResult result = CliRunner.Run(_reports.Folder, null, "check", "a.txt", "b.txt", "--xlsx", "both.xlsx");
        Assert.True(result.ExitCode == 0, result.ToString());
        Dictionary<string, Dictionary<string, string>> sheets = Read(Path.Combine(_reports.Folder, "both.xlsx"));
        Assert.Equal(new[] { "Summary", "t2 2019", "t3 2019", "t4 2019", "t2 2021", "t3 2021", "t4 2021", "Findings" }, sheets.Keys);
        Assert.Equal("淮安市人民政府", sheets["t3 2021"]["B3"]);
        Assert.Equal("2024", sheets["t3 2021"]["C3"]);
    }
}
