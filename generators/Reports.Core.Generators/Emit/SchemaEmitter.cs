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
            w.Line("    // " + x.Id + (x.ScopeKey.Length == 0 ? string.Empty : "[" + x.ScopeKey + "]") + ": " + Keys(model, x.Left) + " | " + Keys(model, x.Right));
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
                + CodeWriter.Literal(t.Note) + ",");
            Rows(w, t.Rows, "        ", ")" + (i == model.Tables.Count - 1 ? ");" : ","));
        }

        const string X = "global::Reports.Core.CrossReport.";
        w.Line("var crossYear = " + Arr + ".Create<" + X + "CrossYearLink>(" + (model.CrossYear.Count == 0 ? ");" : string.Empty));
        for (int i = 0; i < model.CrossYear.Count; i++)
        {
            CrossYearModel x = model.CrossYear[i];
            w.Line("    new " + X + "CrossYearLink(" + CodeWriter.Literal(x.Id) + ", " + CodeWriter.Literal(x.Title) + ", "
                + "global::Reports.Core.Diagnostics.DiagnosticSeverity." + (x.IsError ? "Error" : "Warning") + ",");
            w.Line("        new " + X + "CrossYearTerm(" + X + "ReportYear.Current, " + CodeWriter.Literal(x.Left) + "),");
            w.Line("        " + Arr + ".Create<" + X + "CrossYearTerm>(");
            for (int j = 0; j < x.Right.Count; j++)
            {
                CrossYearTermModel t = x.Right[j];
                w.Line("            new " + X + "CrossYearTerm(" + X + "ReportYear." + (t.IsPrevious ? "Previous" : "Current") + ", " + CodeWriter.Literal(t.Pattern) + ", " + (t.IsNegative ? "-1" : "1") + ")"
                    + (j == x.Right.Count - 1 ? "))" + (i == model.CrossYear.Count - 1 ? ");" : ",") : ","));
            }
        }

        w.Line("var statements =");
        Statements(w, model, model.Statements, "    ", ";");
        w.Line("// The JSON property path of each cell, by ordinal: the wire format, each key segment in camelCase.");
        w.Line("var json = Strings(" + (model.Cells.Count == 0 ? ");" : string.Empty));
        for (int i = 0; i < model.Cells.Count; i++)
        {
            w.Line("    " + CodeWriter.Literal(Parsing.Names.JsonPath(model.Cells[i].Key)) + (i == model.Cells.Count - 1 ? ");" : ","));
        }

        w.Line("return new " + Ns + "ReportSchema(" + CodeWriter.Literal(model.Edition) + ", " + CodeWriter.Literal(model.TypeName) + ", "
            + CodeWriter.Literal(model.Title) + ", " + CodeWriter.Literal(model.Instrument) + ", " + Year(model.FromYear) + ", " + Year(model.ToYear) + ", "
            + "tables, cells, identities, " + Ints(model.DerivationOrder) + ", crossYear, statements, json);");
        w.Close();
        w.Line();
        w.Line("private static " + Arr + "<string> Strings(params string[] items) => " + Arr + ".Create(items);");
        w.Line();
        w.Line("private static " + Arr + "<int> Ints(params int[] items) => " + Arr + ".Create(items);");
    }

    // One narrative statement per line (its details nested below it), its cells commented with their keys.
    private static void Statements(CodeWriter w, EditionModel model, EquatableArray<StatementModel> statements, string indent, string suffix)
    {
        if (statements.Count == 0)
        {
            w.Line(indent + Arr + "<" + Ns + "StatementInfo>.Empty" + suffix);
            return;
        }

        w.Line(indent + Arr + ".Create<" + Ns + "StatementInfo>(");
        for (int i = 0; i < statements.Count; i++)
        {
            StatementModel st = statements[i];
            string end = i == statements.Count - 1 ? ")" + suffix : ",";
            w.Line(indent + "    new " + Ns + "StatementInfo(" + CodeWriter.Literal(st.Id) + ", " + CodeWriter.Literal(st.Title) + ", " + Strings(st.Patterns) + ",");
            w.Line(indent + "        " + Ints(st.Cells) + ", // " + Keys(model, st.Cells));
            Statements(w, model, st.Details, indent + "        ", ")" + end);
        }
    }

    // One row or column per line, nested by indentation, so the tree reads like the schema file.
    private static void Rows(CodeWriter w, EquatableArray<RowModel> rows, string indent, string suffix)
    {
        if (rows.Count == 0)
        {
            w.Line(indent + Arr + "<" + Ns + "RowInfo>.Empty" + suffix);
            return;
        }

        w.Line(indent + Arr + ".Create<" + Ns + "RowInfo>(");
        for (int i = 0; i < rows.Count; i++)
        {
            RowModel r = rows[i];
            string end = i == rows.Count - 1 ? ")" + suffix : ",";
            w.Line(indent + "    new " + Ns + "RowInfo(" + CodeWriter.Literal(r.Key) + ", " + CodeWriter.Literal(r.Label) + ", " + Strings(r.Aliases) + ",");
            Rows(w, r.Children, indent + "        ", ",");
            Columns(w, r.Columns, indent + "        ", ",");
            w.Line(indent + "        " + Ints(r.Cells) + ")" + end);
        }
    }

    private static void Columns(CodeWriter w, EquatableArray<ColumnModel> columns, string indent, string suffix)
    {
        if (columns.Count == 0)
        {
            w.Line(indent + Arr + "<" + Ns + "ColumnInfo>.Empty" + suffix);
            return;
        }

        w.Line(indent + Arr + ".Create<" + Ns + "ColumnInfo>(");
        for (int i = 0; i < columns.Count; i++)
        {
            ColumnModel c = columns[i];
            string end = i == columns.Count - 1 ? ")" + suffix : ",";
            string head = indent + "    new " + Ns + "ColumnInfo(" + CodeWriter.Literal(c.Key) + ", " + CodeWriter.Literal(c.Label) + ", " + Strings(c.Aliases) + ",";
            if (c.Children.Count == 0)
            {
                w.Line(head + " " + Arr + "<" + Ns + "ColumnInfo>.Empty)" + end);
            }
            else
            {
                w.Line(head);
                Columns(w, c.Children, indent + "        ", ")" + end);
            }
        }
    }

    private static string Keys(EditionModel model, EquatableArray<int> ordinals) =>
        ordinals.Count == 0 ? "0" : string.Join(" + ", ordinals.Select(o => model.Cells[o].Key));

    private static string Strings(EquatableArray<string> items) => "Strings(" + string.Join(", ", items.Select(CodeWriter.Literal)) + ")";

    private static string Ints(EquatableArray<int> items) => "Ints(" + string.Join(", ", items.Select(i => i.ToString(CultureInfo.InvariantCulture))) + ")";

    private static string Year(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? "null";
}
