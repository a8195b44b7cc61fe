using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Reports.Core.Generators.Model;

namespace Reports.Core.Generators.Emit;

/// <summary>
/// Emits the typed views of one flavor: a type per table and row group, a type per distinct row shape
/// (rows that share their columns share the type), a type per keyed column group. Views hold the storage
/// and an offset, so reading a cell is one indexed load and views never allocate (builder views excepted).
/// </summary>
internal sealed class ViewEmitter
{
    private readonly EditionModel _model;
    private readonly ViewFlavor _flavor;
    private readonly CodeWriter _w;
    private readonly Dictionary<string, string> _rowTypeBySignature = new();
    private readonly HashSet<string> _usedTypeNames = new();
    private readonly List<System.Action> _pending = new();

    // Every data row by the signature of its shape: the rows one row type serves, for the docs of its cells.
    private readonly Dictionary<string, List<RowModel>> _rowsBySignature = new();

    public ViewEmitter(EditionModel model, ViewFlavor flavor, CodeWriter writer)
    {
        _model = model;
        _flavor = flavor;
        _w = writer;
        foreach (TableModel table in model.Tables)
        {
            CollectShapes(table.Rows);
        }
    }

    private void CollectShapes(EquatableArray<RowModel> rows)
    {
        foreach (RowModel row in rows)
        {
            if (!row.IsData)
            {
                CollectShapes(row.Children);
                continue;
            }

            string signature = Signature(row);
            if (!_rowsBySignature.TryGetValue(signature, out List<RowModel>? list))
            {
                _rowsBySignature[signature] = list = new List<RowModel>();
            }

            list.Add(row);
        }
    }

    private static string Signature(RowModel row) => row.ColumnsOwner + "|" + string.Join(",", row.Cells.Select(c => c < 0 ? "x" : "o"));

    /// <summary>Emits the table properties on the owner type and every nested view type.</summary>
    public void EmitTables(string storageExpression)
    {
        foreach (TableModel table in _model.Tables)
        {
            string type = ViewTypeForTable(table, out string args);
            _w.Doc(table.Label + " (" + table.Key + ")");
            _w.Line("public " + type + " " + table.Name + " => new " + type + "(" + storageExpression + args + ");");
            _w.Line();
        }

        while (_pending.Count > 0)
        {
            System.Action next = _pending[0];
            _pending.RemoveAt(0);
            next();
        }
    }

    private string ViewTypeForTable(TableModel table, out string args)
    {
        if (table.Rows.Count == 1 && table.Rows[0].IsData && table.Rows[0].Key.Length == 0)
        {
            RowModel only = table.Rows[0];
            args = ", " + FirstOrdinal(only).ToString(CultureInfo.InvariantCulture);
            return RowType(only);
        }

        args = string.Empty;
        string name = Unique(table.Name + "Table");
        _pending.Add(() => EmitGroup(name, table.Label, table.Rows));
        return name;
    }

    private void EmitGroup(string typeName, string label, EquatableArray<RowModel> rows)
    {
        _w.Doc(label + " — " + _flavor.KindWord + ".");
        _w.Line(GeneratedCode.Attribute);
        _w.Open(_flavor.TypeKeyword + " " + typeName);
        _w.Line("private readonly " + _flavor.StorageType + " _s;");
        _w.Line();
        _w.Line("internal " + typeName + "(" + _flavor.StorageType + " s) => _s = s;");
        foreach (RowModel row in rows)
        {
            _w.Line();
            _w.Doc(row.Label + (row.Key.Length == 0 ? string.Empty : " (" + row.Key + ")"));
            if (row.IsData)
            {
                string type = RowType(row);
                _w.Line("public " + type + " " + row.Name + " => new " + type + "(_s, " + FirstOrdinal(row).ToString(CultureInfo.InvariantCulture) + ");");
            }
            else
            {
                string type = Unique(row.Name + "Group");
                RowModel group = row;
                _pending.Add(() => EmitGroup(type, group.Label, group.Children));
                _w.Line("public " + type + " " + row.Name + " => new " + type + "(_s);");
            }
        }

        _w.Close();
        _w.Line();
    }

    private string RowType(RowModel row)
    {
        string signature = Signature(row);
        if (_rowTypeBySignature.TryGetValue(signature, out string? existing))
        {
            return existing;
        }

        string name = Unique(row.ColumnsOwner + "Row", row.Name + "Row");
        _rowTypeBySignature[signature] = name;
        RowModel shape = row;
        _pending.Add(() => EmitRow(name, shape));
        return name;
    }

    private void EmitRow(string typeName, RowModel row)
    {
        List<RowModel> rows = _rowsBySignature[Signature(row)];
        OpenOffsetView(typeName, rows.Count == 1 ? "The row " + row.Label + " (" + RowKey(row) + ")" : "A row of " + row.ColumnsOwner + " (" + rows.Count + " rows: " + string.Join(", ", rows.Take(4).Select(RowKey)) + (rows.Count > 4 ? ", …" : string.Empty) + ")");
        int first = FirstOrdinal(row);
        int leafIndex = 0;
        EmitColumns(row, row.Columns, first, ref leafIndex, string.Empty);
        _w.Close();
        _w.Line();
    }

