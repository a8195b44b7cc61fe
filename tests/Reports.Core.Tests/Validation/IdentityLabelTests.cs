using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Reports.Core.CrossReport;
using Reports.Core.Diagnostics;
using Reports.Core.Infrastructure;
using Reports.Core.Schema;
using Reports.Core.Validation;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// How a failed identity names its cells, on a form whose label paths differ in depth (the shipped editions' paths are
/// too regular to show it): each cell by what tells it apart, a row group named once when every row of it is a part
/// (and only then), and the parts in the identity's order whenever no group is named.
/// </summary>
public sealed class IdentityLabelTests
{
    // Table 表 with one column 件数 (and, on （三）丙, a second column group 其中 › 线上):
    //   （一）甲组 › 1.甲一, 2.甲二, 3.甲三;  （二）乙组 › 1.乙一 (a group of one);  （三）丙;  （四）丁;  （五）戊;  （六）合计.
    private static readonly ReportSchema Form = BuildForm();

    private static ReportSchema BuildForm()
    {
        var cells = new List<CellInfo>();
        int Cell(string row, string column, params string[] path)
        {
            cells.Add(new CellInfo(cells.Count, "t." + row + "." + column, "t", row, column, path.ToImmutableArray(), ValueKind.Count, "件", 0, false, ImmutableArray<int>.Empty));
            return cells.Count - 1;
        }

        ColumnInfo count = new("v", "件数", ImmutableArray<string>.Empty, ImmutableArray<ColumnInfo>.Empty);
        ColumnInfo online = new("of.online", "线上", ImmutableArray<string>.Empty, ImmutableArray<ColumnInfo>.Empty);
        ColumnInfo of = new("of", "其中", ImmutableArray<string>.Empty, ImmutableArray.Create(online));
        RowInfo Data(string key, string label, params int[] ordinals) =>
            new(key, label, ImmutableArray<string>.Empty, ImmutableArray<RowInfo>.Empty, ImmutableArray.Create(count), ordinals.ToImmutableArray());
        RowInfo Group(string key, string label, params RowInfo[] children) =>
            new(key, label, ImmutableArray<string>.Empty, children.ToImmutableArray(), ImmutableArray.Create(count), ImmutableArray<int>.Empty);

        var g1 = Group("g1", "（一）甲组",
            Data("g1.a", "1.甲一", Cell("g1.a", "v", "表", "（一）甲组", "1.甲一", "件数")),
            Data("g1.b", "2.甲二", Cell("g1.b", "v", "表", "（一）甲组", "2.甲二", "件数")),
            Data("g1.c", "3.甲三", Cell("g1.c", "v", "表", "（一）甲组", "3.甲三", "件数")));
        var g2 = Group("g2", "（二）乙组", Data("g2.a", "1.乙一", Cell("g2.a", "v", "表", "（二）乙组", "1.乙一", "件数")));
        int d = Cell("d", "v", "表", "（三）丙", "件数");
        int dOnline = Cell("d", "of.online", "表", "（三）丙", "其中", "线上");
        var rowD = new RowInfo("d", "（三）丙", ImmutableArray<string>.Empty, ImmutableArray<RowInfo>.Empty, ImmutableArray.Create(count, of), ImmutableArray.Create(d, dOnline));
        var rowE = Data("e", "（四）丁", Cell("e", "v", "表", "（四）丁", "件数"));
        var rowF = Data("f", "（五）戊", Cell("f", "v", "表", "（五）戊", "件数"));
        var total = Data("total", "（六）合计", Cell("total", "v", "表", "（六）合计", "件数"));

        // （七）庚: a count and, below that very column, a sub-column (one label path is the head of the other).
        ColumnInfo online7 = new("v.online", "其中：线上", ImmutableArray<string>.Empty, ImmutableArray<ColumnInfo>.Empty);
        ColumnInfo count7 = new("v", "件数", ImmutableArray<string>.Empty, ImmutableArray.Create(online7));
        int h = Cell("h", "v", "表", "（七）庚", "件数");
        int hOnline = Cell("h", "v.online", "表", "（七）庚", "件数", "其中：线上");
        var rowH = new RowInfo("h", "（七）庚", ImmutableArray<string>.Empty, ImmutableArray<RowInfo>.Empty, ImmutableArray.Create(count7), ImmutableArray.Create(h, hOnline));

        // 其他 twice: a row of its own and the row of a group (（八）辛组 › 其他), as templates repeat it.
        var other = Data("other", "其他", Cell("other", "v", "表", "其他", "件数"));
        var g8 = Group("g8", "（八）辛组", Data("g8.other", "其他", Cell("g8.other", "v", "表", "（八）辛组", "其他", "件数")));
        var table = new TableInfo("t", "Form", "表", null, ImmutableArray.Create(g1, g2, rowD, rowE, rowF, total, rowH, other, g8));

        // Cells of a table the schema does not list (a hand-made form may lack it): five parts in one column.
        int Unlisted(string row, string label)
        {
            cells.Add(new CellInfo(cells.Count, "u." + row + ".v", "u", row, "v", ImmutableArray.Create("表外", label, "件数"), ValueKind.Count, "件", 0, false, ImmutableArray<int>.Empty));
            return cells.Count - 1;
        }

        int[] unlistedParts = { Unlisted("a", "甲"), Unlisted("b", "乙"), Unlisted("c", "丙"), Unlisted("d", "丁"), Unlisted("e", "戊") };
        int unlistedTotal = Unlisted("total", "合计");

        // Table 表二, as a hand-made form may build it: three rows under a wrapper row without key or label, and a data
        // row whose children were left default (no rows below it, like an empty list).
        int Second(string row, string label)
        {
            cells.Add(new CellInfo(cells.Count, "w." + row + ".v", "w", row, "v", ImmutableArray.Create("表二", label, "件数"), ValueKind.Count, "件", 0, false, ImmutableArray<int>.Empty));
            return cells.Count - 1;
        }

        RowInfo SecondRow(string key, string label, ImmutableArray<RowInfo> children) =>
            new(key, label, ImmutableArray<string>.Empty, children, ImmutableArray.Create(count), ImmutableArray.Create(Second(key, label)));
        var wrapper = Group(string.Empty, string.Empty, Data("a", "甲", Second("a", "甲")), Data("b", "乙", Second("b", "乙")), Data("c", "丙", Second("c", "丙")));
        var second = new TableInfo("w", "Second", "表二", null, ImmutableArray.Create(
            wrapper, SecondRow("d", "丁", default), SecondRow("e", "戊", ImmutableArray<RowInfo>.Empty), SecondRow("total", "合计", ImmutableArray<RowInfo>.Empty)));

        int O(string row, string column = "v") => cells.FindIndex(c => c.Key == "t." + row + "." + column);
        var identities = new List<IdentityInfo>();
        void Identity(string id, string scope, IdentityRelation relation, DiagnosticSeverity severity, int[] left, int[] right) =>
            identities.Add(new IdentityInfo(identities.Count, id, id + " 检查", "t", scope, "件数", left.ToImmutableArray(), right.ToImmutableArray(), relation, severity, relation == IdentityRelation.Equal));

        Identity("G5", "v", IdentityRelation.Equal, DiagnosticSeverity.Error, new[] { O("total") }, new[] { O("g1.a"), O("g1.b"), O("g1.c"), O("g2.a"), O("d") });
        Identity("G4", "v", IdentityRelation.Equal, DiagnosticSeverity.Error, new[] { O("total") }, new[] { O("g1.a"), O("g1.b"), O("g1.c"), O("d") });
        Identity("ORDER", "v", IdentityRelation.Equal, DiagnosticSeverity.Error, new[] { O("total") }, new[] { O("f"), O("e"), O("d"), O("g2.a"), O("g1.a") });
        Identity("COLS", "v", IdentityRelation.Equal, DiagnosticSeverity.Error, new[] { O("total") }, new[] { O("g1.a"), O("g1.b"), O("g1.c"), O("d", "of.online"), O("e") });
        Identity("DEPTH", "d", IdentityRelation.GreaterOrEqual, DiagnosticSeverity.Warning, new[] { O("d") }, new[] { O("d", "of.online") });
        Identity("SOFT", "v", IdentityRelation.Equal, DiagnosticSeverity.Warning, new[] { O("total") }, new[] { O("e"), O("f") });
        Identity("PREFIX", "h", IdentityRelation.GreaterOrEqual, DiagnosticSeverity.Warning, new[] { O("h") }, new[] { O("h", "v.online") });
        Identity("TAIL", "v", IdentityRelation.Equal, DiagnosticSeverity.Error, new[] { O("other") }, new[] { O("g8.other") });
        Identity("UNLISTED", "v", IdentityRelation.Equal, DiagnosticSeverity.Error, new[] { unlistedTotal }, unlistedParts);
        int W(string row) => cells.FindIndex(c => c.Key == "w." + row + ".v");
        Identity("WRAPPED", "v", IdentityRelation.Equal, DiagnosticSeverity.Error, new[] { W("total") }, new[] { W("a"), W("b"), W("c"), W("d"), W("e") });

        return new ReportSchema(
            "msg-test", "MessageForm", "表", null, null, null, ImmutableArray.Create(table, second), cells.ToImmutableArray(), identities.ToImmutableArray(),
            ImmutableArray<int>.Empty, ImmutableArray<CrossYearLink>.Empty, ImmutableArray<StatementInfo>.Empty, cells.Select(c => c.Key).ToImmutableArray());
    }

