using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Reports;
using Reports.Core.Tests.Support;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>Each validation and JSON diagnostic id is triggered here, with its location and values checked.</summary>
public sealed class DiagnosticIdTests
{
    private static Report2021Draft ValidDraft(int seed = 7) => RandomReports.Build2021(seed).Report!.ToDraft();

    private static Report2021Draft With(Report2021Draft draft, string key, Cell cell) =>
        draft with { Cells = draft.Cells.With(Report2021.Schema.TryGetCell(key, out var info) ? info.Ordinal : -1, cell) };

    private static Diagnostic Single(Report2021Draft draft, string id) =>
        Assert.Single(draft.Validate().Diagnostics, d => d.Id == id);

    [Fact]
    public void RC1001_identity_violated_names_identity_labels_and_both_values()
    {
        Report2021Draft draft = ValidDraft();
        long total = draft["t4.rev.total"].Value;
        Diagnostic d = Single(With(draft, "t4.rev.total", Cell.Number(total + 2)), "RC1001");
        Assert.Equal("H4[rev]", d.Identity);
        Assert.Equal("t4.rev.total", d.Location.CellKey);
        Assert.Equal((total + 2).ToString(), d.Reported);
        Assert.Equal(total.ToString(), d.Computed);
        Assert.Contains("结果维持", d.Message);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
    }

    [Fact]
    public void RC1001_a_sum_over_whole_row_groups_names_the_groups_as_the_template_does()
    {
        Report2021Draft draft = ValidDraft();
        long total = draft["t3.r.total.np"].Value;
        Diagnostic d = Assert.Single(With(draft, "t3.r.total.np", Cell.Number(total + 1)).Validate().Diagnostics, x => x.Identity == "H2[np]");
        Assert.Contains("（一）予以公开 + （二）部分公开（区分处理的，只计这一情形，不计其他情形） + （三）不予公开 + （四）无法提供 + （五）不予处理 + （六）其他处理 = " + total, d.Message);
        Assert.DoesNotContain("1.属于国家秘密", d.Message);
    }

    [Fact]
    public void RC1002_soft_check_is_a_warning_and_keeps_the_report_valid()
    {
        Report2021Draft draft = With(With(With(ValidDraft(), "t2.a1.regulation.issued", Cell.Number(9)), "t2.a1.regulation.repealed", Cell.Number(0)), "t2.a1.regulation.in_force", Cell.Number(2));
        Diagnostic d = Single(draft, "RC1002");
        Assert.Equal("S3[a1.regulation]", d.Identity);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.True(draft.Validate().IsValid);
    }

    [Fact]
    public void RC1003_negative_count_is_an_error()
    {
        Diagnostic d = Single(With(ValidDraft(), "t2.a5.licensing.decisions", Cell.Number(-3)), "RC1003");
        Assert.Equal("t2.a5.licensing.decisions", d.Location.CellKey);
        Assert.Contains("-3", d.Message);
    }

    [Fact]
    public void RC1004_value_beyond_int_range_is_an_error_and_sums_do_not_overflow()
    {
        Report2021Draft draft = With(ValidDraft(), "t3.new.np", Cell.Number(long.MaxValue));
        Diagnostic d = Single(draft, "RC1004");
        Assert.Equal("t3.new.np", d.Location.CellKey);
        Assert.DoesNotContain(draft.Validate().Diagnostics, x => x.Id == "RC1001" && x.CellKeys.Contains("t3.new.np"));
    }

    [Fact]
    public void RC1005_text_in_a_number_cell_keeps_the_raw_text_and_its_line()
    {
        Diagnostic d = Single(With(ValidDraft(), "t3.new.biz", Cell.Text("十二", new SourceSpan(42, 7, 2))), "RC1005");
        Assert.Equal(42, d.Location.Span.Line);
        Assert.Contains("十二", d.Message);
    }

    [Fact]
    public void RC1006_blank_part_counts_as_zero_with_a_warning()
    {
        Report2021Draft draft = ValidDraft();
        Report2021Draft blank = With(draft, "t2.a5.licensing.decisions", Cell.Blank("\u3000"));
        Assert.Equal("t2.a5.licensing.decisions", Single(blank, "RC1006").Location.CellKey);
        Assert.Equal(0, blank.Validate().Report!.ActiveDisclosure.Item5.Licensing.Decisions);
    }

    [Fact]
    public void RC1007_blank_total_is_recomputed_never_read_as_zero()
    {
        Report2021Draft draft = ValidDraft();
        long expected = draft["t3.new.tot"].Value;
        Report2021Draft blank = With(draft, "t3.new.tot", Cell.Blank());
        Diagnostic d = Single(blank, "RC1007");
        Assert.Contains(expected.ToString(), d.Message);
        Assert.Equal((int)expected, blank.Validate().Report!.Applications.NewReceived.Total);
    }

