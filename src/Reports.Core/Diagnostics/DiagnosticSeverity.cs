namespace Reports.Core.Diagnostics;

/// <summary>How serious a finding is.</summary>
public enum DiagnosticSeverity : byte
{
    /// <summary>Worth knowing; nothing is wrong.</summary>
    Info = 0,

    /// <summary>Flag for review (soft checks, blank cells read as 0, layout deviations).</summary>
    Warning = 1,

    /// <summary>A data error: the report cannot be validated.</summary>
    Error = 2,
}
