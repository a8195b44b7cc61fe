using System;
using System.Linq;
using System.Text;
using Reports.Core.Diagnostics;
using Reports.Core.Import.Grid;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>
/// Work bounds of the HTML reader on pathological shapes (issue 13), counted in elementary steps
/// (<see cref="HtmlTableReader.Operations"/>) and grid cells, never in wall time; each cap is one RC2019 finding.
/// </summary>
public sealed class HtmlLimitTests
{
    private static string Nested(int depth, string tag = "div") =>
        "<html><body>" + string.Concat(Enumerable.Repeat("<" + tag + ">", depth)) + "深处 7" + string.Concat(Enumerable.Repeat("</" + tag + ">", depth)) + "<p>之后</p></body></html>";

    private static string RowspanBomb(int cells) =>
        "<table><tr>" + string.Concat(Enumerable.Repeat("<td rowspan=256 colspan=64>1</td>", cells)) + "</tr>"
        + string.Concat(Enumerable.Repeat("<tr><td>2</td></tr>", 300)) + "</table>";

    [Theory]
    [InlineData(10_000)]
    [InlineData(100_000)]
    public void Deep_nesting_is_read_in_linear_work_with_one_finding(int depth)
    {
        string html = Nested(depth);
        var reader = new HtmlTableReader();
        GridTable grid = reader.Read(html);
        Assert.True(reader.Operations <= 20L * html.Length, reader.Operations + " steps for " + html.Length + " characters");
        Diagnostic finding = Assert.Single(reader.Findings);
        Assert.Equal(ImportDiagnostics.ImportLimitReached, finding.Descriptor);
        Assert.Equal("RC2019", finding.Id);
        Assert.Contains("element nesting (256 levels)", finding.Message);
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);

        // Nothing is lost: the text deep down and after the nest is still read.
        Assert.Contains(grid.Rows, r => r.Text.Contains("深处 7", StringComparison.Ordinal));
        Assert.Contains(grid.Rows, r => r.Text == "之后");
    }

    [Fact]
    public void Work_grows_linearly_with_nesting_depth()
    {
        var reader = new HtmlTableReader();
        reader.Read(Nested(20_000));
        long small = reader.Operations;
        reader.Read(Nested(80_000));
        long large = reader.Operations;
        Assert.InRange((double)large / small, 3.0, 5.0); // four times the input, about four times the work
    }

    [Fact]
    public void Nesting_below_the_cap_reads_as_before_without_a_finding()
    {
        var reader = new HtmlTableReader();
        GridTable grid = reader.Read(Nested(200, "section") + "<table><tr><td>a</td><td>1</td></tr></table>");
        Assert.Empty(reader.Findings);
        Assert.Contains(grid.Rows, r => r.Text.Contains("深处 7", StringComparison.Ordinal));
        Assert.Contains(grid.Rows, r => r.IsTableRow && r.Cells.Select(c => c.Text).SequenceEqual(new[] { "a", "1" }));
    }

    [Fact]
    public void A_rowspan_bomb_stays_within_the_expanded_cell_budget_with_one_finding()
    {
        string html = RowspanBomb(120); // 120 × 256 × 64 ≈ 2 million positions if every span were expanded
        var reader = new HtmlTableReader();
        GridTable grid = reader.Read(html);
        int cells = grid.Rows.Sum(r => r.Cells.Length);
        int written = 120 + 300;
        Assert.True(cells <= written + HtmlTableReader.MaxExpandedCells, cells + " cells");
        Assert.True(reader.Operations <= 4L * (html.Length + HtmlTableReader.MaxExpandedCells), reader.Operations + " steps");
        Diagnostic finding = Assert.Single(reader.Findings);
        Assert.Equal("RC2019", finding.Id);
        Assert.Contains("rowspan/colspan", finding.Message);
        Assert.Equal(1, finding.Location.Span.Line);

        // The spans within the budget are expanded as before; every written value is still there.
        Assert.Equal(120, grid.Rows[0].Cells.Count(c => c.Text == "1"));
        Assert.Equal(300, grid.Rows.Skip(1).Count(r => r.Cells.Any(c => c.Text == "2")));
    }

    [Fact]
    public void Twice_the_bomb_costs_no_more_grid_cells()
    {
        var reader = new HtmlTableReader();
        int Cells(int n) => reader.Read(RowspanBomb(n)).Rows.Sum(r => r.Cells.Length);
        int once = Cells(120);
        int twice = Cells(240);
        Assert.True(twice - once <= 120, once + " then " + twice); // only the 120 written cells more
    }

    [Fact]
    public void Ordinary_spans_expand_as_before()
    {
        var reader = new HtmlTableReader();
        GridTable grid = reader.Read("<table><tr><td rowspan=\"3\">A</td><td colspan=\"3\">B</td></tr><tr><td>1</td></tr><tr><td>2</td><td>3</td></tr></table>");
        Assert.Empty(reader.Findings);
        var rows = grid.Rows.Where(r => r.IsTableRow).Select(r => string.Join("|", r.Cells.Select(c => c.Text))).ToArray();
        Assert.Equal(new[] { "A|B||", "|1", "|2|3" }, rows);
    }

    [Fact]
    public void Deep_nesting_inside_a_table_cell_keeps_the_table()
    {
        var html = new StringBuilder("<table><tr><td>总计</td><td>");
        html.Append(string.Concat(Enumerable.Repeat("<span>", 5000))).Append("42").Append(string.Concat(Enumerable.Repeat("</span>", 5000)));
        html.Append("</td></tr></table>");
        var reader = new HtmlTableReader();
        GridTable grid = reader.Read(html.ToString());
        Assert.Single(reader.Findings);
        Assert.Contains(grid.Rows, r => r.IsTableRow && r.Cells.Select(c => c.Text).SequenceEqual(new[] { "总计", "42" }));
    }
}
