namespace Reports.Core.Synthetic;

/// <summary>The kinds of error the synthetic corpus generator can seed into a report.</summary>
public enum SeededError
{
    /// <summary>No error: the report is valid.</summary>
    None = 0,

    /// <summary>A total of a hard summation is off by a few: RC1001.</summary>
    IdentityBroken,

    /// <summary>A count part holds a negative number: RC1003.</summary>
    NegativeValue,

    /// <summary>A part holds text that is not a number (<c>十二</c>): RC1005.</summary>
    UnreadableCell,

    /// <summary>A part is left out of the JSON: RC1009.</summary>
    MissingPart,

    /// <summary>The JSON line is cut in half: RC1101.</summary>
    MalformedJson,

    /// <summary>The line names an edition that does not exist: RC1201.</summary>
    UnknownEdition,
}
