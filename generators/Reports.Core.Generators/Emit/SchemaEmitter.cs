using System.Globalization;
using System.Linq;
using Reports.Core.Generators.Model;

namespace Reports.Core.Generators.Emit;

/// <summary>Emits the construction of the run-time <c>ReportSchema</c> (cells, identities, table tree) as plain data.</summary>
internal static class SchemaEmitter
{
    private const string Ns = "global::Reports.Core.Schema.";
    private const string Arr = "global::System.Collections.Immutable.ImmutableArray";

    public static void Emit(EditionModel model, CodeWriter w)
    {
        w.Open("private static " + Ns + "ReportSchema BuildSchema()");
        w.Line("var cells = " + Arr + ".Create<" + Ns + "CellInfo>(");
        for (int i = 0; i < model.Cells.Count; i++)
        {
            CellModel c = model.Cells[i];
            w.Line("    new " + Ns + "CellInfo(" + c.Ordinal + ", " + CodeWriter.Literal(c.Key) + ", " + CodeWriter.Literal(c.TableKey) + ", "
                + CodeWriter.Literal(c.RowKey) + ", " + CodeWriter.Literal(c.ColumnKey) + ", " + Strings(c.LabelPath) + ", "
                + Ns + "ValueKind." + c.Kind + ", " + CodeWriter.Literal(c.Unit) + ", " + c.Scale + ", " + (c.IsDerived ? "true" : "false") + ", "
                + Ints(c.Identities) + ")" + (i == model.Cells.Count - 1 ? ");" : ","));
        }

        w.Line("var identities = " + Arr + ".Create<" + Ns + "IdentityInfo>(" + (model.Identities.Count == 0 ? ");" : string.Empty));
        for (int i = 0; i < model.Identities.Count; i++)
        {
            IdentityModel x = model.Identities[i];
            w.Line("    new " + Ns + "IdentityInfo(" + x.Index + ", " + CodeWriter.Literal(x.Id) + ", " + CodeWriter.Literal(x.Title) + ", "
                + CodeWriter.Literal(x.TableKey) + ", " + CodeWriter.Literal(x.ScopeKey) + ", " + CodeWriter.Literal(x.ScopeLabel) + ", "
                + Ints(x.Left) + ", " + Ints(x.Right) + ", " + Ns + "IdentityRelation." + x.Relation + ", "
                + "global::Reports.Core.Diagnostics.DiagnosticSeverity." + (x.IsError ? "Error" : "Warning") + ", " + (x.IsSummation ? "true" : "false") + ")"
                + (i == model.Identities.Count - 1 ? ");" : ","));
        }

        w.Line("var tables = " + Arr + ".Create<" + Ns + "TableInfo>(");
        for (int i = 0; i < model.Tables.Count; i++)
        {
            TableModel t = model.Tables[i];
            w.Line("    new " + Ns + "TableInfo(" + CodeWriter.Literal(t.Key) + ", " + CodeWriter.Literal(t.Name) + ", " + CodeWriter.Literal(t.Label) + ", "
                + CodeWriter.Literal(t.Note) + ", " + Rows(t.Rows) + ")" + (i == model.Tables.Count - 1 ? ");" : ","));
        }

        const string X = "global::Reports.Core.CrossReport.";
        w.Line("var crossYear = " + Arr + ".Create<" + X + "CrossYearLink>(" + (model.CrossYear.Count == 0 ? ");" : string.Empty));
        for (int i = 0; i < model.CrossYear.Count; i++)
        {
            CrossYearModel x = model.CrossYear[i];
            w.Line("    new " + X + "CrossYearLink(" + CodeWriter.Literal(x.Id) + ", " + CodeWriter.Literal(x.Title) + ", "
                + "global::Reports.Core.Diagnostics.DiagnosticSeverity." + (x.IsError ? "Error" : "Warning") + ", "
                + "new " + X + "CrossYearTerm(" + X + "ReportYear.Current, " + CodeWriter.Literal(x.Left) + "), "
                + Arr + ".Create<" + X + "CrossYearTerm>(" + string.Join(", ", x.Right.Select(t =>
                    "new " + X + "CrossYearTerm(" + X + "ReportYear." + (t.IsPrevious ? "Previous" : "Current") + ", " + CodeWriter.Literal(t.Pattern) + ", " + (t.IsNegative ? "-1" : "1") + ")"))
                + "))" + (i == model.CrossYear.Count - 1 ? ");" : ","));
        }

        w.Line("var statements = " + Statements(model.Statements) + ";");
        w.Line("return new " + Ns + "ReportSchema(" + CodeWriter.Literal(model.Edition) + ", " + CodeWriter.Literal(model.TypeName) + ", "
            + CodeWriter.Literal(model.Title) + ", " + CodeWriter.Literal(model.Instrument) + ", " + Year(model.FromYear) + ", " + Year(model.ToYear) + ", "
            + "tables, cells, identities, " + Ints(model.DerivationOrder) + ", crossYear, statements);");
        w.Close();
    }

    private static string Statements(EquatableArray<StatementModel> statements) =>
        statements.Count == 0 ? Arr + "<" + Ns + "StatementInfo>.Empty" : Arr + ".Create<" + Ns + "StatementInfo>(" + string.Join(", ", statements.Select(Statement)) + ")";

    private static string Statement(StatementModel s) =>
        "new " + Ns + "StatementInfo(" + CodeWriter.Literal(s.Id) + ", " + CodeWriter.Literal(s.Title) + ", " + Strings(s.Patterns) + ", "
        + Ints(s.Cells) + ", " + Statements(s.Details) + ")";

    private static string Rows(EquatableArray<RowModel> rows) =>
        rows.Count == 0 ? Arr + "<" + Ns + "RowInfo>.Empty" : Arr + ".Create<" + Ns + "RowInfo>(" + string.Join(", ", rows.Select(Row)) + ")";

    private static string Row(RowModel r) =>
        "new " + Ns + "RowInfo(" + CodeWriter.Literal(r.Key) + ", " + CodeWriter.Literal(r.Label) + ", " + Strings(r.Aliases) + ", " + Rows(r.Children) + ", "
        + Columns(r.Columns) + ", " + Ints(r.Cells) + ")";

    private static string Columns(EquatableArray<ColumnModel> columns) =>
        columns.Count == 0 ? Arr + "<" + Ns + "ColumnInfo>.Empty" : Arr + ".Create<" + Ns + "ColumnInfo>(" + string.Join(", ", columns.Select(Column)) + ")";

    private static string Column(ColumnModel c) =>
        "new " + Ns + "ColumnInfo(" + CodeWriter.Literal(c.Key) + ", " + CodeWriter.Literal(c.Label) + ", " + Strings(c.Aliases) + ", " + Columns(c.Children) + ")";

    private static string Strings(EquatableArray<string> items) =>
        items.Count == 0 ? Arr + "<string>.Empty" : Arr + ".Create<string>(" + string.Join(", ", items.Select(CodeWriter.Literal)) + ")";

    private static string Ints(EquatableArray<int> items) =>
        items.Count == 0 ? Arr + "<int>.Empty" : Arr + ".Create<int>(" + string.Join(", ", items.Select(i => i.ToString(CultureInfo.InvariantCulture))) + ")";

    private static string Year(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? "null";
}
