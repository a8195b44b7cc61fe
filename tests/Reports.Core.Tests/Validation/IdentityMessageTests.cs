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

    private static Diagnostic Message(string edition, string identityName, long left, long right, bool cached = false)
    {
        ReportSchema schema = RandomReports.Editions.Single(x => x.Id == edition).Schema;
        IdentityInfo identity = schema.Identities.Single(i => i.Name == identityName);
        return IdentityMessages.Create(schema, identity, new IdentityFinding(identity.Index, left, right), "r.json", null, cached);
    }

    [Fact]
    public void A_total_over_whole_row_groups_names_each_group_once_as_the_template_does()
    {
        // H2[np]: （七）总计 of 自然人 against its 19 result rows; （三）不予公开 and its eight rows read as one term.
        Diagnostic d = Message("2019", "H2[np]", 12, 5);
        Assert.Equal(
            "H2[np] （七）总计等于各项办理结果之和 — 自然人: （七）总计 = 12, but it should equal （一）予以公开 + " +
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形） + （三）不予公开 + （四）无法提供 + （五）不予处理 + （六）其他处理 = 5",
            d.Message);
        Assert.Equal(ReportDiagnostics.IdentityViolated.Id, d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(("12", "5"), (d.Reported, d.Computed));
        Assert.Equal(20, d.CellKeys.Length);
        Assert.Equal("t3.r.total.np", d.CellKeys[0]);
        Assert.Equal("t3.r.total.np", d.Location.CellKey);
        Assert.Equal("r.json", d.Location.Source);
    }

    [Fact]
    public void A_row_total_labels_its_parts_by_column_without_the_shared_row_heading()
    {
        // H1[new]: the parts lie in one row and six columns, so no group is named; the row label (the common tail) is left out.
        Diagnostic d = Message("2019", "H1[new]", 3, 0);
        Assert.Equal(
            "H1[new] 每行总计等于各类申请人之和 — 一、本年新收政府信息公开申请数量: 总计 = 3, but it should equal 自然人 + " +
            "法人或其他组织 › 商业企业 + 法人或其他组织 › 科研机构 + 法人或其他组织 › 社会公益组织 + 法人或其他组织 › 法律服务机构 + 法人或其他组织 › 其他 = 0",
            d.Message);
        Assert.Equal(new[] { "t3.new.tot", "t3.new.np", "t3.new.biz", "t3.new.res", "t3.new.ngo", "t3.new.law", "t3.new.oth" }, d.CellKeys);
        Assert.Equal("t3.new.tot", d.Location.CellKey);
    }

    [Fact]
    public void An_identity_over_several_rows_keeps_the_row_labels_and_joins_both_sides()
    {
        Diagnostic d = Message("2019", "H3[np]", 9, 4);
        Assert.Equal(
            "H3[np] 第一项加第二项之和，等于第三项加第四项之和 — 自然人: 一、本年新收政府信息公开申请数量 + 二、上年结转政府信息公开申请数量 = 9, " +
            "but it should equal 三、本年度办理结果 › （七）总计 + 四、结转下年度继续办理 = 4",
            d.Message);
        Assert.Equal(new[] { "t3.new.np", "t3.carried_in.np", "t3.r.total.np", "t3.carried_out.np" }, d.CellKeys);
        Assert.Equal("t3.new.np", d.Location.CellKey);
    }

    [Fact]
    public void Soft_checks_state_their_relation_and_a_missing_right_side_as_zero()
    {
        Assert.Equal(
            "S1[a1.regulation] 本年新公开数量不大于对外公开总数量 — 规章: 本年新公开数量 = 7, but it should be ≤ 对外公开总数量 = 2",
            Message("2019", "S1[a1.regulation]", 7, 2).Message);
        Diagnostic s2 = Message("2019", "S2[a5.licensing]", -3, 0);
        Assert.Equal(
            "S2[a5.licensing] 上一年项目数量加本年增/减不小于零 — 行政许可: 上一年项目数量 + 本年增/减 = -3, but it should be ≥ 0 = 0",
            s2.Message);
        Assert.Equal(ReportDiagnostics.SoftCheckFailed.Id, s2.Id);
        Assert.Equal(DiagnosticSeverity.Warning, s2.Severity);
        Assert.Equal("t2.a5.licensing.prev_items", s2.Location.CellKey);
    }

    [Fact]
    public void Cached_labels_give_the_same_messages_as_labels_built_afresh()
    {
        // The tests run with the cache off (Support/MutationTestingSwitches.cs); the library's default path caches.
        foreach (ReportEdition e in RandomReports.Editions)
        {
            foreach (IdentityInfo identity in e.Schema.Identities)
            {
                Diagnostic fresh = Message(e.Id, identity.Name, 11, 4);
                for (int round = 0; round < 2; round++)
                {
                    Diagnostic cached = Message(e.Id, identity.Name, 11, 4, cached: true);
                    Assert.Equal(fresh.Message, cached.Message);
                    Assert.Equal(fresh.CellKeys.ToArray(), cached.CellKeys.ToArray());
                    Assert.Equal(fresh.Location.CellKey, cached.Location.CellKey);
                }
            }
        }
    }
}
