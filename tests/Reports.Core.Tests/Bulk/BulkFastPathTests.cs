using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Reports.Core.Bulk;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Infrastructure;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Tests.Support;
using Reports.Core.Validation;
using Xunit;

namespace Reports.Core.Tests.Bulk;

/// <summary>
/// What the allocation-free fast path of bulk validation promises: a clean report is clean there whatever its values
/// (up to each cell's limit) and whatever the order of its members after the edition, without allocating; a line it is
/// not sure of gets exactly the full reader's findings (two values out of range, a year read after the cells, a cell
/// written twice); and a line whose validation fails unexpectedly is one finding, never an exception.
/// </summary>
public sealed class BulkFastPathTests
{
    private static readonly ReportEdition Edition = Report2021.Edition;

    // A valid report of random values (the first seed from `seed` with no finding at all), without agency.
    private static string CleanLine(int seed) => BulkLines.ValidLine(Edition, seed, 2023, agency: null);

    private static string WithCell(string key, long value)
    {
        long[] values = new long[Edition.Schema.CellCount];
        Assert.True(Edition.Schema.TryGetCell(key, out CellInfo cell));
        values[cell.Ordinal] = value;
        return ReportJson.ToJson(Edition.Schema, new ReportInfo { Year = 2023 }, ReportCells.FromValues(Edition.Schema, values));
    }

    // Every object's members in reverse order, the top level's "edition" kept first.
    private static string Reversed(string line)
    {
        static JsonNode? Reverse(JsonNode? node)
        {
            if (node is not JsonObject obj)
            {
                return node?.DeepClone();
            }

            var copy = new JsonObject();
            foreach (var (name, value) in obj.Reverse())
            {
                copy[name] = Reverse(value);
            }

            return copy;
        }

        var top = (JsonObject)Reverse(JsonNode.Parse(line))!;
        var result = new JsonObject { ["edition"] = top["edition"]!.DeepClone() };
        foreach (var (name, value) in top.Where(p => p.Key != "edition"))
        {
            result[name] = value?.DeepClone();
        }

        return result.ToJsonString();
    }

    private static FastJsonValidator.Outcome Classify(string line) =>
        FastJsonValidator.Classify(Encoding.UTF8.GetBytes(line), new[] { new FastJsonValidator.Edition(Edition) }, out _, out _);