    [Fact]
    public void RC1008_not_applicable_marker_is_kept_and_reported()
    {
        Report2021Draft draft = With(ValidDraft(), "t2.a1.regulation.issued", Cell.NotApplicable("/"));
        Assert.Contains("\"/\"", Single(draft, "RC1008").Message);
        Assert.Equal(CellState.NotApplicable, draft["t2.a1.regulation.issued"].State);
    }

    [Fact]
    public void RC1009_missing_part_is_an_error()
    {
        Assert.Equal("t4.rev.upheld", Single(With(ValidDraft(), "t4.rev.upheld", Cell.Missing), "RC1009").Location.CellKey);
    }

    [Fact]
    public void RC1014_identities_left_unchecked_by_a_missing_part_are_named_once_per_table()
    {
        Diagnostic d = Single(With(ValidDraft(), "t4.rev.upheld", Cell.Missing), "RC1014");
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Equal("t4", d.Location.TableKey);
        Assert.Contains("H4[rev]", d.Message);
    }

    [Fact]
    public void RC1010_missing_total_is_computed_with_a_warning()
    {
        Report2021Draft draft = With(ValidDraft(), "t4.lit_direct.total", Cell.Missing);
        Single(draft, "RC1010");
        Assert.True(draft.Validate().IsValid);
    }

    [Fact]
    public void RC1011_blank_total_over_unreadable_part_cannot_be_computed()
    {
        Report2021Draft draft = With(With(ValidDraft(), "t4.rev.total", Cell.Blank()), "t4.rev.upheld", Cell.Text("x"));
        Assert.Equal("t4.rev.total", Single(draft, "RC1011").Location.CellKey);
    }

    [Fact]
    public void RC1012_computed_total_beyond_cell_range_is_an_error_not_an_overflow()
    {
        var builder = new Report2021Builder();
        builder.ReviewAndLitigation.Review.Upheld = int.MaxValue;
        builder.ReviewAndLitigation.Review.Corrected = int.MaxValue;
        var result = builder.Build();
        Assert.False(result.IsValid);
        Assert.Equal("t4.rev.total", Assert.Single(result.Diagnostics, d => d.Id == "RC1012").Location.CellKey);
    }

    [Fact]
    public void RC1013_edition_and_year_mismatch_is_a_warning()
    {
        Report2021Draft draft = ValidDraft() with { Info = new ReportInfo { Year = 2019 } };
        Assert.Equal(DiagnosticSeverity.Warning, Single(draft, "RC1013").Severity);
    }

    [Theory]
    [InlineData("{\"edition\":\"2021\",", "RC1101")]
    [InlineData("{\"edition\":\"2021\",\"t3\":{\"nwe\":{\"np\":1}}}", "RC1102")]
    [InlineData("{\"edition\":\"2021\",\"t3\":{\"new\":{\"np\":[1]}}}", "RC1103")]
    [InlineData("{\"edition\":\"2019\"}", "RC1104")]
    [InlineData("{\"edition\":\"2021\",\"agency\":\"a\",\"agency\":\"b\"}", "RC1105")]
    [InlineData("{\"edition\":\"2021\",\"year\":\"2021年\"}", "RC1106")]
    public void Json_problems_are_diagnostics_never_exceptions(string json, string id)
    {
        var read = Report2021Draft.FromJson(json);
        Assert.Contains(read.Diagnostics, d => d.Id == id);
        Assert.False(Report2021.FromJson(json).IsValid);
    }

    [Fact]
    public void Every_descriptor_has_a_unique_id_and_is_documented()
    {
        var ids = typeof(ReportDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        string docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "diagnostics.md"));
        Assert.All(ids, id => Assert.Contains("### " + id, docs));
    }

    [Fact]
    public void Every_descriptor_is_triggered_by_some_test()
    {
        string tests = string.Concat(Directory.EnumerateFiles(Path.Combine(RepoRoot(), "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(File.ReadAllText));
        string[] untested = typeof(ReportDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => !tests.Contains("ReportDiagnostics." + f.Name, StringComparison.Ordinal)
                        && !tests.Contains("\"" + ((DiagnosticDescriptor)f.GetValue(null)!).Id + "\"", StringComparison.Ordinal))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id + " " + f.Name)
            .ToArray();
        Assert.Empty(untested);
    }

    // Walk up from the test output: source paths are mapped (/_/) in deterministic CI builds.
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reports.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Reports.Core.sln not found above " + AppContext.BaseDirectory);
    }
}
