using Reports.Core.Generators.Model;

namespace Reports.Core.Generators.Emit;

/// <summary>
/// How typed views read (and, for the builder, write) cells. The same table/row/column walk is emitted three
/// times: as-published cells for the draft, numbers for the validated report, settable numbers for the builder.
/// </summary>
internal sealed class ViewFlavor
{
    private ViewFlavor(string storageType, bool isClass, bool settable, string kindWord)
    {
        StorageType = storageType;
        IsClass = isClass;
        Settable = settable;
        KindWord = kindWord;
    }

    public static ViewFlavor Draft { get; } = new("global::Reports.Core.Reports.ReportCells", isClass: false, settable: false, "as published");

    public static ViewFlavor Validated { get; } = new("long[]", isClass: false, settable: false, "validated");

    public static ViewFlavor Builder { get; } = new("global::Reports.Core.Infrastructure.ReportBuilderValues", isClass: true, settable: true, "to build");

    public string StorageType { get; }

    public bool IsClass { get; }

    public bool Settable { get; }

    public string KindWord { get; }

    public string TypeKeyword => IsClass ? "public sealed class" : "public readonly struct";

    public string ValueType(CellModel cell) =>
        this == Draft ? "global::Reports.Core.Cells.Cell" : cell.Kind == CellKind.Money ? "decimal" : "int";

    // Views are structs (draft, validated): default(TView) has no storage and reads as missing / 0 instead of throwing.
    public string Getter(CellModel cell, string index)
    {
        if (this == Draft)
        {
            return "(_s is null ? default(global::Reports.Core.Cells.Cell) : _s[" + index + "])";
        }

        string raw = this == Builder ? "_s.Get(" + index + ")" : "(_s is null ? 0L : _s[" + index + "])";
        return cell.Kind == CellKind.Money
            ? "global::Reports.Core.Cells.Money.FromScaled(" + raw + ", " + cell.Scale + ")"
            : "unchecked((int)" + raw + ")";
    }

    public string Setter(CellModel cell, string index) =>
        cell.Kind == CellKind.Money ? "_s.SetMoney(" + index + ", value)" : "_s.SetInteger(" + index + ", value)";
}
