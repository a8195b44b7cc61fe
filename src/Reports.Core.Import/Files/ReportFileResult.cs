using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;

namespace Reports.Core.Import;

/// <summary>What <see cref="ReportFile.Read(string, ReportFileOptions?)"/> found in one file: the draft, the validated report, and every finding (reading, import and validation) together.</summary>
public sealed class ReportFileResult
{
    internal ReportFileResult()
    {
    }

    /// <summary>The name the findings are attributed to (the path as given, or the source name given).</summary>
    public required string Source { get; init; }

    /// <summary>The format read: <c>text</c>, <c>html</c>, <c>json</c>, or a reader's (<c>pdf</c>); null when the file was not read.</summary>
    public string? Format { get; init; }

    /// <summary>The encoding the text was read in (<c>UTF-8</c>, <c>GB18030</c>, <c>Big5</c>, <c>UTF-16LE</c>, …); null for binary formats or unread files.</summary>
    public string? Encoding { get; init; }

    /// <summary>The report's edition; null when none was determined.</summary>
    public ReportEdition? Edition { get; init; }

    /// <summary>The edition's id; for a JSON file naming an edition not known here, the id it names.</summary>
    public string? EditionId => Edition?.Id ?? EditionIdRead;

    /// <summary>Edition detected per table (<c>t2</c> → <c>2021</c>, …; imported files only, empty otherwise).</summary>
    public IReadOnlyDictionary<string, string> TableEditions { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The draft as read (cells keep raw text and location); null when none could be read.</summary>
    public IReportDraft? Draft { get; init; }

    /// <summary>The validated report, when the draft holds every identity; null otherwise (see <see cref="Diagnostics"/>).</summary>
    public IValidatedReport? Report { get; init; }

    /// <summary>The agency, from the title or the JSON.</summary>
    public string? Agency => Draft?.Info.Agency ?? AgencyRead;

    /// <summary>The reporting year, from the title or the JSON.</summary>
    public int? Year => Draft?.Info.Year ?? YearRead;

    /// <summary>True when a draft was read and passed validation with no error finding: <see cref="Report"/> and <see cref="Draft"/> are set.</summary>
    [MemberNotNullWhen(true, nameof(Report), nameof(Draft))]
    public bool IsValid { get; init; }

    /// <summary>True when the file itself could not be opened (missing, I/O error, access denied): RC4001 or RC4002.</summary>
    public bool InputFailed { get; init; }

    /// <summary>All findings, reading and import (RC2xxx, RC11xx) first, then validation (RC1xxx), each attributed to <see cref="Source"/>.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = ImmutableArray<Diagnostic>.Empty;

    /// <summary>Error findings.</summary>
    public int Errors => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Warning findings.</summary>
    public int Warnings => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);

    internal string? EditionIdRead { get; init; }

    internal string? AgencyRead { get; init; }

    internal int? YearRead { get; init; }
}