    private static string Message(string id, long left, long right)
    {
        IdentityInfo identity = Form.Identities.Single(i => i.Id == id);
        return IdentityMessages.Create(Form, identity, new IdentityFinding(identity.Index, left, right), null, null, cached: false).Message;
    }

    [Fact]
    public void Whole_groups_of_several_rows_are_named_once_and_a_group_of_one_row_keeps_its_row()
    {
        // （一）甲组's three rows are all parts: named once. （二）乙组 has one row: its row is named, with the group as context.
        Assert.Equal(
            "G5[v] G5 检查 — 件数: （六）合计 = 9, but it should equal （一）甲组 + （二）乙组 › 1.乙一 + （三）丙 = 4",
            Message("G5", 9, 4));
    }

    [Fact]
    public void Fewer_than_five_parts_are_named_one_by_one_even_when_they_cover_a_group()
    {
        Assert.Equal(
            "G4[v] G4 检查 — 件数: （六）合计 = 9, but it should equal （一）甲组 › 1.甲一 + （一）甲组 › 2.甲二 + （一）甲组 › 3.甲三 + （三）丙 = 4",
            Message("G4", 9, 4));
    }

    [Fact]
    public void Parts_that_no_group_gathers_keep_the_identitys_order()
    {
        Assert.Equal(
            "ORDER[v] ORDER 检查 — 件数: （六）合计 = 9, but it should equal （五）戊 + （四）丁 + （三）丙 + （二）乙组 › 1.乙一 + （一）甲组 › 1.甲一 = 4",
            Message("ORDER", 9, 4));
    }

