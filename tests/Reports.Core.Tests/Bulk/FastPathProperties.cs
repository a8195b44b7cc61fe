using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using Reports.Core.Bulk;
using Reports.Core.Cells;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Tests.Support;
using Reports.Core.Validation;
using Xunit;
using static Reports.Core.Tests.Bulk.BulkLines;

namespace Reports.Core.Tests.Bulk;

/// <summary>
/// The laws of the bulk fast path: it says "clean" exactly for the lines that read and validate without any finding,
/// it hands the numbers it read to validation unchanged, and anything it is not sure of goes to the full reader.
/// </summary>
public sealed class FastPathProperties
{
    private static readonly FastJsonValidator.Edition[] Fast = RandomReports.Editions.Select(e => new FastJsonValidator.Edition(e)).ToArray();

    private static FastJsonValidator.Outcome Classify(string line, out FastJsonValidator.Edition? edition, out ReportInfo? info) =>
        FastJsonValidator.Classify(Encoding.UTF8.GetBytes(line), Fast, out edition, out info);

    private static FastJsonValidator.Outcome Classify(string line) => Classify(line, out _, out _);



    [Fact]
    public void A_line_is_clean_on_the_fast_path_exactly_when_the_full_path_finds_nothing_and_its_numbers_are_the_full_paths()
    {
        // Valid reports, with one number nudged (often breaking an identity, a range or the year) or not.
        Gen<(int Edition, int Seed, int Nudge, long By, bool Year)> lines =
            from edition in Gen.Choose(0, RandomReports.Editions.Length - 1)
            from seed in PropertyConfig.Seeds.Generator
            from nudge in Gen.Choose(-1, 400)
            from delta in Gen.Elements(-1L, 1L, 3_000_000_000L)
            from year in Gen.Elements(true, false)
            select (edition, seed, nudge, delta, year);
        Prop.ForAll(lines.ToArbitrary(), l =>
        {
            ReportEdition edition = RandomReports.Editions[l.Edition];
            ReportCells cells = ReportCells.FromValues(edition.Schema, RandomReports.Build(edition, l.Seed).Values);
            if (l.Nudge >= 0)
            {
                int ordinal = l.Nudge % edition.Schema.CellCount;
                cells = cells.With(ordinal, Cell.Number(cells.Values[ordinal] + l.By, edition.Schema.Cells[ordinal].Scale));
            }

            string line = ReportJson.ToJson(edition.Schema, new ReportInfo { Year = l.Year ? edition.Schema.FromYear : 1990 }, cells);
            FastJsonValidator.Outcome outcome = Classify(line, out FastJsonValidator.Edition? fast, out ReportInfo? info);
            (bool clean, ReportCells? read) = FullPath(edition, line);
            bool agrees = (outcome == FastJsonValidator.Outcome.Clean) == clean;
            bool sameNumbers = outcome == FastJsonValidator.Outcome.Unknown
                || (ReferenceEquals(fast!.Report, edition) && FastJsonValidator.Values(fast).SequenceEqual(read!.Values));
            bool sameInfo = outcome != FastJsonValidator.Outcome.Numbers || info!.Year == (l.Year ? edition.Schema.FromYear : 1990);
            return agrees && sameNumbers && sameInfo && outcome != FastJsonValidator.Outcome.Unknown;
        }).Check(PropertyConfig.Default);
    }

    [Fact]
    public void A_valid_report_of_each_edition_is_clean_on_the_fast_path_with_its_metadata_or_without()
    {
        foreach (ReportEdition edition in RandomReports.Editions)
        {
            Assert.Equal(FastJsonValidator.Outcome.Clean, Classify(ValidLine(edition, 3, edition.Schema.FromYear), out var fast, out _));
            Assert.Same(edition, fast!.Report);
            Assert.Equal(FastJsonValidator.Outcome.Clean, Classify(ValidLine(edition, 3, null)));
            string withSource = ValidLine(edition, 3, null).Replace("\"agency\":", "\"source\":\"a.txt\",\"agency\":", StringComparison.Ordinal);
            Assert.Equal(FastJsonValidator.Outcome.Clean, Classify(withSource));
            string nulls = ValidLine(edition, 3, null).Replace("\"agency\":\"", "\"year\":null,\"source\":null,\"agency\":\"", StringComparison.Ordinal);
            Assert.Equal(FastJsonValidator.Outcome.Clean, Classify(nulls));
        }
    }

