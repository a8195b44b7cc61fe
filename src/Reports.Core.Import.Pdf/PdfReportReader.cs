using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Reports.Core.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Reports.Core.Import.Pdf;

/// <summary>
/// Reads reports published as PDF: the words of each page, with their positions, are laid out as text lines (like
/// <c>pdftotext -layout</c>) and read by the importer's token stream. A PDF without a text layer (a scan), an
/// encrypted or a damaged one gets one RC2022 finding, never an exception. Plug it into <see cref="ReportFile"/> with
/// <c>ReportFileOptions.Default.WithReader(PdfReportReader.Instance)</c> or use <see cref="PdfReportReader.Options"/>.
/// </summary>
public sealed class PdfReportReader : IReportFileReader
{
    /// <summary>Pages read at most; a longer PDF is read up to here (an annual report has a few dozen).</summary>
    public const int MaxPages = 500;

    private static readonly string[] PdfExtensions = { ".pdf" };

    private PdfReportReader()
    {
    }

    /// <summary>The reader.</summary>
    public static PdfReportReader Instance { get; } = new();

    /// <summary><see cref="ReportFileOptions.Default"/> with this reader added.</summary>
    public static ReportFileOptions Options { get; } = ReportFileOptions.Default.WithReader(Instance);

    /// <inheritdoc />
    public string Format => "pdf";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions => PdfExtensions;

    /// <inheritdoc />
    public bool Recognizes(ReadOnlySpan<byte> head) => head.IndexOf("%PDF-"u8) >= 0;

    /// <inheritdoc />
    public ReportFileText Read(byte[] content, string? source)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        string? problem;
        string? text = null;
        try
        {
            text = ReadText(content, out problem);
        }
        catch (PdfDocumentEncryptedException)
        {
            problem = "it is encrypted (a password is needed to open it)";
        }
#pragma warning disable CA1031 // a damaged PDF is a finding, never an exception
        catch (Exception ex)
#pragma warning restore CA1031
        {
            problem = "it is damaged (" + ex.GetType().Name + ": " + ex.Message + ")";
        }

        if (problem is not null)
        {
            var d = Diagnostic.Create(ImportDiagnostics.PdfUnreadable, new DiagnosticLocation { Source = source }, problem);
            return new ReportFileText(null, new[] { d });
        }

        return new ReportFileText(text);
    }

    /// <summary>The text of <paramref name="pdf"/> laid out in lines; null with the reason in <paramref name="problem"/> when it has none.</summary>
    public static string? ReadText(byte[] pdf, out string? problem)
    {
        if (pdf is null)
        {
            throw new ArgumentNullException(nameof(pdf));
        }

        using PdfDocument document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        var text = new StringBuilder();
        int letters = 0, pages = 0;
        foreach (Page page in document.GetPages())
        {
            if (++pages > MaxPages)
            {
                break;
            }

            letters += PdfTextLayout.Letters(page);
            PdfTextLayout.Append(page, text);
        }

        if (letters == 0)
        {
            problem = pages == 0
                ? "it has no pages"
                : "it has no text layer (" + pages.ToString(CultureInfo.InvariantCulture) + (pages == 1 ? " page" : " pages") + " of images: a scan?); run OCR on it first";
            return null;
        }

        problem = null;
        return text.ToString();
    }

    /// <summary>The text of the PDF at <paramref name="path"/> laid out in lines (see <see cref="ReadText(byte[], out string?)"/>).</summary>
    public static string? ReadText(string path, out string? problem) => ReadText(File.ReadAllBytes(path), out problem);
}
