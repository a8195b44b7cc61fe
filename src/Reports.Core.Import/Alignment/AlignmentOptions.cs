namespace Reports.Core.Import.Alignment;

/// <summary>
/// The weights of the alignment, in one place. A template row's reading scores its label (twice the share of the
/// label found before its values, when at least <see cref="MinCoverage"/>) plus how its values fit the row's cells;
/// what the reading leaves out or cuts costs. The alignment takes the reading of the whole table with the highest
/// score. The figures were set on the rules "a label beats position" and "a row is a line where lines are rows".
/// </summary>
internal static class AlignmentOptions
{
    /// <summary>Below this share of a label's characters, the label is not recognised (the row is read by position).</summary>
    public const double MinCoverage = 0.5;

    /// <summary>...and at least this many of its characters (all of a shorter label): one shared word (行政) is no match.</summary>
    public const int MinCoveredChars = 3;

    public const double LabelWeight = 2.0;

    /// <summary>A row of empty cells is read only when at least this share of the words before it is its label.</summary>
    public const double MinPrecisionEmptyRow = 0.6;

    /// <summary>A matching numbering mark (（三）, 2.) adds this to the label's share.</summary>
    public const double NumberingBonus = 0.2;

    /// <summary>Per recognised label character: longer labels win ties (（六）其他处理 over 3.其他).</summary>
    public const double LengthBonus = 0.01;

    public const double FitExact = 1.0;
    public const double FitOneMissing = 0.4;
    public const double FitOneExtra = 0.45;
    public const double FitTwoMissing = 0.1;
    public const double FitRunTogether = 0.8;

    /// <summary>The last row of a region with fewer values than cells: an excerpt that ends mid-row.</summary>
    public const double FitCutShort = 0.3;

    /// <summary>A row read by position alone is worth its values left out plus this share of its fit.</summary>
    public const double PositionalShare = 0.1;

    /// <summary>A value the reading leaves out (it is reported as a row outside the template).</summary>
    public const double SkipValue = 0.35;

    /// <summary>A template row the reading does not find.</summary>
    public const double SkipRow = 0.02;

    /// <summary>
    /// A row read from an empty cell right after its label: in tables whose label spans two columns that cell is
    /// the label's; worth more than the fit an extra cell gains (so 6 values + that cell read as 6 values).
    /// </summary>
    public const double LeadingEmpty = 0.65;

    /// <summary>A row's values cut from values on the same line with no label between them.</summary>
    public const double CutLine = 0.6;

    /// <summary>Words between two values of one row (column headings, long-format items); more when they name another row.</summary>
    public const double InteriorGap = 0.25;

    public const double InteriorGapOtherRow = 1.5;

    /// <summary>A row's values continuing on the next line, where the table has one row per line.</summary>
    public const double InteriorLineBreak = 0.3;

    /// <summary>Cells per line from which a table counts as one row per line.</summary>
    public const double LineOrientedCellsPerLine = 2.5;

    /// <summary>Label text kept before a value (characters): enough for any template label and its wrapped parts.</summary>
    public const int MaxGapChars = 160;

    /// <summary>A table region holding more value cells than this is read up to here, and the rest is reported.</summary>
    public const int MaxCells = 20_000;
}
