using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Reports.Core.Bulk;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Infrastructure;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Validation;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// Issue 13's repros, one regression test each: hostile input never throws, never changes a value without a word,
/// and a read error never yields a validated report.
/// </summary>
public sealed class HostileInputTests
{
    private static string ValidJson() =>
        (Support.RandomReports.Build2021(12).Report! with { Info = new ReportInfo { Agency = "某某局", Year = 2021 } }).ToJson();

    // The first cell t3.new.np of a valid report, with its number replaced by `replacement` (the number is given to it).
    private static string WithNewNp(Func<string, string> replacement)
    {
        string json = ValidJson();
        Match m = Regex.Match(json, "\"new\":\\{\"np\":(\\d+)");
        Assert.True(m.Success);
        Group number = m.Groups[1];
        return json.Substring(0, number.Index) + replacement(number.Value) + json.Substring(number.Index + number.Length);
    }

    private static void AssertNeverValid(string json)
    {
        Assert.False(Report2021.FromJson(json).IsValid);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Report2021>(json));
        Assert.False(new BulkValidator().ValidateLine(Encoding.UTF8.GetBytes(json), 1).IsValid);
    }

    // ---- No exception escapes ----------------------------------------------------------------------------------

    [Fact]
    public void Invalid_utf8_is_RC1101_with_its_byte_offset_in_ReportJson_and_ValidateLine()
    {
        byte[] line = Encoding.ASCII.GetBytes("{\"edition\":\"20").Concat(new byte[] { 0xC3, (byte)'(' }).Concat(Encoding.ASCII.GetBytes("21\"}")).ToArray();
        ReportJsonReadResult read = ReportJson.Read(Report2021.Edition, line);
        Assert.Null(read.Cells);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal("RC1101", d.Id);
        Assert.Contains("invalid UTF-8 at byte offset 14", d.Message);
        Assert.Equal(new SourceSpan(1, 15, 0), d.Location.Span);

        BulkResult result = new BulkValidator().ValidateLine(line, 3);
        Assert.False(result.IsValid);
        Assert.Equal("RC1101", Assert.Single(result.Diagnostics).Id);
        Assert.Equal(3, result.Diagnostics[0].Location.Span.Line);
    }

    [Fact]
    public void An_escaped_lone_surrogate_and_a_lone_surrogate_in_a_string_are_RC1101()
    {
        Assert.Equal("RC1101", Assert.Single(Report2021Draft.FromJson("{\"edition\":\"2021\",\"agency\":\"\\ud800\"}").Diagnostics).Id);
        Assert.Equal("RC1101", Assert.Single(Report2021Draft.FromJson("{\"edition\":\"2021\",\"agency\":\"\ud800\"}").Diagnostics).Id);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Report2021Draft>("{\"edition\":\"2021\",\"agency\":\"\\ud800\"}"));
    }

    [Fact]
    public async Task A_stream_with_an_invalid_utf8_line_goes_on_with_the_next_line()
    {
        byte[] good = Encoding.UTF8.GetBytes(ValidJson());
        byte[] bad = Encoding.ASCII.GetBytes("{\"edition\":\"20").Concat(new byte[] { 0xC3, (byte)'(' }).Concat(Encoding.ASCII.GetBytes("21\"}")).ToArray();
        var input = new MemoryStream(good.Concat(new[] { (byte)'\n' }).Concat(bad).Concat(new[] { (byte)'\n' }).Concat(good).ToArray());
        var results = new System.Collections.Generic.List<BulkResult>();
        BulkSummary summary = await new BulkValidator().RunAsync(input, results.Add);
        Assert.Equal(new long[] { 1, 2, 3 }, results.Select(r => r.LineNumber).ToArray());
        Assert.Equal(new[] { true, false, true }, results.Select(r => r.IsValid).ToArray());
        Assert.Equal("RC1101", Assert.Single(results[1].Diagnostics).Id);
    }

    [Fact]
    public void A_money_amount_beyond_decimal_is_RC1004_on_every_path()
    {
        const string json = "{\"edition\":\"2021\",\"t2\":{\"a8\":{\"fee\":{\"amount\":9999999999999999999999999999}}}}";
        DraftReadResult<Report2021Draft> read = Report2021Draft.FromJson(json);
        Assert.NotNull(read.Draft);
        Diagnostic d = Assert.Single(read.Draft!.Validate().Diagnostics, x => x.Location.CellKey == "t2.a8.fee.amount");
        Assert.Equal("RC1004", d.Id);
        Assert.Contains("9999999999999999999999999999", d.Message);
        Assert.False(Report2021.FromJson(json).IsValid);
        Assert.NotNull(JsonSerializer.Deserialize<Report2021Draft>(json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Report2021>(json));
        Assert.Contains(new BulkValidator().ValidateLine(Encoding.UTF8.GetBytes(json), 1).Diagnostics, x => x.Id == "RC1004");
        Assert.False(Money.TryToScaled(decimal.MaxValue, 4, out _));
        Assert.False(Money.TryToScaled(9999999999999999999999999999m, 4, out _));
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("1e30")]
    public void A_count_beyond_64_bits_is_RC1004_not_unreadable(string number)
    {
        string json = WithNewNp(_ => number);
        Diagnostic d = Assert.Single(Report2021.FromJson(json).Diagnostics, x => x.Location.CellKey == "t3.new.np" && x.IsError);
        Assert.Equal("RC1004", d.Id);
        Assert.Equal("RC1004", Assert.Single(Report2021.Validate(Report2021Draft.Empty with
        {
            Cells = Report2021Draft.Empty.Cells.With(0, CellParser.Parse("99999999999999999999件")),
        }).Diagnostics, x => x.Location.CellKey == Report2021.Schema.Cells[0].Key && x.IsError).Id);
    }

    [Fact]
    public void ValidateLine_with_a_line_number_beyond_int_does_not_throw()
    {
        var validator = new BulkValidator();
        BulkResult unknown = validator.ValidateLine("{\"edition\":\"2099\"}"u8, 2147483648L);
        Assert.Equal(2147483648L, unknown.LineNumber);
        Assert.Equal("RC1201", Assert.Single(unknown.Diagnostics).Id);
        Assert.Contains("2147483648", unknown.Diagnostics[0].Message);
        Assert.False(unknown.Diagnostics[0].Location.Span.IsKnown);

        BulkResult malformed = validator.ValidateLine("{\"edition\":\"2021\","u8, 2147483648L);
        Assert.Equal("RC1101", Assert.Single(malformed.Diagnostics).Id);
        Assert.True(validator.ValidateLine(Encoding.UTF8.GetBytes(ValidJson()), long.MaxValue).IsValid);
        Assert.Equal(SourceSpan.ForLine(5), BulkValidator.Relocate(malformed.Diagnostics[0], 5, null).Location.Span);
        Assert.False(BulkValidator.Relocate(malformed.Diagnostics[0], 2147483648L, null).Location.Span.IsKnown);
    }

    [Fact]
    public void A_line_that_fails_unexpectedly_is_one_RC1203_finding_and_the_stream_goes_on()
    {
        var validator = new BulkValidator(new BulkOptions { Editions = new ReportEdition[] { new ThrowingEdition() } });
        BulkResult result = validator.ValidateLine("{\"edition\":\"2021\",\"year\":2021}"u8, 9);
        Assert.False(result.IsValid);
        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnostics.BulkLineFailed, d.Descriptor);
        Assert.Contains("InvalidOperationException: boom", d.Message);
        Assert.Equal(9, d.Location.Span.Line);
    }

    // ---- Nothing changes silently ------------------------------------------------------------------------------

    [Fact]
    public void A_duplicate_member_in_a_cell_object_is_RC1105_quoting_both_values()
    {
        string json = WithNewNp(_ => "{\"value\":7,\"value\":2}");
        DraftReadResult<Report2021Draft> read = Report2021Draft.FromJson(json);
        Diagnostic d = Assert.Single(read.Diagnostics, x => x.Id == "RC1105");
        Assert.Contains("t3.new.np.value", d.Message);
        Assert.Contains("values 7 and 2", d.Message);
        AssertNeverValid(json);
    }

    [Fact]
    public void A_cell_given_twice_is_RC1105_quoting_both_values()
    {
        string json = WithNewNp(n => "7,\"np\":" + n);
        Diagnostic d = Assert.Single(Report2021Draft.FromJson(json).Diagnostics, x => x.Id == "RC1105");
        Assert.Equal("t3.new.np", d.Location.CellKey);
        Assert.Contains("values 7 and ", d.Message);
        AssertNeverValid(json);
    }

    [Fact]
    public void A_located_cell_given_twice_quotes_its_first_reading_whole()
    {
        string json = WithNewNp(n => "{\"value\":7,\"raw\":\"7件\",\"line\":167,\"column\":3,\"length\":2},\"np\":" + n);
        Diagnostic d = Assert.Single(Report2021Draft.FromJson(json).Diagnostics, x => x.Id == "RC1105");
        Assert.Contains("\"raw\":\"7件\"", d.Message);
        Assert.Contains("\"line\":167,\"column\":3,\"length\":2", d.Message); // the first reading's location is not lost
        AssertNeverValid(json);
    }

    [Theory]
    [InlineData("blank")]
    [InlineData("missing")]
    [InlineData("text")]
    [InlineData("notApplicable")]
    public void A_state_that_contradicts_the_value_is_an_error(string state)
    {
        string json = WithNewNp(_ => "{\"state\":\"" + state + "\",\"value\":999}");
        Diagnostic d = Assert.Single(Report2021Draft.FromJson(json).Diagnostics, x => x.Id == "RC1103");
        Assert.Contains("999", d.Message);
        Assert.Contains(state, d.Message);
        AssertNeverValid(json);
    }

    [Fact]
    public void A_tiny_exponent_in_a_count_is_an_error_not_zero()
    {
        string json = WithNewNp(_ => "1e-400");
        Report2021Draft draft = Report2021Draft.FromJson(json).Draft!;
        Assert.Equal(CellState.Text, draft["t3.new.np"].State);
        Assert.Equal("1e-400", draft["t3.new.np"].Raw);
        Assert.Equal("RC1005", Assert.Single(draft.Validate().Diagnostics, x => x.Location.CellKey == "t3.new.np").Id);
        AssertNeverValid(json);

        // Exact numbers in other spellings still read as what they are.
        Report2021Draft exact = Report2021Draft.FromJson(WithNewNp(n => n + ".000e0")).Draft!;
        Report2021Draft plain = Report2021Draft.FromJson(WithNewNp(n => n)).Draft!;
        Assert.Equal(plain["t3.new.np"], exact["t3.new.np"]);
        Assert.Equal(CellState.Number, Report2021Draft.FromJson(WithNewNp(_ => "0e-400")).Draft!["t3.new.np"].State);
        Assert.Equal(12, Report2021Draft.FromJson(WithNewNp(_ => "1.2e1")).Draft!["t3.new.np"].Value);
    }

    [Fact]
    public void An_unknown_property_quotes_the_numbers_it_holds()
    {
        string json = ValidJson().Replace("\"t3\":{", "\"t3\":{\"totals\":{\"np\":999,\"biz\":[12,{\"x\":34}]},", StringComparison.Ordinal);
        Diagnostic d = Assert.Single(Report2021Draft.FromJson(json).Diagnostics, x => x.Id == "RC1102");
        Assert.Contains("t3.totals", d.Message);
        Assert.Contains("999", d.Message);
        Assert.Contains("12", d.Message);
        Assert.Contains("34", d.Message);
    }

    [Theory]
    [InlineData("1,2", null)]
    [InlineData("12,34", null)]
    [InlineData("1234,567", null)]
    [InlineData(",123", null)]
    [InlineData("1,234", 1234L)]
    [InlineData("12,345,678", 12345678L)]
    [InlineData("1，234", 1234L)]
    [InlineData("1,234.5", null)] // a count keeps no decimals
    public void Digit_grouping_is_accepted_only_in_groups_of_three(string text, long? expected)
    {
        Cell cell = CellParser.Parse(text);
        Assert.Equal(expected is null ? CellState.Text : CellState.Number, cell.State);
        Assert.Equal(expected ?? 0, cell.Value);
        Assert.Equal(12345, CellParser.Parse("12,345.0", 0).Value);
        Assert.Equal(CellState.Text, CellParser.Parse("1,23.5", 2).State);
    }

    [Fact]
    public void A_unit_must_fit_the_kind_of_the_cell()
    {
        Assert.Equal(CellState.Text, CellParser.Parse("3元").State);
        Assert.Equal(CellState.Text, CellParser.Parse("3万元").State);
        Assert.Equal(3, CellParser.Parse("3件").Value);
        CellInfo amount = Report2021.Schema.Cells.Single(c => c.Key == "t2.a8.fee.amount");
        CellInfo count = Report2021.Schema.Cells.Single(c => c.Key == "t3.new.np");
        Assert.Equal(CellState.Text, CellParser.Parse("3件", amount, default, out _).State);
        Assert.Equal(3_000_000, CellParser.Parse("3万元", amount, default, out string? unit).Value); // 万元 kept to six decimals (the fen)
        Assert.Equal("万元", unit);
        Assert.Equal(CellState.Text, CellParser.Parse("3元", count, default, out _).State);

        string json = WithNewNp(_ => "\"3元\"");
        Assert.Equal("RC1005", Assert.Single(Report2021.FromJson(json).Diagnostics, x => x.Location.CellKey == "t3.new.np").Id);
        AssertNeverValid(json);
    }

    [Fact]
    public void A_money_unit_other_than_the_cells_is_reported_on_the_JSON_path()
    {
        string json = ValidJson();
        json = Regex.Replace(json, "\"fee\":\\{\"amount\":[0-9.]+", "\"fee\":{\"amount\":\"3940元\"");
        DraftReadResult<Report2021Draft> read = Report2021Draft.FromJson(json);
        Diagnostic d = Assert.Single(read.Diagnostics, x => x.Id == "RC2013");
        Assert.Equal("t2.a8.fee.amount", d.Location.CellKey);
        Assert.Contains("3940元", d.Message);
        Assert.Contains("万元", d.Message);
    }

    [Theory]
    [InlineData("\"3940万元\"", 3940_000000L)] // the template's own unit
    [InlineData("\"3940\"", 3940_000000L)] // no unit: the template's
    [InlineData("\"0元\"", 0L)] // nothing is nothing in any unit
    public void Money_written_in_the_templates_unit_or_as_zero_raises_no_unit_finding(string value, long scaled)
    {
        string json = Regex.Replace(ValidJson(), "\"fee\":\\{\"amount\":[0-9.]+", "\"fee\":{\"amount\":" + value);
        DraftReadResult<Report2021Draft> read = Report2021Draft.FromJson(json);
        Assert.DoesNotContain(read.Diagnostics, x => x.Id == "RC2013");
        Assert.Equal(scaled, read.Draft!.Cells[Report2021.Schema.Cells.Single(c => c.Key == "t2.a8.fee.amount").Ordinal].Value);
    }

    // ---- Read errors block -------------------------------------------------------------------------------------

    [Theory]
    [InlineData("\"agency\":\"a\",\"agency\":\"b\",", "RC1105")]
    [InlineData("\"year\":\"2021年\",", "RC1106")]
    [InlineData("\"t9\":[1],\"t3\":{\"new\":true},", "RC1106")]
    public void A_read_error_never_becomes_a_validated_report(string inserted, string id)
    {
        string valid = ValidJson();
        Assert.True(Report2021.FromJson(valid).IsValid);
        string json = valid.Replace("{\"edition\":\"2021\",", "{\"edition\":\"2021\"," + inserted, StringComparison.Ordinal)
            .Replace(",\"agency\":\"某某局\"", string.Empty, StringComparison.Ordinal).Replace(",\"year\":2021", string.Empty, StringComparison.Ordinal);
        ValidationResult<Report2021> result = Report2021.FromJson(json);
        Assert.Contains(result.Diagnostics, d => d.Id == id);
        AssertNeverValid(json);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Report2021Draft>(json));
    }

    [Fact]
    public void A_missing_edition_is_RC1104_for_both_editions_never_a_default()
    {
        string json = ValidJson().Replace("\"edition\":\"2021\",", string.Empty, StringComparison.Ordinal);
        foreach (DraftReadResultBase read in new[] { new DraftReadResultBase(Report2021Draft.FromJson(json)), new DraftReadResultBase(Report2019Draft.FromJson(json)) })
        {
            Assert.False(read.HasDraft);
            Diagnostic d = Assert.Single(read.Diagnostics, x => x.Id == "RC1104");
            Assert.Contains("(none)", d.Message);
        }

        Assert.False(Report2019.FromJson(json).IsValid);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Report2019>(json));
        BulkResult line = new BulkValidator().ValidateLine(Encoding.UTF8.GetBytes(json), 1);
        Assert.False(line.IsValid);
        Assert.Equal(ReportDiagnostics.UnknownEdition, Assert.Single(line.Diagnostics).Descriptor); // RC1104, not the bulk-only RC1201
        Assert.Contains("(none)", line.Diagnostics[0].Message);
        Assert.Equal("RC1104", new BulkValidator().ValidateLine("{\"edition\":null,\"year\":2021}"u8, 2).Diagnostics.Single().Id);
        Assert.Equal("RC1201", new BulkValidator().ValidateLine("{\"edition\":\"2099\"}"u8, 3).Diagnostics.Single().Id);

        // The converters and the one-call file reader say the same.
        JsonException converter = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Report2021Draft>(json));
        Assert.Contains("RC1104", converter.Message);
        Import.ReportFileResult file = Import.ReportFile.Read(Encoding.UTF8.GetBytes(json), "no-edition.json", ".json");
        Assert.False(file.IsValid);
        Assert.Equal("RC1104", Assert.Single(file.Diagnostics, d => d.IsError).Id);
    }

    // ---- API nits ----------------------------------------------------------------------------------------------

    [Fact]
    public void Default_views_read_zero_or_missing_instead_of_throwing()
    {
        Assert.Equal(0, default(Report2021.ApplicationsRow).Total);
        Assert.Equal(0, default(Report2021.ApplicationsRow).NaturalPerson);
        Assert.Equal(0, default(Report2021.ApplicationsTable).NewReceived.Total);
        Assert.Equal(0m, default(Report2021.Item8Row).Amount);
        Assert.Equal(CellState.Missing, default(Report2021Draft.ApplicationsRow).Total.State);
    }

    [Fact]
    public void A_draft_or_report_with_null_info_validates_and_serializes_as_empty_metadata()
    {
        Report2021Draft draft = Support.RandomReports.Build2021(3).Report!.ToDraft() with { Info = null! };
        Assert.Same(ReportInfo.Empty, draft.Info);
        ValidationResult<Report2021> result = draft.Validate();
        Assert.True(result.IsValid);
        Report2021 report = result.Report! with { Info = null! };
        Assert.Equal(ReportInfo.Empty, report.Info);
        Assert.True(Report2021.FromJson(report.ToJson()).IsValid);
    }

    [Fact]
    public void Builder_totals_return_the_derived_value()
    {
        var builder = new Report2021Builder();
        builder.Applications.NewReceived.NaturalPerson = 5;
        builder.Applications.NewReceived.CommercialEnterprise = 2;
        builder.Applications.CarriedIn.NaturalPerson = 1;
        builder.Applications.Results.Granted.NaturalPerson = 4;
        builder.Applications.CarriedOut.NaturalPerson = 2;
        builder.Applications.CarriedOut.CommercialEnterprise = 2;
        builder.ReviewAndLitigation.Review.Upheld = 3;
        builder.ReviewAndLitigation.Review.Corrected = 1;
        Assert.Equal(7, builder.Applications.NewReceived.Total);
        Assert.Equal(4, builder.ReviewAndLitigation.Review.Total);
        Assert.Equal(4, builder.Applications.Results.Total.NaturalPerson);   // （七）总计, a total of totals' parts
        Assert.Equal(4, builder.Applications.Results.Total.Total);
        Report2021 built = builder.Build().Report ?? throw new InvalidOperationException("H3 does not hold in this example");
        Assert.Equal(built.Applications.NewReceived.Total, builder.Applications.NewReceived.Total);
    }

    private sealed class DraftReadResultBase
    {
        public DraftReadResultBase(DraftReadResult<Report2021Draft> r) => (HasDraft, Diagnostics) = (r.Draft is not null, r.Diagnostics);

        public DraftReadResultBase(DraftReadResult<Report2019Draft> r) => (HasDraft, Diagnostics) = (r.Draft is not null, r.Diagnostics);

        public bool HasDraft { get; }

        public System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics { get; }
    }

    // An edition whose identity code fails: stands for any defect that makes a line throw.
    private sealed class ThrowingEdition : ReportEdition
    {
        public override ReportSchema Schema => Report2021.Schema;

        public override bool HoldsAll(ReadOnlySpan<long> values) => throw new InvalidOperationException("boom");

        public override void EvaluateIdentities(ReadOnlySpan<long> values, IdentityFindings findings) => throw new InvalidOperationException("boom");

        public override IReportDraft CreateDraft(ReportInfo info, ReportCells cells) => Report2021.Edition.CreateDraft(info, cells);

        protected override IValidatedReport CreateValidated(ReportInfo info, long[] values) => throw new InvalidOperationException("boom");
    }
}
