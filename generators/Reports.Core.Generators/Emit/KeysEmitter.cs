using System.Collections.Generic;
using System.Linq;
using Reports.Core.Generators.Model;

namespace Reports.Core.Generators.Emit;

/// <summary>
/// Emits <c>&lt;TypeName&gt;Keys</c>: every cell key as a <c>const string</c>, nested by table, row and column under the
/// same C# names as the report's members (<c>Report2021Keys.Applications.NewReceived.NaturalPerson</c> is the key of
/// <c>report.Applications.NewReceived.NaturalPerson</c>). Code that names a cell by key then fails to build when the
/// schema renames or removes it, instead of failing at run time.
/// </summary>
internal static class KeysEmitter
{
    public static string TypeNameOf(EditionModel model) => model.TypeName + "Keys";

    public static void Emit(EditionModel m, CodeWriter w)
    {
        string type = TypeNameOf(m);
        w.Line("/// <summary>");
        w.Line("/// The cell keys of <see cref=\"" + m.TypeName + "\"/> as constants, nested by table, row and column like its members");
        w.Line("/// (<c>" + CodeWriter.Escape(Example(m)) + "</c>): a cell renamed or removed in the schema fails the build of code that names it.");
        w.Line("/// </summary>");
        w.Line(GeneratedCode.Attribute);
        w.Open("public static class " + type);
        bool first = true;
        foreach (TableModel table in m.Tables)
        {
            first = Separate(w, first);
            w.Doc(table.Label + " (" + table.Key + ")");
            w.Line(GeneratedCode.Attribute);
            bool single = table.Rows.Count == 1 && table.Rows[0].IsData && table.Rows[0].Key.Length == 0;
            w.Open("public static class " + ClassName(table.Name, "Table", single ? ColumnNames(table.Rows[0], table.Rows[0].Columns, 0) : table.Rows.Select(r => r.Name)));
            if (single)
            {
                // The single keyless row of a one-row table: its columns are the table's (as on the report's views).
                Columns(m, w, table.Rows[0], table.Rows[0].Columns, 0, true);
            }
            else
            {
                Rows(m, w, table.Rows, table.Key);
            }

            w.Close();
        }

        w.Close();
    }

    private static void Rows(EditionModel m, CodeWriter w, EquatableArray<RowModel> rows, string tableKey)
    {
        bool first = true;
        foreach (RowModel row in rows)
        {
            first = Separate(w, first);
            w.Doc(row.Label + (row.Key.Length == 0 ? string.Empty : " (" + tableKey + "." + row.Key + ")"));
            w.Line(GeneratedCode.Attribute);
            w.Open("public static class " + ClassName(row.Name, row.IsData ? "Row" : "Group", row.IsData ? ColumnNames(row, row.Columns, 0) : row.Children.Select(r => r.Name)));
            if (row.IsData)
            {
                Columns(m, w, row, row.Columns, 0, true);
            }
            else
            {
                Rows(m, w, row.Children, tableKey);
            }

            w.Close();
        }
    }

    // The leaves of one row under these columns, from leaf index `leaf`; returns the next leaf index.
    private static int Columns(EditionModel m, CodeWriter w, RowModel row, EquatableArray<ColumnModel> columns, int leaf, bool first)
    {
        foreach (ColumnModel column in columns)
        {
            if (column.IsLeaf)
            {
                int ordinal = row.Cells[leaf++];
                if (ordinal < 0)
                {
                    continue; // absent in this row
                }

                CellModel cell = m.Cells[ordinal];
                first = Separate(w, first);
                w.Doc(cell.Label() + " (" + cell.Key + ")");
                w.Line("public const string " + column.Name + " = " + CodeWriter.Literal(cell.Key) + ";");
            }
            else if (column.Key.Length == 0)
            {
                leaf = Columns(m, w, row, column.Children, leaf, first);
                first = false;
            }
            else if (!Leaves(column).Any(l => row.Cells[leaf + l] >= 0))
            {
                leaf += Leaves(column).Count();
            }
            else
            {
                first = Separate(w, first);
                w.Doc(column.Label + " (" + column.Key + ")");
                w.Line(GeneratedCode.Attribute);
                w.Open("public static class " + ClassName(column.Name, "Columns", ColumnNames(row, column.Children, leaf)));
                leaf = Columns(m, w, row, column.Children, leaf, true);
                w.Close();
            }
        }

        return leaf;
    }

    // C# forbids a member named like its enclosing type (CS0542): such a class takes the suffix its view type has
    // (TotalRow for the row Total that has a column Total), any other keeps the member's name.
    private static string ClassName(string name, string suffix, IEnumerable<string> members) =>
        members.Contains(name) ? name + suffix : name;

    // The names Columns() declares for these columns of the row from leaf index `leaf` (absent cells and groups left out).
    private static List<string> ColumnNames(RowModel row, EquatableArray<ColumnModel> columns, int leaf)
    {
        var names = new List<string>();
        foreach (ColumnModel column in columns)
        {
            if (column.IsLeaf)
            {
                if (row.Cells[leaf++] >= 0)
                {
                    names.Add(column.Name);
                }
            }
            else if (column.Key.Length == 0)
            {
                names.AddRange(ColumnNames(row, column.Children, leaf));
                leaf += Leaves(column).Count();
            }
            else
            {
                int start = leaf;
                leaf += Leaves(column).Count();
                if (Enumerable.Range(start, leaf - start).Any(i => row.Cells[i] >= 0))
                {
                    names.Add(column.Name);
                }
            }
        }

        return names;
    }

    private static IEnumerable<int> Leaves(ColumnModel column)
    {
        int count = 0;
        Count(column, ref count);
        return Enumerable.Range(0, count);

        static void Count(ColumnModel c, ref int n)
        {
            if (c.IsLeaf)
            {
                n++;
                return;
            }

            foreach (ColumnModel child in c.Children)
            {
                Count(child, ref n);
            }
        }
    }

    private static bool Separate(CodeWriter w, bool first)
    {
        if (!first)
        {
            w.Line();
        }

        return false;
    }

    private static string Example(EditionModel m)
    {
        if (m.Cells.Count == 0 || m.Tables.Count == 0)
        {
            return TypeNameOf(m);
        }

        // The first cell's member path, as the walk above names it.
        TableModel table = m.Tables[0];
        var parts = new List<string> { TypeNameOf(m), table.Name };
        EquatableArray<RowModel> rows = table.Rows;
        while (rows.Count > 0)
        {
            RowModel row = rows[0];
            if (!(table.Rows.Count == 1 && row.IsData && row.Key.Length == 0))
            {
                parts.Add(row.Name);
            }

            if (row.IsData)
            {
                EquatableArray<ColumnModel> columns = row.Columns;
                while (columns.Count > 0)
                {
                    ColumnModel column = columns[0];
                    if (column.Key.Length > 0)
                    {
                        parts.Add(column.Name);
                    }

                    columns = column.Children;
                }

                break;
            }

            rows = row.Children;
        }

        return string.Join(".", parts);
    }
}
