using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.ComponentModel;
using Reports.Core.CrossReport;

namespace Reports.Core.Schema;

/// <summary>
/// Run-time description of one edition (or a team's own form), generated from its schema file:
/// tables, cells in ordinal order, and every identity instance.
/// </summary>
public sealed class ReportSchema
{
    private readonly Dictionary<string, int> _ordinalByKey;

    /// <summary>Creates the schema (called by generated code).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ReportSchema(
        string edition,
        string typeName,
        string title,
        string? instrument,
        int? fromYear,
        int? toYear,
        ImmutableArray<TableInfo> tables,
        ImmutableArray<CellInfo> cells,
        ImmutableArray<IdentityInfo> identities,
        ImmutableArray<int> derivationOrder,
        ImmutableArray<CrossYearLink> crossYearLinks,
        ImmutableArray<StatementInfo> statements,
        ImmutableArray<string> jsonPaths)
    {
        if (jsonPaths.IsDefault || jsonPaths.Length != cells.Length)
        {
            throw new ArgumentException("One JSON path per cell is required.", nameof(jsonPaths));
        }

        Edition = edition;
        TypeName = typeName;
        Title = title;
        Instrument = instrument;
        FromYear = fromYear;
        ToYear = toYear;
        Tables = tables;
        Cells = cells;
        Identities = identities;
        DerivationOrder = derivationOrder;
        CrossYearLinks = crossYearLinks.IsDefault ? ImmutableArray<CrossYearLink>.Empty : crossYearLinks;
        Statements = statements.IsDefault ? ImmutableArray<StatementInfo>.Empty : statements;
        JsonPaths = jsonPaths;
        _ordinalByKey = new Dictionary<string, int>(cells.Length, StringComparer.Ordinal);
        foreach (CellInfo cell in cells)
        {
            _ordinalByKey[cell.Key] = cell.Ordinal;
        }
    }

    /// <summary>Edition id, e.g. <c>2021</c>.</summary>
    public string Edition { get; }

    /// <summary>C# type name of the validated report.</summary>
    public string TypeName { get; }

    /// <summary>Official template title.</summary>
    public string Title { get; }

    /// <summary>The notice that issued the template.</summary>
    public string? Instrument { get; }

    /// <summary>First reporting year the edition applies to.</summary>
    public int? FromYear { get; }

    /// <summary>Last reporting year the edition applies to (null while in force).</summary>
    public int? ToYear { get; }

    /// <summary>Tables in order.</summary>
    public ImmutableArray<TableInfo> Tables { get; }

    /// <summary>Every cell, indexed by ordinal.</summary>
    public ImmutableArray<CellInfo> Cells { get; }

    /// <summary>Every identity instance.</summary>
    public ImmutableArray<IdentityInfo> Identities { get; }

    /// <summary>Indexes of the hard summations in an order where every part is derived before its total is.</summary>
    public ImmutableArray<int> DerivationOrder { get; }

    /// <summary>
    /// The cross-year identities (spec §9.2) declared in the schema's <c>crossYear</c> section: the checks that
    /// compare a report of this schema with the same agency's report of the year before.
    /// </summary>
    public ImmutableArray<CrossYearLink> CrossYearLinks { get; }

    /// <summary>The numbers the narrative states and the cells they must equal (the schema's <c>statements</c>, spec §9.4).</summary>
    public ImmutableArray<StatementInfo> Statements { get; }

    /// <summary>
    /// The JSON property path of each cell, by ordinal (<c>t3.carriedIn.np</c> for <c>t3.carried_in.np</c>): the names
    /// the wire format nests, generated from the schema.
    /// </summary>
    internal ImmutableArray<string> JsonPaths { get; }

    /// <summary>Number of cells.</summary>
    public int CellCount => Cells.Length;

    /// <summary>Looks a cell up by key (<c>t3.new.np</c>).</summary>
    public bool TryGetCell(string key, out CellInfo cell)
    {
        if (_ordinalByKey.TryGetValue(key, out int ordinal))
        {
            cell = Cells[ordinal];
            return true;
        }

        cell = null!;
        return false;
    }

    /// <summary>Finds a table by key.</summary>
    public TableInfo? FindTable(string key)
    {
        foreach (TableInfo table in Tables)
        {
            if (table.Key == key)
            {
                return table;
            }
        }

        return null;
    }

    /// <summary>True when the edition applies to <paramref name="year"/>.</summary>
    public bool AppliesTo(int year) => (FromYear is null || year >= FromYear) && (ToYear is null || year <= ToYear);

    /// <inheritdoc />
    public override string ToString() => TypeName + " (" + Edition + ")";
}
