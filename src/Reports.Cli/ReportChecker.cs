using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Reports.Core.Diagnostics;
using Reports.Core.Json;
using Reports.Core.Reports;

namespace Reports.Cli;

/// <summary>Reads one input (JSON or published text/HTML) and validates it. No checking logic of its own.</summary>
internal static class ReportChecker
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly object StdinLock = new();
    private static string? stdinText;

    public static CheckedReport Check(ReportInput input)
    {
        string source = input.DisplayName;
        switch (input.Problem)
        {
            case InputProblem.NotFound:
                return Failed(source, Diagnostic.Create(ReportDiagnostics.InputNotFound, new DiagnosticLocation { Source = source }, source));
            case InputProblem.EmptyFolder:
                return Failed(source, Diagnostic.Create(ReportDiagnostics.NoReportFiles, new DiagnosticLocation { Source = source }, source));
            case InputProblem.Unreadable:
                return Failed(source, Diagnostic.Create(ReportDiagnostics.InputUnreadable, new DiagnosticLocation { Source = source }, source, input.Detail ?? "unknown error"));
        }

        string text;
        try
        {
            text = input.IsStdin ? ReadStdin() : ReadFile(input.Path!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            string why = ex is DecoderFallbackException ? "not UTF-8 text" : ex.Message;
            return Failed(source, Diagnostic.Create(ReportDiagnostics.InputUnreadable, new DiagnosticLocation { Source = source }, source, why));
        }

        bool json = input.Path is null
            ? text.AsSpan().TrimStart().StartsWith("{")
            : Path.GetExtension(input.Path).Equals(".json", StringComparison.OrdinalIgnoreCase)
              || (!ReportInput.IsReportFile(input.Path) && text.AsSpan().TrimStart().StartsWith("{"));

        return json ? CheckJson(source, text) : CheckText(source, text);
    }

    private static string ReadFile(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return StrictUtf8.GetString(bytes, start, bytes.Length - start);
    }

    private static string ReadStdin()
    {
        lock (StdinLock)
        {
            if (stdinText is null)
            {
                using Stream stdin = Console.OpenStandardInput();
                using var buffer = new MemoryStream();
                stdin.CopyTo(buffer);
                byte[] bytes = buffer.ToArray();
                int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
                stdinText = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            }

            return stdinText;
        }
    }

    private static CheckedReport CheckJson(string source, string text)
    {
        string? editionId = null;
        bool malformed = false;
        try
        {
            using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("edition", out JsonElement element))
            {
                editionId = element.ValueKind switch
                {
                    JsonValueKind.String => element.GetString(),
                    JsonValueKind.Number => element.GetRawText(),
                    _ => null,
                };
            }
        }
        catch (JsonException)
        {
            malformed = true;
        }

        ReportEdition? edition = KnownEditions.Find(editionId);
        if (edition is null && !malformed)
        {
            var unknown = Diagnostic.Create(ReportDiagnostics.UnknownEdition, new DiagnosticLocation { Source = source }, editionId ?? "(none)", KnownEditions.Ids);
            return new CheckedReport { Source = source, Edition = editionId, Diagnostics = ImmutableArray.Create(unknown) };
        }

        // Malformed JSON: let the library reader report it (RC1101), with line and byte.
        ReportJsonReadResult read = ReportJson.Read(edition ?? KnownEditions.All[KnownEditions.All.Length - 1], text);
        if (read.Cells is null)
        {
            return Finish(source, malformed ? null : edition, null, null, read.Diagnostics, read.Info);
        }

        IReportDraft draft = edition!.CreateDraft(read.Info, read.Cells);
        return Finish(source, edition, null, draft, read.Diagnostics, read.Info);
    }

    private static CheckedReport CheckText(string source, string text)
    {
        ImportOutcome outcome = TextImport.Import(text, source);
        ReportEdition? edition = outcome.Edition ?? outcome.Draft?.Edition;
        return Finish(source, edition, outcome.TableEditions, outcome.Draft, outcome.Diagnostics, outcome.Draft?.Info);
    }

    private static CheckedReport Finish(
        string source,
        ReportEdition? edition,
        IReadOnlyDictionary<string, string>? tableEditions,
        IReportDraft? draft,
        ImmutableArray<Diagnostic> readDiagnostics,
        ReportInfo? info)
    {
        var all = new List<Diagnostic>(readDiagnostics.IsDefault ? Array.Empty<Diagnostic>() : readDiagnostics);
        bool valid = false;
        if (draft is not null)
        {
            var validation = draft.Edition.Validate(draft);
            valid = validation.IsValid;
            all.AddRange(validation.Diagnostics);
            if (validation.Diagnostics.Any(d => d.Descriptor == ReportDiagnostics.IdentityViolated))
            {
                all.AddRange(Reports.Core.Localization.ErrorLocalizer.Diagnose(draft)); // RC1015: which cell is wrong
            }
        }
        else if (!all.Any(d => d.IsError))
        {
            // Readers report why they found nothing; this only guards against a reader that does not.
            all.Add(Diagnostic.Create(ReportDiagnostics.InputUnreadable, new DiagnosticLocation { Source = source }, source, "no report was found in it"));
        }

        ImmutableArray<Diagnostic> diagnostics = all
            .Select(d => d.Location.Source is null ? d.WithSource(source) : d)
            .Distinct()
            .ToImmutableArray();

        return new CheckedReport
        {
            Source = source,
            Edition = edition?.Id,
            TableEditions = tableEditions ?? KnownEditions.Empty,
            Agency = info?.Agency,
            Year = info?.Year,
            Draft = draft,
            IsValid = valid && !diagnostics.Any(d => d.IsError),
            Diagnostics = diagnostics,
        };
    }

    private static CheckedReport Failed(string source, Diagnostic diagnostic) =>
        new() { Source = source, InputFailed = true, Diagnostics = ImmutableArray.Create(diagnostic) };
}
