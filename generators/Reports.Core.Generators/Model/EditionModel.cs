namespace Reports.Core.Generators.Model;

/// <summary>Everything the emitter needs for one schema file: plain data, value-equal, no Roslyn symbols.</summary>
internal sealed record EditionModel(
    string Namespace,
    string TypeName,
    string Edition,
    string Title,
    string? Instrument,
    int? FromYear,
    int? ToYear,
    string SourceFile,
    EquatableArray<TableModel> Tables,
    EquatableArray<CellModel> Cells,
    EquatableArray<IdentityModel> Identities,
    EquatableArray<int> DerivationOrder,
    EquatableArray<CrossYearModel> CrossYear,
    EquatableArray<StatementModel> Statements);

/// <summary>A table and its row tree.</summary>
internal sealed record TableModel(
    string Key,
    string Name,
    string Label,
    string? Note,
    EquatableArray<RowModel> Rows);

/// <summary>A row: a group (children) or a data row (cells under its columns).</summary>
internal sealed record RowModel(
    string Key,
    string Name,
    string Label,
    string? Description,
    EquatableArray<string> Aliases,
    EquatableArray<RowModel> Children,
    EquatableArray<ColumnModel> Columns,
    EquatableArray<int> Cells,
    string ColumnsOwner)
{
    public bool IsData => Children.Count == 0;
}

/// <summary>A column: a group (children) or a leaf.</summary>
internal sealed record ColumnModel(
    string Key,
    string Name,
    string Label,
    EquatableArray<string> Aliases,
    EquatableArray<ColumnModel> Children)
{
    public bool IsLeaf => Children.Count == 0;
}

/// <summary>One cell with its resolved value kind.</summary>
internal sealed record CellModel(
    int Ordinal,
    string Key,
    string TableKey,
    string RowKey,
    string ColumnKey,
    EquatableArray<string> LabelPath,
    CellKind Kind,
    string Unit,
    int Scale,
    bool IsDerived,
    EquatableArray<int> Identities);

/// <summary>One applied identity instance: Σ left relation Σ right over cell ordinals.</summary>
internal sealed record IdentityModel(
    int Index,
    string Id,
    string Title,
    string TableKey,
    string ScopeKey,
    string ScopeLabel,
    EquatableArray<int> Left,
    EquatableArray<int> Right,
    Relation Relation,
    bool IsError,
    bool IsSummation);

internal enum CellKind
{
    Count,
    Delta,
    Money,
}

internal enum Relation
{
    Equal,
    LessOrEqual,
    GreaterOrEqual,
}
