using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// What a JSON report reads as: money written as the decimal amount, cells returned only for the edition asked for,
/// and every finding located at its line and column in a multi-line document.
/// </summary>
public sealed class ReportJsonReadTests
{
    private static readonly ReportEdition Edition = Report2021.Edition;
    private static ReportSchema Schema => Edition.Schema;
    private static CellInfo MoneyCell => Schema.Cells.First(c => c.Kind == ValueKind.Money && c.Scale > 0 && !c.IsDerived);
    private static CellInfo CountCell => Schema.Cells.First(c => c.Kind == ValueKind.Count && !c.IsDerived);

    private static string Json(ReportCells cells, bool indented = false) =>
        ReportJson.ToJson(Schema, new ReportInfo { Agency = "某某局", Year = 2021 }, cells, indented);

    private static ReportCells Zeros() => ReportCells.FromValues(Schema, new long[Schema.CellCount]);

    [Fact]
    public void Money_is_written_as_its_decimal_amount_and_counts_as_whole_numbers_and_both_read_back()
    {
        CellInfo money = MoneyCell;
        CellInfo count = CountCell;
        long scaled = 123456 * Pow10(money.Scale) / 100; // 1234.56 units
        ReportCells cells = Zeros().With(money.Ordinal, Cell.Number(scaled, money.Scale)).With(count.Ordinal, Cell.Number(42));
        string json = Json(cells);

        string leaf = Schema.Cells[money.Ordinal].ColumnKey;
        Assert.Matches("\"" + Regex.Escape(leaf) + "\":1234\\.56[,}]", json);
        Assert.Matches("\"" + Regex.Escape(count.ColumnKey) + "\":42[,}]", json);

        ReportJsonReadResult read = ReportJson.Read(Edition, json);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(cells, read.Cells);
        Assert.Equal(1234.56m, read.Cells![money.Ordinal].Amount);
    }

    [Fact]
    public void A_whole_money_amount_is_scaled_when_read()
    {
        CellInfo money = MoneyCell;
        string json = Json(Zeros().With(money.Ordinal, Cell.Number(5 * Pow10(money.Scale), money.Scale)));
        ReportJsonReadResult read = ReportJson.Read(Edition, json);
        Assert.Equal(5m, read.Cells![money.Ordinal].Amount);
        Assert.Equal(5 * Pow10(money.Scale), read.Cells[money.Ordinal].Value);
    }

    [Fact]
    public void A_report_of_another_edition_returns_no_cells_and_says_which_edition_was_expected()
    {
        string json = Json(Zeros()).Replace("\"edition\":\"" + Schema.Edition + "\"", "\"edition\":\"1999\"");
        ReportJsonReadResult read = ReportJson.Read(Edition, json);
        Assert.Null(read.Cells);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal(ReportDiagnostics.UnknownEdition.Id, d.Id);
        Assert.Equal("edition \"1999\" is not known here; expected " + Schema.Edition, d.Message);
        Assert.Equal(new SourceSpan(1, 2, 0), d.Location.Span);
    }

    [Fact]
    public void A_report_without_an_edition_returns_no_cells()
    {
        string json = Json(Zeros()).Replace("\"edition\":\"" + Schema.Edition + "\",", string.Empty);
        ReportJsonReadResult read = ReportJson.Read(Edition, json);
        Assert.Null(read.Cells);
        Assert.Equal("edition \"(none)\" is not known here; expected " + Schema.Edition, Assert.Single(read.Diagnostics).Message);
    }

    [Fact]
    public void A_finding_in_a_multi_line_document_is_located_at_its_line_and_column()
    {
        string json = Json(Zeros(), indented: true);
        string[] lines = json.Split('\n');
        int target = Enumerable.Range(lines.Length / 2, lines.Length / 2).First(i => lines[i].TrimStart().StartsWith('"')); // a property line
        string indent = new string(' ', lines[target].Length - lines[target].TrimStart().Length);
        lines[target] = indent + "\"surplus\": 1," + "\n" + lines[target];
        string edited = string.Join("\n", lines);

        ReportJsonReadResult read = ReportJson.Read(Edition, edited);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal(ReportDiagnostics.UnknownProperty.Id, d.Id);
        Assert.Equal(new SourceSpan(target + 1, indent.Length + 1, 0), d.Location.Span);
        Assert.NotNull(read.Cells);
    }