    [Fact]
    public void Parts_in_more_than_one_column_are_never_gathered_into_a_row_group()
    {
        // The three rows of （一）甲组 are parts, but one part lies in another column: each part is named.
        string message = Message("COLS", 9, 4);
        Assert.Contains("（一）甲组 › 1.甲一 › 件数 + （一）甲组 › 2.甲二 › 件数 + （一）甲组 › 3.甲三 › 件数 + （三）丙 › 其中 › 线上 + （四）丁 › 件数", message);
    }

    [Fact]
    public void Cells_of_one_row_are_told_apart_by_their_columns_however_deep_each_column_path_is()
    {
        // 件数 is one level below the row, 其中 › 线上 two: the shared head (表 › （三）丙) goes, nothing of the columns does.
        Assert.Equal(
            "DEPTH[d] DEPTH 检查 — 件数: 件数 = 1, but it should be ≥ 其中 › 线上 = 5",
            Message("DEPTH", 1, 5));
    }

    [Fact]
    public void A_soft_check_of_equality_states_it_with_an_equals_sign()
    {
        // No shipped edition has one; a team's own form may (a warning that two figures should agree).
        Assert.Equal(
            "SOFT[v] SOFT 检查 — 件数: （六）合计 = 9, but it should be = （四）丁 + （五）戊 = 4",
            Message("SOFT", 9, 4));
    }

    [Fact]
    public void A_column_and_its_own_sub_column_keep_the_column_in_both_labels()
    {
        // 表 › （七）庚 › 件数 is the head of 表 › （七）庚 › 件数 › 其中：线上: the shared head stops short of the shorter path's end.
        Assert.Equal(
            "PREFIX[h] PREFIX 检查 — 件数: 件数 = 1, but it should be ≥ 件数 › 其中：线上 = 5",
            Message("PREFIX", 1, 5));
    }

    [Fact]
    public void A_row_named_like_the_row_of_a_group_keeps_its_name_and_the_other_its_group()
    {
        // The shared tail (其他 › 件数 of the longer path) stops short of the shorter path's head.
        Assert.Equal(
            "TAIL[v] TAIL 检查 — 件数: 其他 = 9, but it should equal （八）辛组 › 其他 = 4",
            Message("TAIL", 9, 4));
    }

    [Fact]
    public void Parts_of_a_table_the_schema_does_not_list_are_named_one_by_one()
    {
        Assert.Equal(
            "UNLISTED[v] UNLISTED 检查 — 件数: 合计 = 9, but it should equal 甲 + 乙 + 丙 + 丁 + 戊 = 4",
            Message("UNLISTED", 9, 4));
    }

    [Fact]
    public void Rows_under_a_wrapper_without_a_key_are_named_one_by_one_and_a_row_left_without_children_is_a_row()
    {
        // Only a keyed group is named for its rows; a data row whose children are default is still one data row.
        Assert.Equal(
            "WRAPPED[v] WRAPPED 检查 — 件数: 合计 = 9, but it should equal 甲 + 乙 + 丙 + 丁 + 戊 = 4",
            Message("WRAPPED", 9, 4));
    }
}
