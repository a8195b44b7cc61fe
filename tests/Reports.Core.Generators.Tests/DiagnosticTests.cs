using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Reports.Core.Generators.Tests;

/// <summary>Every RCG id is reported for a deliberately broken schema, with its severity and the position of the offending text.</summary>
public sealed class DiagnosticTests
{
    private const string File = "broken.report-schema.json";

    [Fact]
    public void RCG001_truncated_json_is_reported_at_the_end_of_the_text()
    {
        string schema = TestSchemas.Hotline.Substring(0, GeneratorHarness.IndexOf(TestSchemas.Hotline, "\"tables\""));

        Diagnostic d = Single(schema, "RCG001", DiagnosticSeverity.Error, schema.Length);
        Assert.Contains("not valid JSON", d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(0, d.Location.SourceSpan.Length);
    }

    [Fact]
    public void RCG001_bad_token_is_reported_at_the_token()
    {
        string schema = TestSchemas.Hotline.Replace("\"edition\": \"hotline-2024\"", "\"edition\": hotline", StringComparison.Ordinal);

        Diagnostic d = Single(schema, "RCG001", DiagnosticSeverity.Error, GeneratorHarness.IndexOf(schema, "hotline,"));
        Assert.Equal(1, d.Location.SourceSpan.Length);
    }

    [Fact]
    public void RCG002_duplicate_row_key_is_reported_at_the_second_key()
    {
        string schema = TestSchemas.Hotline.Replace(
            "{ \"key\": \"online\", \"name\": \"Online\"", "{ \"key\": \"phone\", \"name\": \"Online\"", StringComparison.Ordinal);

        Diagnostic d = Single(schema, "RCG002", DiagnosticSeverity.Error, GeneratorHarness.IndexOf(schema, "\"phone\"", 2), "RCG002", "RCG005");
        Assert.Equal("Duplicate row key 'phone' in 't1'", d.GetMessage());
        Assert.Equal("\"phone\"".Length, d.Location.SourceSpan.Length);
    }

    [Fact]
    public void RCG002_keys_that_are_one_json_property_name_are_reported_at_the_second_key()
    {
        // "phone_" is "phone" in JSON (camelCase drops underscores): both rows would write t1.phone.received.
        string schema = TestSchemas.Hotline
            .Replace("{ \"key\": \"online\", \"name\": \"Online\"", "{ \"key\": \"phone_\", \"name\": \"Online\"", StringComparison.Ordinal)
            .Replace("\"parts\": [\"phone\", \"online\"]", "\"parts\": [\"phone\", \"phone_\"]", StringComparison.Ordinal);

        Diagnostic d = Single(schema, "RCG002", DiagnosticSeverity.Error, GeneratorHarness.IndexOf(schema, "\"phone_\""));
        Assert.Equal("Duplicate JSON property 't1.phone.received': cells 't1.phone.received' and 't1.phone_.received' have the same name in JSON (keys are written in camelCase)", d.GetMessage());
    }

    [Fact]
    public void RCG002_two_identities_with_one_id_are_reported_at_the_second_id()
    {
        string schema = TestSchemas.Hotline.Replace("{ \"id\": \"S1\"", "{ \"id\": \"H1\"", StringComparison.Ordinal);

        Diagnostic d = Single(schema, "RCG002", DiagnosticSeverity.Error, GeneratorHarness.IndexOf(schema, "\"H1\"", 2));
        Assert.Equal("Duplicate identity id 'H1'", d.GetMessage());
    }

    [Fact]
    public void RCG004_decimals_that_reach_a_count_cell_are_reported_once_at_the_decimals()
    {
        string schema = TestSchemas.Hotline.Replace("\"unit\": \"件\",", "\"unit\": \"件\",\n      \"decimals\": 2,", StringComparison.Ordinal);
        Assert.NotEqual(TestSchemas.Hotline, schema);

        Diagnostic d = Single(schema, "RCG004", DiagnosticSeverity.Error, GeneratorHarness.IndexOf(schema, "2,\n      \"columns\""));
        Assert.Equal("'decimals' applies to money cells only, but it reaches the count cell 't1.phone.received'", d.GetMessage());
    }

    [Fact]
    public void RCG002_duplicate_json_property_is_reported_at_the_second_name()
    {
        string schema = TestSchemas.Hotline.Replace("\"title\": \"政务服务热线季度统计表\",", "\"title\": \"政务服务热线季度统计表\",\n  \"title\": \"again\",", StringComparison.Ordinal);

        Diagnostic d = Single(schema, "RCG002", DiagnosticSeverity.Error, GeneratorHarness.IndexOf(schema, "\"title\"", 2));
        Assert.Equal("Duplicate JSON property 'title'", d.GetMessage());
    }

    [Fact]
    public void RCG003_missing_title_is_reported_at_the_object_that_lacks_it()
    {
        string schema = TestSchemas.Hotline.Replace("  \"title\": \"政务服务热线季度统计表\",\n", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("\"title\": \"政务", schema, StringComparison.Ordinal);

        Diagnostic d = Single(schema, "RCG003", DiagnosticSeverity.Error, schema.IndexOf('{', StringComparison.Ordinal));
        Assert.Equal("'title' is required in the schema", d.GetMessage());
    }

    [Fact]
    public void RCG004_invalid_key_is_reported_at_the_value()
    {
        string schema = TestSchemas.Hotline.Replace("{ \"key\": \"online\"", "{ \"key\": \"Bad-Key\"", StringComparison.Ordinal);

        // The row then counts as keyless (RCG003) and H1's part 'online' is gone (RCG005): follow-on errors, listed after the cause.
        Diagnostic d = Single(schema, "RCG004", DiagnosticSeverity.Error, GeneratorHarness.IndexOf(schema, "\"Bad-Key\""), "RCG004", "RCG003", "RCG005");
        Assert.Contains("snake_case", d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("\"Bad-Key\"".Length, d.Location.SourceSpan.Length);
    }

    [Fact]
    public void RCG005_unknown_identity_part_is_reported_at_the_part()
    {
        string schema = TestSchemas.Hotline.Replace("\"parts\": [\"phone\", \"online\"]", "\"parts\": [\"phone\", \"nope\"]", StringComparison.Ordinal);

        Diagnostic d = Single(schema, "RCG005", DiagnosticSeverity.Error, GeneratorHarness.IndexOf(schema, "\"nope\""));
        Assert.Equal("Identity H1 refers to 'nope', which is not a row of table 't1'", d.GetMessage());
    }

    [Fact]
    public void RCG005_unknown_identity_table_is_reported_at_the_table_value()
    {
        string schema = TestSchemas.Hotline.Replace("\"id\": \"H1\", \"title\": \"合计等于各渠道之和\", \"table\": \"t1\"", "\"id\": \"H1\", \"title\": \"合计等于各渠道之和\", \"table\": \"t9\"", StringComparison.Ordinal);

        Single(schema, "RCG005", DiagnosticSeverity.Error, GeneratorHarness.IndexOf(schema, "\"t9\""));
    }

    [Fact]
    public void RCG006_identity_mixing_money_and_count_is_reported_at_the_identity()
    {
        string schema = TestSchemas.Hotline.Replace(
            "{ \"key\": \"resolved\", \"name\": \"Resolved\", \"label\": \"办结数量\" }",
            "{ \"key\": \"resolved\", \"name\": \"Resolved\", \"label\": \"办结数量\" },\n        { \"key\": \"cost\", \"name\": \"Cost\", \"label\": \"费用\", \"kind\": \"money\", \"unit\": \"万元\", \"decimals\": 2 }",
            StringComparison.Ordinal).Replace("\"left\": [\"resolved\"]", "\"left\": [\"cost\"]", StringComparison.Ordinal);

        // Reported once per identity, at the identity, not once per row it applies to.
        Diagnostic d = Single(schema, "RCG006", DiagnosticSeverity.Error, GeneratorHarness.IndexOf(schema, "{ \"id\": \"S1\""));
        Assert.Equal("Identity S1 mixes t1.phone.cost (money, 万元) and t1.phone.received (count, 件)", d.GetMessage());
    }

    [Fact]
    public void RCG007_unknown_property_is_a_warning_at_the_name_and_code_is_still_generated()
    {
        string schema = TestSchemas.Hotline.Replace("\"name\": \"Phone\", \"label\"", "\"name\": \"Phone\", \"lable\"", StringComparison.Ordinal);

        GeneratorRun run = GeneratorHarness.Run(File, schema);
        Diagnostic d = AssertAt(run, schema, "RCG007", DiagnosticSeverity.Warning, GeneratorHarness.IndexOf(schema, "\"lable\""));
        Assert.Equal("Unknown property 'lable' in a row is ignored", d.GetMessage());

        // The row then lacks its required label (RCG003) — an error, so nothing is generated.
        Assert.Contains(run.GeneratorDiagnostics, x => x.Id == "RCG003");
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void RCG007_alone_does_not_block_generation()
    {
        string schema = TestSchemas.Hotline.Replace("\"aliases\": [\"（二）网上\"]", "\"aliases\": [\"（二）网上\"], \"remark\": \"x\"", StringComparison.Ordinal);

        GeneratorRun run = GeneratorHarness.Run(File, schema);
        AssertAt(run, schema, "RCG007", DiagnosticSeverity.Warning, GeneratorHarness.IndexOf(schema, "\"remark\""));
        Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(new[] { "HotlineReport.g.cs" }, run.EditionHintNames());
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void RCG008_summation_cycle_is_reported_at_an_identity_of_the_cycle()
    {
        string schema = TestSchemas.Hotline.Replace(
            "\"total\": \"total\", \"parts\": [\"phone\", \"online\"] },",
            "\"total\": \"total\", \"parts\": [\"phone\", \"online\"] },\n    { \"id\": \"H2\", \"title\": \"cycle\", \"table\": \"t1\", \"along\": \"rows\", \"total\": \"phone\", \"parts\": [\"total\"] },",
            StringComparison.Ordinal);

        GeneratorRun run = GeneratorHarness.Run(File, schema);
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RCG008", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("form a cycle through cell 't1.", d.GetMessage(), StringComparison.Ordinal);
        FileLinePositionSpan span = d.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.PathOf(File), span.Path);
        LinePosition h1 = GeneratorHarness.PositionOf(schema, GeneratorHarness.IndexOf(schema, "{ \"id\": \"H1\""));
        LinePosition h2 = GeneratorHarness.PositionOf(schema, GeneratorHarness.IndexOf(schema, "{ \"id\": \"H2\""));
        Assert.Contains(span.StartLinePosition, new[] { h1, h2 });
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void RCG009_identity_whose_columns_no_row_has_is_a_warning_at_the_identity()
    {
        // Two blocks with different columns; S9 needs 'issued' and 'spent', which no data row has together.
        const string schema = """
{
  "formatVersion": 1,
  "edition": "blocks-1",
  "typeName": "BlocksReport",
  "namespace": "Test.Gen",
  "title": "分块表",
  "tables": [
    {
      "key": "t2",
      "label": "二、分块",
      "rows": [
        { "key": "a", "label": "甲", "columns": [ { "key": "issued", "label": "制发" }, { "key": "repealed", "label": "废止" } ],
          "rows": [ { "key": "x", "label": "甲一" }, { "key": "y", "label": "甲二" } ] },
        { "key": "b", "label": "乙", "columns": [ { "key": "spent", "label": "支出", "kind": "money", "unit": "", "decimals": 0 } ],
          "rows": [ { "key": "z", "label": "乙一" } ] }
      ]
    }
  ],
  "identities": [
    { "id": "S9", "title": "nowhere", "table": "t2", "along": "columns",
      "left": ["repealed"], "relation": "<=", "right": ["spent"], "severity": "warning" }
  ]
}
""";

        GeneratorRun run = GeneratorHarness.Run(File, schema);
        Diagnostic d = AssertAt(run, schema, "RCG009", DiagnosticSeverity.Warning, GeneratorHarness.IndexOf(schema, "{ \"id\": \"S9\""));
        Assert.Equal("Identity S9 applies to no row or column of table 't2'", d.GetMessage());
        Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(new[] { "BlocksReport.g.cs" }, run.EditionHintNames());
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Misspelt_column_in_an_along_columns_identity_is_an_error_at_the_typo()
    {
        // Rows lacking a referenced column are skipped, but a reference that no row has is a typo: RCG005, not RCG009.
        string schema = TestSchemas.Hotline.Replace("\"left\": [\"resolved\"]", "\"left\": [\"resolvd\"]", StringComparison.Ordinal);

        GeneratorRun run = GeneratorHarness.Run(File, schema);
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RCG005", d.Id);
        Assert.Equal(GeneratorHarness.PositionOf(schema, GeneratorHarness.IndexOf(schema, "\"resolvd\"")), d.Location.GetLineSpan().StartLinePosition);
    }

    [Fact]
    public void RCG010_unreadable_file_is_reported_against_the_file()
    {
        GeneratorRun run = GeneratorHarness.Run(new InMemoryAdditionalText(GeneratorHarness.PathOf(File), null));

        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RCG010", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("The schema could not be processed: the file could not be read", d.GetMessage());
        Assert.Equal(GeneratorHarness.PathOf(File), d.Location.GetLineSpan().Path);
        Assert.Equal(new LinePosition(0, 0), d.Location.GetLineSpan().StartLinePosition);
        Assert.Empty(run.Sources);
    }

    public static TheoryData<string> BrokenSchemas => new()
    {
        string.Empty,
        "{",
        "[]",
        "{}",
        "null",
        "{ \"tables\": 3 }",
        "{ \"tables\": [ { \"key\": \"t1\", \"rows\": [ { \"rows\": [] } ] } ] }",
        "{ \"tables\": [ { \"key\": \"t1\", \"label\": \"x\", \"columns\": [ { \"columns\": [ { \"columns\": [] } ] } ], \"rows\": [ { \"label\": \"r\" } ] } ] }",
        "{ \"identities\": [ 1, { \"id\": \"H\" }, { \"id\": \"H\", \"table\": \"t\", \"along\": \"x\" } ] }",
        new string('[', 500) + new string(']', 500),
        TestSchemas.Hotline.Replace("\"along\": \"rows\"", "\"along\": \"diagonal\"", StringComparison.Ordinal),
        TestSchemas.Hotline.Replace("\"relation\": \"<=\"", "\"relation\": \"<\"", StringComparison.Ordinal),
        TestSchemas.Hotline.Replace("\"kind\": \"count\"", "\"kind\": \"money\"", StringComparison.Ordinal),
        TestSchemas.Hotline.Replace("\"name\": \"Requests\"", "\"name\": \"HotlineReport\"", StringComparison.Ordinal),
        TestSchemas.Hotline.Replace("\"name\": \"Online\"", "\"name\": \"Phone\"", StringComparison.Ordinal),
        TestSchemas.Hotline.Replace("\"name\": \"Online\"", "\"name\": \"class\"", StringComparison.Ordinal),
    };

    [Theory]
    [MemberData(nameof(BrokenSchemas))]
    public void Broken_schema_never_throws_reports_an_error_and_generates_nothing(string schema)
    {
        GeneratorRun run = GeneratorHarness.Run(File, schema);

        Assert.Null(run.Result.Exception);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("RCG", StringComparison.Ordinal));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "RCG010");
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal(GeneratorHarness.PathOf(File), d.Location.GetLineSpan().Path));
        Assert.Empty(run.Sources);
    }

    /// <summary>Runs the schema, checks the first <paramref name="id"/> and that exactly <paramref name="all"/> ids (default: just that one) were reported in order.</summary>
    private static Diagnostic Single(string schema, string id, DiagnosticSeverity severity, int index, params string[] all)
    {
        GeneratorRun run = GeneratorHarness.Run(File, schema);
        Assert.Null(run.Result.Exception);
        Diagnostic d = AssertAt(run, schema, id, severity, index);
        Assert.True(
            run.GeneratorDiagnostics.Select(x => x.Id).SequenceEqual(all.Length == 0 ? new[] { id } : all),
            string.Join("\n", run.GeneratorDiagnostics.Select(x => x.ToString())));
        Assert.All(run.GeneratorDiagnostics.Where(x => x.Id == id), x => Assert.Equal(d.Location, x.Location));
        Assert.Empty(run.Sources);
        return d;
    }

    private static Diagnostic AssertAt(GeneratorRun run, string schema, string id, DiagnosticSeverity severity, int index)
    {
        Diagnostic? d = run.GeneratorDiagnostics.FirstOrDefault(x => x.Id == id);
        Assert.True(d is not null, "Expected " + id + ", got: " + string.Join("\n", run.GeneratorDiagnostics.Select(x => x.ToString())));
        Assert.Equal(severity, d!.Severity);
        Assert.Equal(LocationKind.ExternalFile, d.Location.Kind);
        FileLinePositionSpan span = d.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.PathOf(File), span.Path);
        Assert.Equal(GeneratorHarness.PositionOf(schema, index), span.StartLinePosition);
        Assert.Equal(index, d.Location.SourceSpan.Start);
        return d;
    }
}
