using System;
using System.IO;
using Reports.Core.Cells;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;

namespace Reports.Cli.Tests;

/// <summary>Report JSON written by the tests, and a scratch folder to put it in.</summary>
internal sealed class TestReports : IDisposable
{
    public TestReports()
    {
        Folder = Path.Combine(Path.GetTempPath(), "reports-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    private static ReportInfo Info => new() { Agency = "测试县人民政府办公室", Year = 2022 };

    /// <summary>A 2021 report with every cell 0: valid.</summary>
    public static string Clean()
    {
        ReportCells.Builder cells = Zeros();
        return ReportJson.ToJson(Report2021.Schema, Info, cells.ToCells(), indented: true);
    }

    /// <summary>A 2021 report breaking only H3: one new application by a natural person, never handled.</summary>
    public static string BreaksH3()
    {
        ReportCells.Builder cells = Zeros();
        cells[Report2021Keys.Applications.NewReceived.NaturalPerson] = Cell.Number(1);
        cells[Report2021Keys.Applications.NewReceived.Total] = Cell.Number(1);
        return ReportJson.ToJson(Report2021.Schema, Info, cells.ToCells(), indented: true);
    }

    /// <summary>A 2021 report with one blank part cell: a warning (blank counted as 0), no errors.</summary>
    public static string WithWarning()
    {
        ReportCells.Builder cells = Zeros();
        cells[Report2021Keys.Applications.NewReceived.NaturalPerson] = Cell.Blank();
        return ReportJson.ToJson(Report2021.Schema, Info, cells.ToCells(), indented: true);
    }

    /// <summary>A 2021 report of zeros changed by <paramref name="change"/>, for <paramref name="agency"/>.</summary>
    public static string With(System.Action<ReportCells.Builder> change, string agency = "测试县人民政府办公室", int year = 2022)
    {
        ReportCells.Builder cells = Zeros();
        change(cells);
        return ReportJson.ToJson(Report2021.Schema, new ReportInfo { Agency = agency, Year = year }, cells.ToCells(), indented: true);
    }

    public string Write(string name, string content)
    {
        string path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static ReportCells.Builder Zeros()
    {
        ReportCells.Builder cells = ReportCells.CreateBuilder(Report2021.Schema);
        for (int i = 0; i < Report2021.Schema.Cells.Length; i++)
        {
            cells[i] = Cell.Number(0);
        }

        return cells;
    }
}
