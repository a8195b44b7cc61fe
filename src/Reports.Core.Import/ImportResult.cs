using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;

namespace Reports.Core.Import;

/// <summary>What <see cref="ReportImporter.Import(string, string?)"/> read: a draft with every cell located, and the import diagnostics.</summary>
public sealed class ImportResult
{
    internal ImportResult(IReportDraft? draft, ReportEdition? edition, IReadOnlyDictionary<string, string> tableEditions, ImmutableArray<Diagnostic> diagnostics, string layout, ImmutableArray<string> inferredCells)
    {
        InferredCells = inferredCells;
        Draft = draft;
        Edition = edition;
        TableEditions = tableEditions;
        Diagnostics = diagnostics;
        Layout = layout;
    }

    /// <summary>The draft as published (cells keep raw text and source location); null when no table could be read.</summary>
    public IReportDraft? Draft { get; }

    /// <summary>The report's edition (the edition of Table 2, the distinguishing table); null when none was read.</summary>
    public ReportEdition? Edition { get; }

    /// <summary>Edition detected per table (<c>t2</c>, <c>t3</c>, <c>t4</c> → <c>"2019"</c> / <c>"2021"</c>). Hybrid reports differ per table.</summary>
    public IReadOnlyDictionary<string, string> TableEditions { get; }

    /// <summary>Import findings (RC2xxx). Validation findings come from <see cref="ReportEdition.Validate"/>.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The layout the text was read as: <c>pipe</c>, <c>tab</c>, <c>cell-per-line</c>, <c>layout</c> (aligned columns), <c>run-together</c> or <c>html</c>: the layout of most of the table cells read (a document may mix layouts; each line is read in its own).</summary>
    public string Layout { get; }

    /// <summary>
    /// Keys of the cells whose values were inferred: split from glued digits as the only split under which the
    /// identities hold (each split is stated by an RC2008 diagnostic).
    /// </summary>
    public ImmutableArray<string> InferredCells { get; }

    /// <summary>True when an import diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
