using System;
using System.Diagnostics;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Localization;
using Reports.Core.Reports;
using Reports.Core.Tests.Support;
using Xunit;

namespace Reports.Core.Tests.Localization;

/// <summary>Worked examples of error localization (issue 14) and its finding, RC1015.</summary>
public sealed class ErrorLocalizerTests
{
    private static Report2021Draft ValidDraft(int seed = 7) => RandomReports.Build2021(seed).Report!.ToDraft();

    private static int Ordinal(string key) => Report2021.Schema.TryGetCell(key, out var info) ? info.Ordinal : throw new ArgumentException(key);

    private static Report2021Draft With(Report2021Draft draft, string key, Cell cell) =>
        draft with { Cells = draft.Cells.With(Ordinal(key), cell) };

    [Fact]
    public void A_mistyped_total_of_the_outcome_rows_is_the_only_cell_that_explains_all_three_findings()
    {
        Report2021Draft draft = ValidDraft();
        long original = draft["t3.r.total.np"].Value;
        Report2021Draft broken = With(draft, "t3.r.total.np", Cell.Number(original + 6));

        LocalizationResult result = ErrorLocalizer.Localize(broken);

        Assert.True(result.IsUnique);
        RepairCandidate best = result.Best!;
        CellRepair change = Assert.Single(best.Changes);
        Assert.Equal("t3.r.total.np", change.Cell.Key);
        Assert.Equal(original, change.Repaired);
        Assert.Equal(new[] { "H1[r.total]", "H2[np]", "H3[np]" }, best.Explains.Select(i => i.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(result.Candidates.Skip(1), c => Assert.True(c.Size > 1));
    }

    [Fact]
    public void RC1015_names_the_cell_its_expected_and_published_values_and_that_it_is_unique()
    {
        Report2021Draft draft = ValidDraft();
        long original = draft["t3.r.total.np"].Value;
        Report2021Draft broken = With(draft, "t3.r.total.np", Cell.Number(original + 6, 0, null, new SourceSpan(12, 5, 2)));

        Diagnostic d = Assert.Single(ErrorLocalizer.Diagnose(broken));

        Assert.Equal(ReportDiagnostics.CellLocalized, d.Descriptor);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Equal("t3.r.total.np", d.Location.CellKey);
        Assert.Equal(12, d.Location.Span.Line);
        Assert.Equal((original + 6).ToString(), d.Reported);
        Assert.Equal(original.ToString(), d.Computed);
        Assert.StartsWith("（七）总计 › 申请人情况 › 自然人 is the only cell that explains ", d.Message.Substring(d.Message.IndexOf("（七）", StringComparison.Ordinal)));
        Assert.Contains(original + " expected, " + (original + 6) + " published", d.Message);
        Assert.NotNull(d.Fix);
        Assert.True(d.Fix!.IsUnique);
        CellEdit edit = Assert.Single(d.Fix.Edits);
        Assert.Equal(original.ToString(), edit.Replacement);
        Assert.Equal(new SourceSpan(12, 5, 2), edit.Span);
    }

    [Fact]
    public void A_cell_in_one_identity_only_leaves_the_localization_ambiguous_and_every_candidate_is_reported()
    {
        Report2021Draft draft = ValidDraft();
        long original = draft["t4.rev.upheld"].Value;
        Report2021Draft broken = With(draft, "t4.rev.upheld", Cell.Number(original + 3));

        LocalizationResult result = ErrorLocalizer.Localize(broken);

        Assert.False(result.IsUnique);
        Assert.Contains(result.Candidates, c => c.Size == 1 && c.Changes[0].Cell.Key == "t4.rev.upheld" && c.Changes[0].Repaired == original);
        var findings = ErrorLocalizer.Diagnose(broken);
        Assert.True(findings.Length > 1);
        Assert.All(findings, f => Assert.Contains("candidate", f.Message));
        Assert.All(findings, f => Assert.False(f.Fix!.IsUnique));
    }

    [Fact]
    public void Digits_typed_the_wrong_way_round_make_the_cell_the_best_candidate()
    {
        Report2021Draft draft = ValidDraft();
        Report2021Draft broken = With(With(draft, "t4.rev.upheld", Cell.Number(26)), "t4.rev.total", Cell.Number(draft["t4.rev.total"].Value - draft["t4.rev.upheld"].Value + 26));
        Report2021Draft transposed = With(broken, "t4.rev.upheld", Cell.Number(62));

        LocalizationResult result = ErrorLocalizer.Localize(transposed);

        CellRepair best = Assert.Single(result.Best!.Changes);
        Assert.Equal("t4.rev.upheld", best.Cell.Key);
        Assert.Equal(26, best.Repaired);
        Assert.Equal(TypingError.Transposition, best.Error);
    }

    [Fact]
    public void A_blank_part_is_a_free_variable_that_the_identities_fill()
    {
        Report2021Draft draft = ValidDraft();
        long original = draft["t4.rev.corrected"].Value;
        Assert.True(original > 0 || draft["t4.rev.total"].Value >= 0);
        Report2021Draft blank = With(draft, "t4.rev.corrected", Cell.Blank());

        LocalizationResult result = ErrorLocalizer.Localize(blank);

        if (original == 0)
        {
            Assert.True(result.HoldsAsPublished);
            return;
        }

        RepairCandidate best = result.Best!;
        Assert.Equal(0, best.Size);
        CellRepair filled = Assert.Single(best.Filled);
        Assert.Equal("t4.rev.corrected", filled.Cell.Key);
        Assert.Equal(original, filled.Repaired);
    }

    [Fact]
    public void A_valid_report_has_nothing_to_localize()
    {
        LocalizationResult result = ErrorLocalizer.Localize(ValidDraft());
        Assert.True(result.HoldsAsPublished);
        Assert.Empty(result.Candidates);
        Assert.Empty(ErrorLocalizer.Diagnose(ValidDraft()));
    }

    [Fact]
    public void Localizing_a_single_broken_cell_takes_microseconds()
    {
        Report2021Draft draft = ValidDraft();
        Report2021Draft broken = With(draft, "t3.r.total.np", Cell.Number(draft["t3.r.total.np"].Value + 6));
        ErrorLocalizer.Localize(broken); // build the constraint system once
        var watch = Stopwatch.StartNew();
        const int Runs = 200;
        for (int i = 0; i < Runs; i++)
        {
            Assert.True(ErrorLocalizer.Localize(broken, 1).IsUnique);
        }

        double micros = watch.Elapsed.TotalMilliseconds * 1000 / Runs;
        Assert.True(micros < 2000, micros + " µs per report"); // ~30 µs measured (docs/performance.md); loose for shared CI machines
    }
}