    [Fact]
    public void Numbers_outside_the_edition_hand_over_the_metadata_as_written()
    {
        ReportEdition edition = Report2021.Edition;
        string line = ValidLine(edition, 5, edition.Schema.FromYear!.Value - 1)
            .Replace("\"agency\":", "\"source\":\"样本.txt\",\"agency\":", StringComparison.Ordinal);
        Assert.Equal(FastJsonValidator.Outcome.Numbers, Classify(line, out _, out ReportInfo? info));
        Assert.Equal(("某某局", edition.Schema.FromYear - 1, "样本.txt"), (info!.Agency, info.Year, info.Source));

        string noMetadata = ValidLine(edition, 5, 1990).Replace("\"agency\":\"某某局\",", string.Empty, StringComparison.Ordinal);
        Assert.Equal(FastJsonValidator.Outcome.Numbers, Classify(noMetadata, out _, out ReportInfo? bare));
        Assert.Equal((null, 1990, (string?)null), (bare!.Agency, bare.Year, bare.Source));
    }

    public static IEnumerable<object[]> Unsure() => new[]
    {
        new object[] { "\"edition\":\"2021\",", "\"edition\":\"2021\",\"edition\":\"2021\"," },  // the edition twice
        new object[] { "{\"edition\"", "{\"agency\":null,\"edition\"" },                          // edition not first
        new object[] { "\"edition\":\"2021\"", "\"edition\":\"202\\u0031\"" },                   // escaped edition
        new object[] { "{\"edition\"", "{\"\\u0065dition\"" },                                    // escaped name
        new object[] { "\"edition\":\"2021\"", "\"edition\":2021" },
        new object[] { "\"edition\":\"2021\"", "\"edition\":\"2030\"" },
        new object[] { "\"agency\":\"某某局\"", "\"agency\":\"某\\u67d0局\"" },                    // escaped metadata
        new object[] { "\"agency\":\"某某局\"", "\"agency\":\"某某局\",\"agency\":null" },
        new object[] { "\"agency\":\"某某局\"", "\"agency\":7" },
        new object[] { "\"agency\":\"某某局\"", "\"agency\":\"某某局\",\"source\":1" },
        new object[] { "\"agency\":\"某某局\"", "\"agency\":\"某某局\",\"source\":null,\"source\":null" },
        new object[] { "\"year\":2021", "\"year\":2021,\"year\":2021" },
        new object[] { "\"year\":2021", "\"year\":\"2021\"" },
        new object[] { "\"year\":2021", "\"year\":2021.5" },
        new object[] { "\"year\":2021", "\"year\":99999999999" },
        new object[] { "\"year\":2021", "\"year\":2021,\"note\":1" },                            // an unknown property
        new object[] { "\"t4\":{", "\"t4\":{\"note\":1," },                                      // an unknown nested property
        new object[] { "\"t4\":{", "\"t4\":{\"t\\u0034\":1," },                                  // an escaped nested name
        new object[] { "\"t4\":{\"rev\":{\"upheld\":", "\"t4\":{\"rev\":{\"upheld\":null,\"upheld\":" },  // a cell twice
        new object[] { "\"t4\":{\"rev\":{\"upheld\":", "\"t4\":{\"rev\":\"x\",\"rev2\":{\"upheld\":" },  // text for an object
    };

    [Theory]
    [MemberData(nameof(Unsure))]
    public void A_line_the_fast_path_is_not_sure_of_goes_to_the_full_reader(string find, string replace)
    {
        string line = ValidLine(Report2021.Edition, 12, 2021);
        Assert.Contains(find, line);
        int at = line.IndexOf(find, StringComparison.Ordinal);
        string edited = line.Substring(0, at) + replace + line.Substring(at + find.Length);
        Assert.Equal(FastJsonValidator.Outcome.Unknown, Classify(edited));
    }

