using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>
/// Issue 13's importer repros, one regression test each: a sentence, a title or a row label never loses the report;
/// glued-digit and garbage inputs cost a bounded amount of work (allocated bytes, counted, never timed); garbage is one
/// RC2001; an import error never becomes a validated report; <see cref="ImportResult.TableEditions"/> is read-only.
/// </summary>
public sealed class HostileImportTests
{
    private static readonly string Sample = Samples.Read(Samples.S004);

    private static ImportResult Import(string text) => new ReportImporter().Import(text, "hostile.txt");

    private static void AssertNoInternalError(ImportResult result) =>
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("internal error", StringComparison.Ordinal));

    // The cells of Tables 2–4 read from the text, as their state and value.
    private static List<(CellState, long)> Cells(ImportResult result)
    {
        ReportCells cells = Assert.IsAssignableFrom<IReportDraft>(result.Draft).Cells;
        return Enumerable.Range(0, cells.Count).Select(i => (cells[i].State, cells[i].Value)).ToList();
    }

    [Theory]
    [InlineData("结果维持99999999999999999999件。")] // a count beyond 64 bits in the narrative
    [InlineData("20٢١ 年度政府信息公开工作报告")]      // Arabic-Indic digits in a title
    [InlineData("共收到申请 ٣٤٥ 件，办结 １２ 件。")]    // other scripts' digits in a sentence
    public void A_hostile_sentence_before_the_tables_never_loses_the_report(string sentence)
    {
        string text = Sample.Replace("一、总体情况", sentence + "\n\n一、总体情况", StringComparison.Ordinal);
        ImportResult result = Import(text);
        AssertNoInternalError(result);
        Assert.Equal(Cells(Import(Sample)), Cells(result));
    }

    [Theory]
    [InlineData("行政复议3件，结果维持99999999999999999999件。")] // an outcome count beyond 64 bits
    [InlineData("行政复议3件，结果维持٣件。")]                   // an outcome in Arabic-Indic digits
    [InlineData("行政诉讼3件，结果纠正٢١件。")]
    public void A_hostile_outcome_in_the_narrative_is_not_compared_and_loses_nothing(string sentence)
    {
        string text = Sample.Replace("一、总体情况", "一、总体情况\n\n" + sentence, StringComparison.Ordinal);
        ImportResult result = Import(text);
        AssertNoInternalError(result);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "RC2026");
        Assert.Equal(Cells(Import(Sample)), Cells(result));
    }

    [Theory]
    [InlineData(1L, true)]                  // the check is live: 5 stated, the rows sum to their count
    [InlineData(long.MaxValue / 2, false)]  // rows whose sum exceeds 64 bits: not compared, never a wrapped negative sum
    public void Narrative_sums_beyond_64_bits_never_wrap(long each, bool reported)
    {
        var schema = Editions.Report2021.Schema;
        ReportCells.Builder builder = ReportCells.CreateBuilder(schema);
        int rows = 0;
        foreach (var cell in schema.Cells.Where(c => c.Key.StartsWith("t3.r.withheld.", StringComparison.Ordinal) && c.ColumnKey == "tot"))
        {
            builder[cell.Ordinal] = Cell.Number(each);
            rows++;
        }

        Assert.True(rows >= 3, rows + " rows");
        var narrative = new List<Grid.GridRow> { new(1, new[] { new Grid.GridCell("不予公开5件", new SourceSpan(1, 1, 6)) }, isTableRow: false) };
        List<Diagnostic> found = Narrative.NarrativeChecker.Check(narrative, builder.ToCells(), "n.txt").ToList();
        Assert.Equal(reported, found.Any(d => d.Id == "RC2011"));
        Assert.DoesNotContain(found, d => d.Message.Contains("-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_label_numbered_in_Arabic_Indic_digits_never_loses_the_report()
    {
        string text = Sample.Replace("3. 危及“三安全一稳定”", "٣. 危及“三安全一稳定”", StringComparison.Ordinal);
        Assert.NotEqual(Sample, text);
        ImportResult result = Import(text);
        AssertNoInternalError(result);
        Assert.NotNull(result.Draft);
        Assert.True(Cells(result).Count(c => c.Item1 == CellState.Number) > 50);
    }

    [Fact]
    public void A_short_text_with_a_40_digit_run_under_the_total_row_costs_bounded_work()
    {
        string text = "三、收到和处理政府信息公开申请情况\n（七）总计 " + new string('7', 40) + "\n";
        (ImportResult result, long bytes) = Measure(text);
        AssertNoInternalError(result);
        Assert.True(bytes < 32L << 20, bytes + " bytes allocated for " + text.Length + " characters");
    }

    [Fact]
    public void A_report_with_its_rows_as_60_digit_runs_costs_bounded_work()
    {
        // Every row of numbers becomes one 60-digit run (the glued-digit search visits a bounded number of nodes).
        string[] lines = Sample.Split('\n');
        int glued = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            string[] cells = lines[i].Split('\t');
            int numbers = cells.Count(c => c.Trim().Length > 0 && c.Trim().All(char.IsAsciiDigit));
            if (numbers >= 3)
            {
                lines[i] = string.Join("\t", cells.TakeWhile(c => !(c.Trim().Length > 0 && c.Trim().All(char.IsAsciiDigit)))) + "\t" + new string('3', 60);
                glued++;
            }
        }

        Assert.True(glued > 20, glued + " rows glued");
        string text = string.Join('\n', lines);
        (ImportResult result, long bytes) = Measure(text);
        AssertNoInternalError(result);
        Assert.True(bytes < (1_200L * text.Length) + (64L << 20), bytes + " bytes allocated for " + text.Length + " characters");
    }

    [Theory]
    [InlineData("乱码乱码  5")]
    [InlineData("乱码乱码  5\n乱码 12 乱码\n")]
    public void Garbage_with_numbers_is_no_report(string text)
    {
        ImportResult result = Import(text);
        Assert.True(result.Draft is null, "a draft from garbage: " + string.Join("\n", result.Diagnostics));
        Assert.Equal("RC2001", Assert.Single(result.Diagnostics, d => d.IsError).Id);
    }

    [Fact]
    public void Garbage_is_one_RC2001_with_work_linear_in_its_size()
    {
        (ImportResult small, long smallBytes) = Measure(Garbage(64 << 10));
        (ImportResult large, long largeBytes) = Measure(Garbage(256 << 10));
        foreach (ImportResult result in new[] { small, large })
        {
            Assert.True(result.Draft is null, "a draft from garbage: " + string.Join("\n", result.Diagnostics.Take(20)));
            Assert.Equal("RC2001", Assert.Single(result.Diagnostics, d => d.IsError).Id);
        }

        // Four times the text, about four times the allocation (the 50 MB took 20 s for 199 errors).
        Assert.InRange((double)largeBytes / smallBytes, 3.0, 5.5);
        Assert.True(largeBytes < 2_000L * (256 << 10), largeBytes + " bytes allocated for " + (256 << 10) + " characters");
    }

    // Random ideographs with a number now and then, in lines of about 40 characters.
    private static string Garbage(int length)
    {
        var random = new Random(13);
        var garbage = new StringBuilder(length + 16);
        while (garbage.Length < length)
        {
            garbage.Append((char)random.Next(0x4E00, 0x9FA5)).Append(random.Next(8) == 0 ? " " + random.Next(1000) + " " : string.Empty).Append(random.Next(40) == 0 ? "\n" : string.Empty);
        }

        return garbage.ToString();
    }

    [Fact]
    public void Digits_that_fit_no_split_never_become_a_validated_report()
    {
        // The total row of Table 3 glued into digits no split explains: RC2010, the cells missing, never valid.
        string[] lines = Sample.Split('\n');
        int total = Array.FindIndex(lines, l => l.Contains("(七) 总计", StringComparison.Ordinal));
        Assert.True(total >= 0);
        lines[total] = "\t(七) 总计\t9999999";
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        ReportFileResult file = ReportFile.Read(bytes, "glued.txt", ".txt");
        Assert.Contains(file.Diagnostics, d => d.Id is "RC2010" or "RC2009" or "RC2006");
        Assert.False(file.IsValid);
        Assert.Null(file.Report);
    }

    [Fact]
    public void Table_editions_are_read_only()
    {
        ImportResult result = Import(Sample);
        Assert.Equal("2021", result.TableEditions["t3"]);
        var dictionary = Assert.IsAssignableFrom<IDictionary<string, string>>(result.TableEditions);
        Assert.True(dictionary.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => dictionary.Add("t9", "2019"));
    }

    private static (ImportResult Result, long Bytes) Measure(string text)
    {
        Import("（七）总计 1 2 3"); // warm up (JIT, schema caches)
        long before = GC.GetAllocatedBytesForCurrentThread();
        ImportResult result = Import(text);
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
