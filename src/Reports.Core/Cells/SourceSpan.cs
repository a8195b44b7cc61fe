using System;

namespace Reports.Core.Cells;

/// <summary>Where a cell's text stands in the source: 1-based line and column, and its length in characters.</summary>
public readonly record struct SourceSpan(int Line, int Column, int Length)
{
    /// <summary>True when the span points somewhere (line numbers start at 1).</summary>
    public bool IsKnown => Line > 0;

    /// <inheritdoc />
    public override string ToString() => IsKnown ? $"{Line}:{Column}" : "?";

    /// <summary>Creates a span for a whole line.</summary>
    public static SourceSpan ForLine(int line) => new(line, 1, 0);

    internal static SourceSpan Max(SourceSpan a, SourceSpan b) => a.Line >= b.Line ? a : b;
}
