namespace Reports.Core.Cells;

/// <summary>What a cell held in the published report.</summary>
public enum CellState : byte
{
    /// <summary>The cell is not in the source at all (a truncated table, a missing column).</summary>
    Missing = 0,

    /// <summary>A number was read.</summary>
    Number = 1,

    /// <summary>The cell was present but empty (including U+3000 and other white space).</summary>
    Blank = 2,

    /// <summary>A not-applicable marker such as <c>/</c>, <c>—</c> or <c>-</c>: kept, never read as 0 silently.</summary>
    NotApplicable = 3,

    /// <summary>Text that could not be read as a number; the raw string is kept.</summary>
    Text = 4,
}
