namespace Reports.Core.Localization;

/// <summary>The kind of keying slip that turns a repaired value into the published one, when one does.</summary>
public enum TypingError : byte
{
    /// <summary>No typing slip explains the difference.</summary>
    None = 0,

    /// <summary>Two neighbouring digits swapped (26 ↔ 62).</summary>
    Transposition,

    /// <summary>The sign is wrong (−5 for 5).</summary>
    SignFlip,

    /// <summary>A digit typed twice (266 for 26).</summary>
    DoubledDigit,

    /// <summary>A digit left out (16 for 126).</summary>
    DroppedDigit,

    /// <summary>The value of the row above or below, in the same column (off by a row).</summary>
    RowShift,

    /// <summary>One digit too many, not a repeat (216 for 26).</summary>
    ExtraDigit,

    /// <summary>One digit mistyped (20 for 26).</summary>
    DigitSubstitution,
}