    [Fact]
    public void A_finding_on_the_last_line_and_one_on_the_first_are_located_there()
    {
        string json = Json(Zeros(), indented: true);
        int close = json.LastIndexOf('}');
        string edited = "{\"extra\":true,\n" + json.Substring(1, close - 1) + ",\"late\":2\n}";
        ReportJsonReadResult read = ReportJson.Read(Edition, edited);
        Assert.Equal(2, read.Diagnostics.Length);
        Assert.Equal(new SourceSpan(1, 2, 0), read.Diagnostics[0].Location.Span);
        int lastLine = edited.Split('\n').Length - 1;
        string line = edited.Split('\n')[lastLine - 1];
        Assert.Equal(new SourceSpan(lastLine, line.IndexOf("\"late\"", System.StringComparison.Ordinal) + 1, 0), read.Diagnostics[1].Location.Span);
    }

    [Theory]
    [InlineData("{\"edition\":\"2021\",\"agency\":1}", true, "2021", JsonTokenType.String)]
    [InlineData("{\"t4\":{\"edition\":\"x\"},\"edition\":null}", true, null, JsonTokenType.Null)]
    [InlineData("{\"edition\":{\"y\":1}}", true, "an object", JsonTokenType.StartObject)]
    [InlineData("{\"edition\":[1]}", true, "an array", JsonTokenType.StartArray)]
    [InlineData("{\"edition\":20.50}", true, "20.50", JsonTokenType.Number)]
    [InlineData("{\"agency\":\"a\"}", true, null, JsonTokenType.None)]
    [InlineData("[{\"edition\":\"2021\"}]", false, null, JsonTokenType.None)]
    [InlineData("", false, null, JsonTokenType.None)]
    [InlineData("{\"agency\":", false, null, JsonTokenType.None)]
    public void The_edition_is_found_without_reading_the_rest(string json, bool found, string? edition, JsonTokenType token)
    {
        bool ok = ReportJson.TryReadEdition(System.Text.Encoding.UTF8.GetBytes(json), out string? e, out JsonTokenType t);
        Assert.Equal((found, edition, token), (ok, e, t));
    }

    [Fact]
    public void Invalid_utf8_is_located_at_its_line_and_column_and_named_by_byte_offset()
    {
        byte[] head = System.Text.Encoding.UTF8.GetBytes("{\n\"agency\":\"é");
        byte[] bytes = head.Concat(new byte[] { 0xFF }).Concat(System.Text.Encoding.UTF8.GetBytes("\"}")).ToArray();
        ReportJsonReadResult read = ReportJson.Read(Edition, bytes);
        Assert.Null(read.Cells);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal(ReportDiagnostics.MalformedJson.Id, d.Id);
        Assert.Contains("invalid UTF-8 at byte offset " + head.Length, d.Message);
        Assert.Equal(new SourceSpan(2, head.Length - 2 + 1, 0), d.Location.Span);
    }

    [Fact]
    public void A_converter_reads_the_report_from_its_reader_and_its_findings_carry_no_line()
    {
        string json = Json(Zeros()).Replace("{\"edition\"", "{\"extra\":1,\"edition\"");
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        ReportJsonReadResult read = ReportJson.Read(ref reader, Edition);
        Assert.Equal(Zeros(), read.Cells);
        Assert.Equal("某某局", read.Info.Agency);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal(ReportDiagnostics.UnknownProperty.Id, d.Id);
        Assert.False(d.Location.Span.IsKnown);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
    }

    [Fact]
    public void A_count_written_in_a_money_unit_or_with_decimals_is_kept_as_text()
    {
        CellInfo count = CountCell;
        ReportJsonReadResult read = ReportJson.Read(Edition, Json(Zeros()).Replace("\"" + count.ColumnKey + "\":0", "\"" + count.ColumnKey + "\":1.5"));
        Assert.Empty(read.Diagnostics);
        Assert.Equal((CellState.Text, "1.5"), (read.Cells![count.Ordinal].State, read.Cells[count.Ordinal].Raw));
    }

    private static long Pow10(int n)
    {
        long p = 1;
        for (int i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }
}
