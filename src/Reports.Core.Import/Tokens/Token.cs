using Reports.Core.Cells;

namespace Reports.Core.Import.Tokens;

/// <summary>What a token is to the aligner.</summary>
internal enum TokenKind : byte
{
    /// <summary>Words: a heading, a row or column label, a fragment of one, or narrative.</summary>
    Label,

    /// <summary>A value cell: a number, a not-applicable marker, words in a number cell, or a run of glued digits.</summary>
    Value,

    /// <summary>An empty cell that a layout states explicitly (between two bars, two tabs, an empty HTML cell, a line of U+3000).</summary>
    Empty,
}

/// <summary>How the line a token came from was laid out (reported per document as the dominant layout of its tables).</summary>
internal enum LineLayout : byte
{
    /// <summary>Free text: words and numbers separated by white space, or glued together.</summary>
    Text,

    /// <summary>Cells separated by <c>|</c>, with or without outer bars.</summary>
    Pipe,

    /// <summary>Cells separated by tabs.</summary>
    Tab,

    /// <summary>Cells of an HTML table.</summary>
    Html,
}

/// <summary>
/// One token of the stream every input becomes: its kind, its raw text (trimmed, otherwise as written) and where it
/// stands. <see cref="Line"/> is the index of the physical line (or HTML row) it came from; tokens of one line are
/// one row of a table to the aligner.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, SourceSpan Span, int Line, LineLayout Layout)
{
    /// <summary>A value cut from words it was glued to (<c>规章000</c>): where glued digits may hold several cells.</summary>
    public bool Glued { get; init; }

    /// <summary>
    /// An empty cell a layout implies but does not mark for sure (an extra blank line where one blank line separates
    /// cells): the aligner may count it as a cell or pass over it, whichever reads the row.
    /// </summary>
    public bool Soft { get; init; }

    /// <summary>
    /// A value of a chain of digit values with only spaces between them (<c>…情形）500000 5（三）</c>): cells, or one run of
    /// glued cells with spaces in it, whichever the row's number of cells says.
    /// </summary>
    public bool Chained { get; init; }

    /// <summary>
    /// The first token after a line of bars alone (<c>|||||||</c>) where bars end cells: the residue of a row's empty
    /// cells collapsed into one line. It closes the row before it (whatever number of bars it has, it says nothing of
    /// which columns that row's values took), so no row reads across it.
    /// </summary>
    public bool AfterResidue { get; init; }


    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        TokenKind.Label => "L:" + Text,
        TokenKind.Value => "V:" + Text,
        _ => "E",
    };
}
