using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Reports.Core.Diagnostics;
using Reports.Core.Import.Grid;
using Reports.Core.Json;
using Reports.Core.Reports;

namespace Reports.Core.Import;

/// <summary>
/// One call from a file to findings: reads any supported file — text or HTML in any encoding (UTF-8, UTF-16, GB18030 /
/// GBK / GB2312, Big5), a JSON draft, or a format a plugged-in <see cref="IReportFileReader"/> reads (PDF with
/// <c>Reports.Core.Import.Pdf</c>, Word with <c>Reports.Core.Import.Docx</c>) — imports it, validates the draft against its edition, and returns the draft, the
/// validated report and all findings together. Never throws on input: a missing, unreadable or unsupported file is a
/// finding.
/// </summary>
public static class ReportFile
{
    /// <summary>Extensions read as text or HTML.</summary>
    public static IReadOnlyList<string> TextExtensions { get; } = new[] { ".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".shtml", ".mht" };

    // Formats recognised by their first bytes that no built-in reader reads.
    private static readonly (string Name, byte[] Magic)[] BinaryMagic =
    {
        ("PDF", new byte[] { 0x25, 0x50, 0x44, 0x46 }),
        ("zip archive or Office Open XML (.xlsx; .docx: add the reader of Reports.Core.Import.Docx)", new byte[] { 0x50, 0x4B, 0x03, 0x04 }),
        ("OLE compound file (.doc, .xls, .wps)", new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }),
        ("PNG image", new byte[] { 0x89, 0x50, 0x4E, 0x47 }),
        ("JPEG image", new byte[] { 0xFF, 0xD8, 0xFF }),
        ("GIF image", new byte[] { 0x47, 0x49, 0x46, 0x38 }),
        ("TIFF image", new byte[] { 0x49, 0x49, 0x2A, 0x00 }),
        ("TIFF image", new byte[] { 0x4D, 0x4D, 0x00, 0x2A }),
        ("RAR archive", new byte[] { 0x52, 0x61, 0x72, 0x21 }),
        ("7z archive", new byte[] { 0x37, 0x7A, 0xBC, 0xAF }),
        ("gzip archive", new byte[] { 0x1F, 0x8B }),
    };

    /// <summary>Reads, imports and validates the file at <paramref name="path"/>; findings name it as given.</summary>
    public static ReportFileResult Read(string path, ReportFileOptions? options = null)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        options ??= ReportFileOptions.Default;
        string source = path;
        var location = new DiagnosticLocation { Source = source };
        if (!File.Exists(path))
        {
            return Failed(source, Diagnostic.Create(ImportDiagnostics.InputNotFound, location, source));
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > options.MaxFileBytes)
            {
                return TooLarge(source, info.Length, options);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(source, Diagnostic.Create(ImportDiagnostics.InputUnreadable, location, source, ex.Message));
        }

        return Read(bytes, source, Path.GetExtension(path), options);
    }

    /// <summary>Reads what <paramref name="stream"/> holds (to its end); <paramref name="name"/> names it in findings, and its extension, if any, tells the format (else the content does).</summary>
    public static ReportFileResult Read(Stream stream, string? name = null, ReportFileOptions? options = null)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        options ??= ReportFileOptions.Default;
        string source = name ?? "<stream>";
        using var buffer = new MemoryStream();
        try
        {
            byte[] chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > options.MaxFileBytes)
                {
                    return TooLarge(source, buffer.Length + n, options);
                }

                buffer.Write(chunk, 0, n);
            }
        }
        catch (IOException ex)
        {
            return Failed(source, Diagnostic.Create(ImportDiagnostics.InputUnreadable, new DiagnosticLocation { Source = source }, source, ex.Message));
        }

        return Read(buffer.ToArray(), source, name is null ? null : Path.GetExtension(name), options);
    }

    /// <summary>Reads <paramref name="bytes"/>, a file's content; <paramref name="extension"/> (with the dot) tells the format when known, else the content does.</summary>
    public static ReportFileResult Read(byte[] bytes, string source, string? extension, ReportFileOptions? options = null)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        options ??= ReportFileOptions.Default;
        source ??= "<input>";
        try
        {
            return ReadCore(bytes, source, extension ?? string.Empty, options);
        }