    private static long AllocatedBy(BulkValidator validator, byte[] line)
    {
        for (int i = 0; i < 20; i++)
        {
            Assert.True(validator.ValidateLine(line, 1).IsValid);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            validator.ValidateLine(line, 1);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void SameAsFullPath(string line)
    {
        BulkResult bulk = new BulkValidator().ValidateLine(Encoding.UTF8.GetBytes(line), 1);
        ReportJsonReadResult read = ReportJson.Read(Edition, line);
        var full = read.Diagnostics.ToList();
        bool valid = false;
        if (read.Cells is not null)
        {
            ValidationResult<IValidatedReport> validated = Edition.Validate(Edition.CreateDraft(read.Info, read.Cells));
            full.AddRange(validated.Diagnostics);
            valid = validated.IsValid && !read.Diagnostics.Any(d => d.IsError);
        }

        Assert.Equal(valid, bulk.IsValid);
        Assert.Equal(full.Select(d => d.Id + " " + d.Message), bulk.Diagnostics.Select(d => d.Id + " " + d.Message));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(900)]
    public void A_clean_report_of_any_values_in_any_member_order_is_clean_on_the_fast_path_without_allocating(int seed)
    {
        string line = CleanLine(seed);
        var validator = new BulkValidator();
        foreach (string form in new[] { line, Reversed(line) })
        {
            Assert.Equal(FastJsonValidator.Outcome.Clean, Classify(form));
            Assert.True(FastJsonValidator.TryValidate(Encoding.UTF8.GetBytes(form), new[] { new FastJsonValidator.Edition(Edition) }, out FastJsonValidator.Edition? taken));
            Assert.Same(Edition, taken!.Report);
            Assert.Equal(0, AllocatedBy(validator, Encoding.UTF8.GetBytes(form)));
        }
    }

    [Fact]
    public void A_value_at_its_cells_limit_is_clean_and_one_past_it_is_the_full_readers()
    {
        // A count no identity reads, so that only its range decides.
        CellInfo cell = Edition.Schema.Cells.First(c => c.Kind == ValueKind.Count
            && !Edition.Schema.Identities.Any(i => i.Left.Contains(c.Ordinal) || i.Right.Contains(c.Ordinal)));
        Assert.Equal(FastJsonValidator.Outcome.Clean, Classify(WithCell(cell.Key, cell.MaxValue)));
        Assert.Equal(0, AllocatedBy(new BulkValidator(), Encoding.UTF8.GetBytes(WithCell(cell.Key, cell.MaxValue))));
        SameAsFullPath(WithCell(cell.Key, cell.MaxValue + 1));
    }

    [Fact]
    public void Lines_the_fast_path_is_not_sure_of_get_the_full_readers_findings()
    {
        // Two values out of range (neither in an identity), and the same with the year, outside the edition, after them.
        long[] values = new long[Edition.Schema.CellCount];
        CellInfo[] free = Edition.Schema.Cells.Where(c => c.Kind == ValueKind.Count
            && !Edition.Schema.Identities.Any(i => i.Left.Contains(c.Ordinal) || i.Right.Contains(c.Ordinal))).Take(2).ToArray();
        Assert.Equal(2, free.Length); // counts no identity reads: only their range speaks
        values[free[0].Ordinal] = -1;
        values[free[1].Ordinal] = -2;
        string twoOut = ReportJson.ToJson(Edition.Schema, new ReportInfo { Year = 2023 }, ReportCells.FromValues(Edition.Schema, values));
        Assert.NotEqual(FastJsonValidator.Outcome.Clean, Classify(twoOut));
        SameAsFullPath(twoOut);

        string yearLast = twoOut.Replace("\"year\":2023,", string.Empty, StringComparison.Ordinal);
        yearLast = yearLast.Substring(0, yearLast.Length - 1) + ",\"year\":2015}";
        Assert.NotEqual(FastJsonValidator.Outcome.Clean, Classify(yearLast));
        SameAsFullPath(yearLast);

        // A cell written twice.
        string clean = CleanLine(3);
        int at = clean.IndexOf("\"issued\":", StringComparison.Ordinal);
        int end = clean.IndexOf(',', at);
        string twice = clean.Insert(end + 1, clean.Substring(at, end - at + 1));
        Assert.Equal(FastJsonValidator.Outcome.Unknown, Classify(twice));
        SameAsFullPath(twice);
    }

    [Fact]
    public void A_result_said_valid_must_name_its_edition()
    {
        ArgumentException refused = Assert.Throws<ArgumentException>(() => new BulkResult(1, null, true, default));
        Assert.StartsWith("A valid line has an edition.", refused.Message, StringComparison.Ordinal);
        Assert.Equal("edition", refused.ParamName);
    }

    [Fact]
    public void A_line_that_is_not_utf8_is_the_readers_finding_at_its_line()
    {
        byte[] line = Encoding.UTF8.GetBytes(CleanLine(5));
        line[40] = 0xFF;
        BulkResult result = new BulkValidator().ValidateLine(line, 7);
        Diagnostic finding = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportJson.Read(Edition, line).Diagnostics.Single().Message, finding.Message);
        Assert.Equal(7, finding.Location.Span.Line);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void A_line_whose_validation_fails_unexpectedly_is_one_finding_at_its_line_and_the_run_goes_on()
    {
        var failing = new FailingEdition(Edition);
        var validator = new BulkValidator(new BulkOptions { Editions = new ReportEdition[] { failing }, SourceName = "c.ndjson" });
        BulkResult result = validator.ValidateLine(Encoding.UTF8.GetBytes(CleanLine(5)), 12);

        Diagnostic finding = Assert.Single(result.Diagnostics);
        Assert.Equal(ReportDiagnostics.BulkLineFailed.Id, finding.Id);
        Assert.Equal((12, "c.ndjson"), (finding.Location.Span.Line, finding.Location.Source));
        Assert.Equal("line 12 could not be processed (InvalidOperationException: checks failed); the run went on with the next line", finding.Message);
        Assert.False(result.IsValid);
        Assert.Null(result.Edition);
    }

    [Fact]
    public async Task Validating_no_stream_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(async () =>
        {
            await foreach (BulkResult _ in new BulkValidator().ValidateAsync(null!))
            {
            }
        });
    }

    private sealed class FailingEdition : ReportEdition
    {
        private readonly ReportEdition _inner;

        public FailingEdition(ReportEdition inner) => _inner = inner;

        public override ReportSchema Schema => _inner.Schema;

        public override bool HoldsAll(ReadOnlySpan<long> values) => throw new InvalidOperationException("checks failed");

        public override void EvaluateIdentities(ReadOnlySpan<long> values, IdentityFindings findings) => throw new InvalidOperationException("checks failed");

        public override IReportDraft CreateDraft(ReportInfo info, ReportCells cells) => _inner.CreateDraft(info, cells);

        protected override IValidatedReport CreateValidated(ReportInfo info, long[] values) => throw new InvalidOperationException("checks failed");
    }
}
