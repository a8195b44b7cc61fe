using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Reports.Core.Diagnostics;
using Reports.Core.Editions;
using Reports.Core.Reports;
using Reports.Core.Tests.Support;
using Xunit;

namespace Reports.Core.Tests.Properties;

public sealed class IdentityProperties
{
    [Fact]
    public void Soundness_every_report_the_builder_makes_from_random_parts_validates_without_error()
    {
        Prop.ForAll(PropertyConfig.Seeds, seed =>
        {
            var r21 = RandomReports.Build2021(seed);
            var r19 = RandomReports.Build2019(seed);
            return r21.IsValid && r19.IsValid
                && !r21.Diagnostics.Any(d => d.IsError) && !r19.Diagnostics.Any(d => d.IsError)
                && Report2021.IsValid(r21.Report.ToDraft()) && Report2019.IsValid(r19.Report.ToDraft());
        }).Check(PropertyConfig.Default);
    }

    [Fact]
    public void Precision_changing_one_cell_reports_exactly_the_hard_identities_that_contain_it()
    {
        Arbitrary<(int Seed, int Edition, int Cell, int Delta)> cases = (
            from seed in PropertyConfig.Seeds.Generator
            from edition in Gen.Choose(0, 1)
            from cell in Gen.Choose(0, 199)
            from delta in Gen.Choose(-100_000, 100_000).Where(d => d != 0)
            select (seed, edition, cell, delta)).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            ReportEdition edition = RandomReports.Editions[c.Edition];
            IValidatedReport valid = RandomReports.Build(edition, c.Seed);
            int ordinal = c.Cell % edition.Schema.CellCount;
            long[] values = valid.Values.ToArray();
            values[ordinal] += c.Delta;
            IReportDraft changed = edition.CreateDraft(valid.Info, ReportCells.FromValues(edition.Schema, values));

            string[] expected = edition.Schema.Identities
                .Where(i => i.Severity == DiagnosticSeverity.Error && i.Contains(ordinal))
                .Select(i => i.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            var result = edition.Validate(changed);
            string[] reported = result.Diagnostics
                .Where(d => d.Id == ReportDiagnostics.IdentityViolated.Id)
                .Select(d => d.Identity!).OrderBy(n => n, StringComparer.Ordinal).ToArray();

            bool detected = expected.Length == 0 || (!result.IsValid && !edition.IsValid(changed.Cells));
            return detected && expected.SequenceEqual(reported);
        }).Check(PropertyConfig.Default);
    }

    [Fact]
    public void Completeness_every_cell_of_both_editions_takes_part_in_some_check_or_is_table_two()
    {
        // Guards the precision property against vacuity: Table 3 and Table 4 cells all carry a hard identity.
        foreach (ReportEdition edition in RandomReports.Editions)
        {
            var uncovered = edition.Schema.Cells
                .Where(c => c.TableKey != "t2" && !c.Identities.Any(i => edition.Schema.Identities[i].Severity == DiagnosticSeverity.Error))
                .Select(c => c.Key).ToArray();
            Assert.Empty(uncovered);
        }
    }

    [Fact]
    public void Fast_path_agrees_with_full_validation_on_random_single_cell_changes()
    {
        Arbitrary<(int Seed, int Edition, int Cell, int Delta)> cases = (
            from seed in PropertyConfig.Seeds.Generator
            from edition in Gen.Choose(0, 1)
            from cell in Gen.Choose(0, 199)
            from delta in Gen.Choose(-3, 3)
            select (seed, edition, cell, delta)).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            ReportEdition edition = RandomReports.Editions[c.Edition];
            long[] values = RandomReports.Build(edition, c.Seed).Values.ToArray();
            values[c.Cell % values.Length] += c.Delta;
            var cells = ReportCells.FromValues(edition.Schema, values);
            return edition.IsValid(cells) == edition.Validate(edition.CreateDraft(ReportInfo.Empty, cells)).IsValid;
        }).Check(PropertyConfig.Default);
    }
}
