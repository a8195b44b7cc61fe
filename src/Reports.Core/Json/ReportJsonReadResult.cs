using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;

namespace Reports.Core.Json;

/// <summary>Metadata and cells read from JSON, untyped; generated code wraps them in the edition's draft.</summary>
public sealed class ReportJsonReadResult
{
    internal ReportJsonReadResult(ReportInfo info, ReportCells? cells, ImmutableArray<Diagnostic> diagnostics)
    {
        Info = info;
        Cells = cells;
        Diagnostics = diagnostics;
    }

    /// <summary>Agency, year and source.</summary>
    public ReportInfo Info { get; }

    /// <summary>The cells, or null when an error made the JSON unreadable.</summary>
    public ReportCells? Cells { get; }

    /// <summary>True when the JSON could be read: <see cref="Cells"/> is not null (findings may still hold errors).</summary>
    [MemberNotNullWhen(true, nameof(Cells))]
    public bool Succeeded => Cells is not null;

    /// <summary>Findings while reading.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
