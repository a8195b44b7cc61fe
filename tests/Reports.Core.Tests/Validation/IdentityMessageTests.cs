using System.Collections.Generic;
using System.Linq;
using Reports.Core.Diagnostics;
using Reports.Core.Infrastructure;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Tests.Support;
using Reports.Core.Validation;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// The message of a failed identity reads as the check it states: which identity, over which cells, the relation
/// it wants (=, ≤, ≥) and both sides' values, so a reader can find the cells in the published table.
/// </summary>
public sealed class IdentityMessageTests
{
    public static IEnumerable<object[]> SoftIdentities() =>
        RandomReports.Editions.SelectMany(e => e.Schema.Identities
            .Where(i => i.Severity == DiagnosticSeverity.Warning)
            .Select(i => new object[] { e.Id, i.Index }));

    // Values that break one soft identity: zeros everywhere but one stated cell on the side the relation bounds.
    private static (long[] Values, long Left, long Right) Breaking(ReportSchema schema, IdentityInfo identity)
    {
        var values = new long[schema.CellCount];
        if (identity.Relation == IdentityRelation.LessOrEqual)
        {
            values[identity.Left.First(o => !schema.Cells[o].IsDerived)] = 7;
            return (values, 7, 0);
        }

        if (identity.Right.Length > 0)
        {
            values[identity.Right.First(o => !schema.Cells[o].IsDerived)] = 7;
            return (values, 0, 7);
        }

        values[identity.Left.First(o => schema.Cells[o].Kind == ValueKind.Delta)] = -7;
        return (values, -7, 0);
    }

    [Theory]
    [MemberData(nameof(SoftIdentities))]
    public void A_failed_soft_check_names_itself_its_scope_the_relation_and_both_values(string edition, int index)
    {
        ReportEdition e = RandomReports.Editions.Single(x => x.Id == edition);
        IdentityInfo identity = e.Schema.Identities[index];
        (long[] values, long left, long right) = Breaking(e.Schema, identity);

        Diagnostic d = Assert.Single(ReportValidator.Build(e, ReportInfo.Empty, values), x => x.Identity == identity.Name);
        string relation = identity.Relation == IdentityRelation.LessOrEqual ? "≤" : "≥";
        Assert.Equal(ReportDiagnostics.SoftCheckFailed.Id, d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.StartsWith(identity.Name + " " + identity.Title + " — " + identity.ScopeLabel + ": ", d.Message);
        Assert.Contains(" = " + left + ", but it should be " + relation + " ", d.Message);
        Assert.EndsWith(" = " + right, d.Message);
        Assert.Equal((left.ToString(), right.ToString()), (d.Reported, d.Computed));
        Assert.Equal(identity.Left.Concat(identity.Right).Select(o => e.Schema.Cells[o].Key), d.CellKeys);
        Assert.Equal(e.Schema.Cells[identity.Left[0]].Key, d.Location.CellKey);
    }

    [Fact]
    public void A_soft_check_with_nothing_on_its_right_compares_with_zero()
    {
        IdentityInfo? againstZero = RandomReports.Editions.SelectMany(e => e.Schema.Identities).FirstOrDefault(i => i.Right.IsEmpty);
        Assert.NotNull(againstZero);
        ReportEdition e = RandomReports.Editions.Single(x => x.Schema.Identities.Contains(againstZero!));
        (long[] values, _, _) = Breaking(e.Schema, againstZero!);
        Diagnostic d = Assert.Single(ReportValidator.Build(e, ReportInfo.Empty, values), x => x.Identity == againstZero!.Name);
        Assert.EndsWith("but it should be ≥ 0 = 0", d.Message);
    }

    [Fact]
    public void A_failed_identity_labels_each_cell_by_what_tells_it_apart_from_the_others()
    {
        // The cells of one identity share their table heading and often their column: the message keeps only the
        // labels that differ, joined by " + ", and each of them is a segment of that cell's label path.
        foreach (ReportEdition e in RandomReports.Editions)
        {
            foreach (IdentityInfo identity in e.Schema.Identities.Where(i => i.Severity == DiagnosticSeverity.Warning && i.Left.Length + i.Right.Length >= 2))
            {
                (long[] values, long left, _) = Breaking(e.Schema, identity);
                Diagnostic d = Assert.Single(ReportValidator.Build(e, ReportInfo.Empty, values), x => x.Identity == identity.Name);
                string body = d.Message.Substring((identity.Name + " " + identity.Title + " — " + identity.ScopeLabel + ": ").Length);
                string leftText = body.Substring(0, body.IndexOf(" = " + left + ",", System.StringComparison.Ordinal));
                string[] terms = leftText.Split(" + ");
                Assert.Equal(identity.Left.Length, terms.Length);
                for (int k = 0; k < terms.Length; k++)
                {
                    CellInfo cell = e.Schema.Cells[identity.Left[k]];
                    Assert.NotEqual(string.Empty, terms[k]);
                    Assert.All(terms[k].Split(" › "), segment => Assert.Contains(segment, cell.LabelPath));
                    Assert.DoesNotContain(cell.LabelPath[0], terms[k].Split(" › ")); // the common head is left out
                }
            }
        }
    }
}
