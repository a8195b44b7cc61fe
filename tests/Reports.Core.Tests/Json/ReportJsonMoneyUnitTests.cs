using System;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// A money cell written as text with its unit: a unit other than the cell's is reported (the number is kept as written);
/// a cell whose template fixes no unit takes any money unit without a word.
/// </summary>
public sealed class ReportJsonMoneyUnitTests
{
    private static ReportJsonReadResult With(ReportEdition edition, string key, string value)
    {
        ReportSchema schema = edition.Schema;
        CellInfo cell = schema.Cells.Single(c => c.Key == key);
        ReportCells cells = ReportCells.FromValues(schema, new long[schema.CellCount]).With(cell.Ordinal, Cell.Text("MARK"));
        string json = ReportJson.ToJson(schema, ReportInfo.Empty, cells);
        const string mark = "{\"state\":\"text\",\"raw\":\"MARK\"}";
        Assert.Contains(mark, json);
        return ReportJson.Read(edition, json.Replace(mark, value, StringComparison.Ordinal));
    }

    [Fact]
    public void A_money_unit_other_than_the_cells_is_named_in_the_finding()
    {
        Assert.Equal("万元", Report2021.Schema.Cells.Single(c => c.Key == "t2.a8.fee.amount").Unit);
        ReportJsonReadResult read = With(Report2021.Edition, "t2.a8.fee.amount", "\"5元\"");
        Assert.Equal(ReportDiagnostics.MoneyUnitMismatch.Id, Assert.Single(read.Diagnostics).Id);
        Assert.Contains("\"5元\"", read.Diagnostics[0].Message);
        Assert.Contains("万元", read.Diagnostics[0].Message);
        Assert.Equal(CellState.Number, read.Cells!["t2.a8.fee.amount"].State);
    }

    [Theory]
    [InlineData("\"5元\"")]
    [InlineData("\"5万元\"")]
    public void A_money_cell_without_a_unit_takes_any_money_unit(string value)
    {
        CellInfo cell = Report2019.Schema.Cells.Single(c => c.Key == "t2.a9.procurement.amount");
        Assert.Equal((ValueKind.Money, string.Empty), (cell.Kind, cell.Unit));
        ReportJsonReadResult read = With(Report2019.Edition, cell.Key, value);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(CellState.Number, read.Cells![cell.Ordinal].State);
    }
}