    [Theory]
    [InlineData("1.0")]                    // a fraction in a count
    [InlineData("1e0")]                    // an exponent
    [InlineData("1234567890123456789")]    // 19 digits
    [InlineData("\"1\"")]                  // text
    [InlineData("null")]                   // blank
    [InlineData("{\"value\":1}")]          // a cell object
    public void A_count_written_other_than_as_plain_digits_goes_to_the_full_reader(string written)
    {
        string line = ValidLine(Report2021.Edition, 12, 2021);
        const string cell = "\"t4\":{\"rev\":{\"upheld\":";
        int at = line.IndexOf(cell, StringComparison.Ordinal) + cell.Length;
        int end = at;
        while (char.IsDigit(line[end]))
        {
            end++;
        }

        Assert.Equal(FastJsonValidator.Outcome.Unknown, Classify(line.Substring(0, at) + written + line.Substring(end)));
    }

    [Fact]
    public void Plain_digits_up_to_eighteen_and_a_minus_sign_read_on_the_fast_path()
    {
        string line = ValidLine(Report2021.Edition, 12, 2021);
        const string cell = "\"t4\":{\"rev\":{\"upheld\":";
        int at = line.IndexOf(cell, StringComparison.Ordinal) + cell.Length;
        int end = at;
        while (char.IsDigit(line[end]))
        {
            end++;
        }

        int ordinal = Report2021.Schema.TryGetCell(Report2021Keys.ReviewAndLitigation.Review.Upheld, out var info) ? info.Ordinal : -1;
        foreach ((string written, long value) in new[] { ("123456789012345678", 123456789012345678L), ("-5", -5L), ("0", 0L), ("-0", 0L) })
        {
            Assert.NotEqual(FastJsonValidator.Outcome.Unknown, Classify(line.Substring(0, at) + written + line.Substring(end), out var fast, out _));
            Assert.Equal(value, FastJsonValidator.Values(fast!)[ordinal]);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"edition\":\"2021\"}")]                 // no cell
    [InlineData("{\"edition\":\"2021\"")]                  // cut short
    [InlineData("{\"edition\":\"2021\",\"t4\":{\"rev\":{")] // cut short inside the cells
    public void An_incomplete_line_is_never_clean(string line) =>
        Assert.Equal(FastJsonValidator.Outcome.Unknown, Classify(line));

    [Fact]
    public void A_line_missing_one_cell_or_followed_by_more_json_goes_to_the_full_reader()
    {
        string line = ValidLine(Report2021.Edition, 12, 2021);
        Assert.Equal(FastJsonValidator.Outcome.Unknown, Classify(line + "{}"));
        string cell = "\"upheld\":";
        int at = line.IndexOf("\"t4\":{\"rev\":{" + cell, StringComparison.Ordinal) + "\"t4\":{\"rev\":{".Length;
        int end = line.IndexOf(',', at) + 1;
        Assert.Equal(FastJsonValidator.Outcome.Unknown, Classify(line.Substring(0, at) + line.Substring(end)));
    }

    [Fact]
    public async Task A_byte_order_mark_and_carriage_returns_do_not_change_what_a_corpus_validates_to()
    {
        string line = ValidLine(Report2021.Edition, 12, 2021);
        byte[] plain = Encoding.UTF8.GetBytes(line + "\n" + line + "\n");
        byte[] windows = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(line + "\r\n \t\r\n" + line + "\r\n")).ToArray();
        var summary = await new BulkValidator().RunAsync(new MemoryStream(plain));
        var withMarks = new List<BulkResult>();
        await foreach (BulkResult r in new BulkValidator().ValidateAsync(new MemoryStream(windows)))
        {
            withMarks.Add(r);
        }

        Assert.Equal((2L, 2L, 2L), (summary.Reports, summary.Valid, summary.Clean));
        Assert.Equal(new long[] { 1, 3 }, withMarks.Select(r => r.LineNumber));
        Assert.All(withMarks, r => Assert.True(r.IsValid && r.Diagnostics.IsEmpty));
    }
}
