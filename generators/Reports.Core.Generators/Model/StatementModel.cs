namespace Reports.Core.Generators.Model;

/// <summary>
/// A statement of the narrative (e.g. N1 "收到申请 N 件"): patterns whose one group is the number stated, the cells
/// whose sum it must equal, and the statements that may follow it within the same clause.
/// </summary>
internal sealed record StatementModel(
    string Id,
    string Title,
    EquatableArray<string> Patterns,
    EquatableArray<int> Cells,
    EquatableArray<StatementModel> Details);
