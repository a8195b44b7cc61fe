using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Reports.Core.Import;

/// <summary>How <see cref="ReportFile"/> reads files: the importer (and so the editions), the pluggable readers, the size limit.</summary>
public sealed class ReportFileOptions
{
    /// <summary>Text, HTML and JSON with the built-in editions; no extra readers (add <c>Reports.Core.Import.Pdf</c>'s for PDF).</summary>
    public static ReportFileOptions Default { get; } = new();

    /// <summary>The importer for text and HTML; its editions are the editions JSON files may name.</summary>
    public ReportImporter Importer { get; init; } = ReportImporter.Default;

    /// <summary>Readers for other formats (PDF, Word), tried by extension, then by the file's first bytes.</summary>
    public ImmutableArray<IReportFileReader> Readers { get; init; } = ImmutableArray<IReportFileReader>.Empty;

    /// <summary>Files larger than this (bytes) are not read: an RC2019 finding says so. Default 64 MiB.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Validate the draft against its edition (default); false stops after reading.</summary>
    public bool Validate { get; init; } = true;

    /// <summary>These options with <paramref name="reader"/> added (replacing a reader of the same format).</summary>
    public ReportFileOptions WithReader(IReportFileReader reader)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        return new ReportFileOptions
        {
            Importer = Importer,
            Readers = Readers.Where(r => !string.Equals(r.Format, reader.Format, StringComparison.OrdinalIgnoreCase)).Append(reader).ToImmutableArray(),
            MaxFileBytes = MaxFileBytes,
            Validate = Validate,
        };
    }

    /// <summary>The extensions read: text, HTML and JSON, and those of <see cref="Readers"/>.</summary>
    public IReadOnlyList<string> Extensions =>
        ReportFile.TextExtensions.Concat(new[] { ".json" }).Concat(Readers.SelectMany(r => r.Extensions)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
