using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Reports.Core.Diagnostics;

namespace Reports.Core.Import;

/// <summary>
/// Turns a file of one format (PDF, Word, …) into text the importer reads. Plug one into
/// <see cref="ReportFileOptions.Readers"/>; text, HTML and JSON need none. A reader never throws on input: what it
/// cannot read is a diagnostic in its <see cref="ReportFileText"/>.
/// </summary>
public interface IReportFileReader
{
    /// <summary>The format's name, as <see cref="ReportFileResult.Format"/> reports it (e.g. <c>pdf</c>).</summary>
    string Format { get; }

    /// <summary>File extensions read by this reader, with the dot (e.g. <c>.pdf</c>); compared ignoring case.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>True when <paramref name="head"/> (the first bytes of a file, up to 1 KB) is of this format, whatever the file is called.</summary>
    bool Recognizes(ReadOnlySpan<byte> head);

    /// <summary>Reads the text of <paramref name="content"/>; <paramref name="source"/> names it in diagnostics.</summary>
    ReportFileText Read(byte[] content, string? source);
}

/// <summary>What an <see cref="IReportFileReader"/> read: the text for the importer (null when none could be read) and its findings.</summary>
public sealed class ReportFileText
{
    /// <summary>Text for the importer, with the reader's findings (the reason when <paramref name="text"/> is null).</summary>
    public ReportFileText(string? text, IEnumerable<Diagnostic>? diagnostics = null)
    {
        Text = text;
        Diagnostics = diagnostics is null ? ImmutableArray<Diagnostic>.Empty : diagnostics.ToImmutableArray();
    }

    /// <summary>The text, laid out in lines and columns the importer reads; null when the file could not be read.</summary>
    public string? Text { get; }

    /// <summary>The reader's findings.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