    private void EmitColumns(RowModel row, EquatableArray<ColumnModel> columns, int first, ref int leafIndex, string labels)
    {
        foreach (ColumnModel column in columns)
        {
            string path = labels.Length == 0 ? column.Label : labels + " › " + column.Label;
            if (column.IsLeaf)
            {
                int leaf = leafIndex++;
                int ordinal = row.Cells[leaf];
                if (ordinal >= 0)
                {
                    EmitCell(row, leaf, path, column, "_o + " + (ordinal - first).ToString(CultureInfo.InvariantCulture));
                }
            }
            else if (column.Key.Length == 0)
            {
                EmitColumns(row, column.Children, first, ref leafIndex, path);
            }
            else
            {
                int start = leafIndex;
                int groupFirst = FirstPresent(row, start, CountLeaves(column));
                string type = Unique(column.Name + "Columns");
                RowModel owner = row;
                ColumnModel group = column;
                string groupLabels = path;
                _pending.Add(() => EmitColumnGroup(type, owner, group, start, groupFirst, groupLabels));
                leafIndex += CountLeaves(column);
                _w.Line();
                _w.Doc(column.Label + " (" + column.Key + ")");
                _w.Line("public " + type + " " + column.Name + " => new " + type + "(_s, _o + " + (groupFirst - first).ToString(CultureInfo.InvariantCulture) + ");");
            }
        }
    }

    private void EmitColumnGroup(string typeName, RowModel row, ColumnModel group, int startLeaf, int groupFirst, string labels)
    {
        OpenOffsetView(typeName, group.Label);
        int leafIndex = startLeaf;
        EmitColumns(row, group.Children, groupFirst, ref leafIndex, labels);
        _w.Close();
        _w.Line();
    }

    // A view over the storage at an offset: rows and column groups (shared by rows of the same shape).
    private void OpenOffsetView(string typeName, string summary)
    {
        _w.Doc(summary + " — " + _flavor.KindWord + ".");
        _w.Line(GeneratedCode.Attribute);
        _w.Open(_flavor.TypeKeyword + " " + typeName);
        _w.Line("private readonly " + _flavor.StorageType + " _s;");
        _w.Line("private readonly int _o;");
        _w.Line();
        _w.Line("internal " + typeName + "(" + _flavor.StorageType + " s, int o)");
        _w.Line("{");
        _w.Line("    _s = s;");
        _w.Line("    _o = o;");
        _w.Line("}");
    }

    // A row type serves every row of its shape: its cell docs name the column and the rows, never one row's label or key.
    private void EmitCell(RowModel row, int leaf, string columnLabels, ColumnModel column, string index)
    {
        _w.Line();
        CellModel cell = _model.Cells[row.Cells[leaf]];
        string unit = cell.Unit.Length == 0 ? string.Empty : ", " + cell.Unit;
        string kind = cell.Kind.ToString().ToLowerInvariant() + unit;
        List<RowModel> rows = _rowsBySignature[Signature(row)];
        if (rows.Count == 1)
        {
            _w.Doc(cell.Label() + " (" + cell.Key + "; " + kind + ")" + (cell.IsDerived ? " Derived: the total of its parts." : string.Empty));
        }
        else
        {
            List<string> derived = rows.Where(r => _model.Cells[r.Cells[leaf]].IsDerived).Select(RowKey).ToList();
            string derivedNote = derived.Count == 0 ? string.Empty
                : derived.Count == rows.Count ? " Derived: the total of its parts."
                : " Derived (the total of its parts) in " + string.Join(", ", derived) + ".";
            _w.Doc(columnLabels + " (column " + cell.ColumnKey + "; " + kind + ")." + derivedNote);
        }

        string type = _flavor.ValueType(cell);
        if (_flavor.Settable && !cell.IsDerived)
        {
            _w.Open("public " + type + " " + column.Name);
            _w.Line("get => " + _flavor.Getter(cell, index) + ";");
            _w.Line("set => " + _flavor.Setter(cell, index) + ";");
            _w.Close();
        }
        else
        {
            _w.Line("public " + type + " " + column.Name + " => " + _flavor.Getter(cell, index) + ";");
        }
    }

    private string RowKey(RowModel row)
    {
        CellModel cell = _model.Cells[FirstOrdinal(row)];
        return cell.TableKey + (cell.RowKey.Length == 0 ? string.Empty : "." + cell.RowKey);
    }

    private static int CountLeaves(ColumnModel column) => column.IsLeaf ? 1 : column.Children.Sum(CountLeaves);

    private static int FirstPresent(RowModel row, int start, int count)
    {
        for (int i = start; i < start + count; i++)
        {
            if (row.Cells[i] >= 0)
            {
                return row.Cells[i];
            }
        }

        return FirstOrdinal(row);
    }

    private static int FirstOrdinal(RowModel row) => row.Cells.FirstOrDefault(c => c >= 0);

    private string Unique(string preferred, string? alternative = null)
    {
        if (_usedTypeNames.Add(preferred))
        {
            return preferred;
        }

        if (alternative is not null && _usedTypeNames.Add(alternative))
        {
            return alternative;
        }

        for (int i = 2; ; i++)
        {
            string candidate = preferred + i.ToString(CultureInfo.InvariantCulture);
            if (_usedTypeNames.Add(candidate))
            {
                return candidate;
            }
        }
    }
}

internal static class CellModelExtensions
{
    public static string Label(this CellModel cell) => string.Join(" › ", cell.LabelPath);
}
