using System;
using System.Collections.Immutable;
using System.IO;
using Reports.Core.Diagnostics;
using Reports.Core.Import;
using Reports.Core.Import.Docx;
using Reports.Core.Import.Pdf;

namespace Reports.Cli;

/// <summary>Checks one input with <see cref="ReportFile.Read(string, ReportFileOptions?)"/>: no checking logic of its own.</summary>
internal static class ReportChecker
{
    private static readonly object StdinLock = new();
    private static byte[]? stdinBytes;

    /// <summary>What the command line reads: text, HTML and JSON in any encoding, PDF and Word (.docx).</summary>
    public static ReportFileOptions Options { get; } = PdfReportReader.Options.WithReader(DocxReportReader.Instance);

    public static CheckedReport Check(ReportInput input)
    {
        string source = input.DisplayName;
        switch (input.Problem)
        {
            case InputProblem.NotFound:
                return Failed(source, Diagnostic.Create(ImportDiagnostics.InputNotFound, new DiagnosticLocation { Source = source }, source));
            case InputProblem.EmptyFolder:
                return Failed(source, Diagnostic.Create(CliDiagnostics.NoReportFiles, new DiagnosticLocation { Source = source }, source));
            case InputProblem.Unreadable:
                return Failed(source, Diagnostic.Create(ImportDiagnostics.InputUnreadable, new DiagnosticLocation { Source = source }, source, input.Detail ?? "unknown error"));
        }

        ReportFileResult result;
        if (input.IsStdin)
        {
            byte[] bytes;
            try
            {
                bytes = ReadStdin();
            }
            catch (IOException ex)
            {
                return Failed(source, Diagnostic.Create(ImportDiagnostics.InputUnreadable, new DiagnosticLocation { Source = source }, source, ex.Message));
            }

            result = ReportFile.Read(bytes, source, null, Options);
        }
        else
        {
            result = ReportFile.Read(input.Path!, Options);
        }

        return From(result);
    }

    /// <summary>The command line's view of a library result.</summary>
    public static CheckedReport From(ReportFileResult result) => new()
    {
        Source = result.Source,
        Edition = result.EditionId,
        Schema = result.Edition?.Schema ?? result.Draft?.Edition.Schema,
        TableEditions = result.TableEditions,
        Agency = result.Agency,
        Year = result.Year,
        Format = result.Format,
        Encoding = result.Encoding,
        Draft = result.Draft,
        IsValid = result.IsValid,
        InputFailed = result.InputFailed,
        Diagnostics = result.Diagnostics,
    };

    private static byte[] ReadStdin()
    {
        lock (StdinLock)
        {
            if (stdinBytes is null)
            {
                using Stream stdin = Console.OpenStandardInput();
                using var buffer = new MemoryStream();
                stdin.CopyTo(buffer);
                stdinBytes = buffer.ToArray();
            }

            return stdinBytes;
        }
    }

    private static CheckedReport Failed(string source, Diagnostic diagnostic) =>
        new() { Source = source, InputFailed = true, Diagnostics = ImmutableArray.Create(diagnostic) };
}
