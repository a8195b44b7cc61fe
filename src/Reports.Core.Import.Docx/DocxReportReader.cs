using System;
using System.Collections.Generic;
using System.IO;
using DocumentFormat.OpenXml.Packaging;
using Reports.Core.Diagnostics;

namespace Reports.Core.Import.Docx;

/// <summary>
/// Reads reports published as Word documents (<c>.docx</c>): the body's paragraphs and tables, in order, are handed to
/// the importer as an HTML page (paragraphs as lines, tables with merged cells as <c>colspan</c>/<c>rowspan</c>), so
/// they feed the same token stream as a web page. A damaged file, or one that is not a Word document, gets one RC2025
/// finding, never an exception. Plug it into <see cref="ReportFile"/> with
/// <c>ReportFileOptions.Default.WithReader(DocxReportReader.Instance)</c> or use <see cref="DocxReportReader.Options"/>.
/// </summary>
public sealed class DocxReportReader : IReportFileReader
{
    /// <summary>Characters read at most from one part of the package (the document body): a report has a few hundred thousand.</summary>
    public const long MaxCharactersInPart = 16L * 1024 * 1024;

    private static readonly string[] DocxExtensions = { ".docx" };

    private DocxReportReader()
    {
    }

    /// <summary>The reader.</summary>
    public static DocxReportReader Instance { get; } = new();

    /// <summary><see cref="ReportFileOptions.Default"/> with this reader added.</summary>
    public static ReportFileOptions Options { get; } = ReportFileOptions.Default.WithReader(Instance);

    /// <inheritdoc />
    public string Format => "docx";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions => DocxExtensions;

    /// <inheritdoc />
    /// <remarks>A zip package whose first entries name the <c>word/</c> folder; other Office files are not taken.</remarks>
    public bool Recognizes(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8) && head.IndexOf("word/"u8) >= 0;

    /// <inheritdoc />
    public ReportFileText Read(byte[] content, string? source)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        string? problem;
        string? html = null;
        try
        {
            html = ReadHtml(content, out problem);
        }
        catch (OpenXmlPackageException ex)
        {
            problem = "it is not a Word document (" + ex.Message + ")";
        }
        catch (Exception ex) when (ex is FileFormatException or InvalidDataException or IOException)
        {
            problem = "it is damaged (not a zip package: " + ex.Message + ")";
        }
#pragma warning disable CA1031 // a damaged document is a finding, never an exception
        catch (Exception ex)
#pragma warning restore CA1031
        {
            problem = "it is damaged (" + ex.GetType().Name + ": " + ex.Message + ")";
        }

        if (problem is not null)
        {
            var d = Diagnostic.Create(ImportDiagnostics.DocxUnreadable, new DiagnosticLocation { Source = source }, problem);
            return new ReportFileText(null, new[] { d });
        }

        return new ReportFileText(html);
    }

    /// <summary>
    /// The body of the Word document <paramref name="docx"/> as an HTML page the importer reads; null with the reason in
    /// <paramref name="problem"/> when it has no body. Throws on a damaged package (<see cref="Read"/> turns that into a finding).
    /// </summary>
    public static string? ReadHtml(byte[] docx, out string? problem)
    {
        if (docx is null)
        {
            throw new ArgumentNullException(nameof(docx));
        }

        using var stream = new MemoryStream(docx, writable: false);
        using WordprocessingDocument document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
        DocumentFormat.OpenXml.Wordprocessing.Body? body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            problem = "it has no document body";
            return null;
        }

        problem = null;
        return DocxHtml.Write(body);
    }
}