#pragma warning disable CA1031 // the contract: input never makes it throw
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var d = Diagnostic.Create(ImportDiagnostics.UnreadableInput, new DiagnosticLocation { Source = source }, "internal error: " + ex.GetType().Name + ": " + ex.Message);
            return Finish(source, "unknown", null, options, null, null, null, ImmutableArray.Create(d), null);
        }
    }

    private static ReportFileResult ReadCore(byte[] bytes, string source, string extension, ReportFileOptions options)
    {
        ReadOnlySpan<byte> head = bytes.AsSpan(0, Math.Min(bytes.Length, 1024));
        bool textExtension = TextExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase);
        bool jsonExtension = extension.Equals(".json", StringComparison.OrdinalIgnoreCase);

        // A plugged-in reader: by extension, else by content (not for files named as text).
        IReportFileReader? reader = options.Readers.FirstOrDefault(r => r.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
        if (reader is null && !textExtension && !jsonExtension)
        {
            foreach (IReportFileReader candidate in options.Readers)
            {
                if (candidate.Recognizes(head))
                {
                    reader = candidate;
                    break;
                }
            }
        }

        if (reader is not null)
        {
            ReportFileText read = reader.Read(bytes, source);
            if (read.Text is null)
            {
                return Finish(source, reader.Format, null, options, null, null, null, read.Diagnostics, null);
            }

            ImportResult imported = options.Importer.Import(read.Text, source);
            return Imported(source, reader.Format, null, options, imported, read.Diagnostics);
        }

        string? binary = Binary(head);
        if (binary is not null && !jsonExtension)
        {
            return Unsupported(source, binary, options);
        }

        DecodedText decoded = ReportTextDecoder.Decode(bytes);
        ImmutableArray<Diagnostic> decoding = ReportTextDecoder.Findings(decoded, source).ToImmutableArray();
        string text = decoded.Text;
        if (!textExtension && !jsonExtension && LooksBinary(text))
        {
            return Unsupported(source, extension.Length > 0 ? extension + " file with binary content" : "binary content", options);
        }

        bool json = jsonExtension || (!textExtension && text.AsSpan().TrimStart().StartsWith("{".AsSpan(), StringComparison.Ordinal));
        if (json)
        {
            return ReadJson(source, text, decoded.EncodingName, options, decoding);
        }

        ImportResult result = options.Importer.Import(text, source);
        return Imported(source, LayoutSniffer.LooksLikeHtml(text) ? "html" : "text", decoded.EncodingName, options, result, decoding);
    }

    private static ReportFileResult Imported(string source, string format, string? encoding, ReportFileOptions options, ImportResult imported, ImmutableArray<Diagnostic> before)
    {
        ReportEdition? edition = imported.Edition ?? imported.Draft?.Edition;
        return Finish(source, format, encoding, options, edition, imported.TableEditions, imported.Draft, before.AddRange(imported.Diagnostics), null);
    }

    private static ReportFileResult ReadJson(string source, string text, string encoding, ReportFileOptions options, ImmutableArray<Diagnostic> before)
    {
        ImmutableArray<ReportEdition> editions = options.Importer.SupportedEditions;
        // The library's edition detector (shared with the bulk validator); a string or a number names an edition.
        bool malformed = !ReportJson.TryReadEdition(Encoding.UTF8.GetBytes(text), out string? named, out JsonTokenType token);
        string? editionId = token is JsonTokenType.String or JsonTokenType.Number ? named : null;

        ReportEdition? edition = editionId is null ? null : editions.FirstOrDefault(e => string.Equals(e.Id, editionId, StringComparison.Ordinal));
        if (edition is null && !malformed)
        {
            var unknown = Diagnostic.Create(ReportDiagnostics.UnknownEdition, new DiagnosticLocation { Source = source }, editionId ?? "(none)", string.Join(" or ", editions.Select(e => e.Id)));
            return new ReportFileResult
            {
                Source = source,
                Format = "json",
                Encoding = encoding,
                Diagnostics = before.Add(unknown),
                EditionIdRead = editionId,
            };
        }

        // Malformed JSON: the library reader reports it (RC1101), with line and byte.
        ReportJsonReadResult read = ReportJson.Read(edition ?? editions[editions.Length - 1], text);
        malformed |= read.Diagnostics.Any(d => d.Id == ReportDiagnostics.MalformedJson.Id);
        if (read.Cells is null)
        {
            return Finish(source, "json", encoding, options, malformed ? null : edition, null, null, before.AddRange(read.Diagnostics), read.Info);
        }

        IReportDraft draft = edition!.CreateDraft(read.Info, read.Cells);
        return Finish(source, "json", encoding, options, edition, null, draft, before.AddRange(read.Diagnostics), read.Info);
    }

    private static ReportFileResult Finish(
        string source,
        string format,
        string? encoding,
        ReportFileOptions options,
        ReportEdition? edition,
        IReadOnlyDictionary<string, string>? tableEditions,
        IReportDraft? draft,
        ImmutableArray<Diagnostic> readDiagnostics,
        ReportInfo? info)
    {
        var all = new List<Diagnostic>(readDiagnostics.IsDefault ? Array.Empty<Diagnostic>() : readDiagnostics);
        bool valid = false;
        IValidatedReport? report = null;
        if (draft is not null && options.Validate)
        {
            var validation = draft.Edition.Validate(draft);

            // A draft with an error-level read finding never becomes a validated report.
            valid = validation.IsValid && !all.Any(d => d.IsError);
            report = valid ? validation.Report : null;
            all.AddRange(validation.Diagnostics);
            if (validation.Diagnostics.Any(d => d.Descriptor == ReportDiagnostics.IdentityViolated))
            {
                all.AddRange(global::Reports.Core.Localization.ErrorLocalizer.Diagnose(draft)); // RC1015: which cell is wrong
            }
        }
        else if (draft is null && !all.Any(d => d.IsError))
        {
            // Readers report why they found nothing; this only guards against a reader that does not.
            all.Add(Diagnostic.Create(ImportDiagnostics.InputUnreadable, new DiagnosticLocation { Source = source }, source, "no report was found in it"));
        }

        ImmutableArray<Diagnostic> diagnostics = all
            .Select(d => d.Location.Source is null ? d.WithSource(source) : d)
            .Distinct()
            .ToImmutableArray();

        return new ReportFileResult
        {
            Source = source,
            Format = format,
            Encoding = encoding,
            Edition = edition,
            TableEditions = tableEditions is null ? ImmutableSortedDictionary<string, string>.Empty : ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, tableEditions),
            Draft = draft,
            Report = report,
            IsValid = valid && !diagnostics.Any(d => d.IsError),
            Diagnostics = diagnostics,
            AgencyRead = info?.Agency,
            YearRead = info?.Year,
        };
    }

    private static ReportFileResult Failed(string source, Diagnostic diagnostic) =>
        new() { Source = source, InputFailed = true, Diagnostics = ImmutableArray.Create(diagnostic) };

    private static ReportFileResult TooLarge(string source, long length, ReportFileOptions options) =>
        new()
        {
            Source = source,
            Diagnostics = ImmutableArray.Create(Diagnostic.Create(
                ImportDiagnostics.ImportLimitReached, new DiagnosticLocation { Source = source, Span = global::Reports.Core.Cells.SourceSpan.ForLine(1) },
                "file size", options.MaxFileBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes", 1,
                "the file (" + length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes) was not read")),
        };

    private static ReportFileResult Unsupported(string source, string what, ReportFileOptions options) =>
        new()
        {
            Source = source,
            Diagnostics = ImmutableArray.Create(Diagnostic.Create(
                ImportDiagnostics.UnsupportedFile, new DiagnosticLocation { Source = source }, source, what, string.Join(", ", options.Extensions))),
        };

    private static string? Binary(ReadOnlySpan<byte> head)
    {
        foreach ((string name, byte[] magic) in BinaryMagic)
        {
            if (head.StartsWith(magic))
            {
                return name == "PDF" ? "PDF: add the reader of Reports.Core.Import.Pdf" : name;
            }
        }

        return null;
    }

    // NUL or many control characters: not text, whatever the decoding.
    private static bool LooksBinary(string text)
    {
        int n = Math.Min(text.Length, 4096), control = 0;
        for (int i = 0; i < n; i++)
        {
            char c = text[i];
            if (c == '\0')
            {
                return true;
            }

            control += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' ? 1 : 0;
        }

        return n > 0 && control * 50 > n;
    }
}
