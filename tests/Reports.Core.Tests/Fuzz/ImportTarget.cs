using System;
using System.Linq;
using Reports.Core.Import;

namespace Reports.Core.Tests.Fuzz;

/// <summary>
/// The text importer on a file's bytes (<see cref="ReportImporter.Import(byte[], string?)"/>) and the one-call file
/// reader (<see cref="ReportFile.Read(byte[], string, string?, ReportFileOptions?)"/>, which sniffs JSON, HTML and
/// text): never throws; a text read without a draft says why (an error); a validated report never comes with an
/// error, in particular never from a draft the importer read with an error-level finding; and a draft read from JSON
/// loses no number of it (<see cref="NumbersKept"/>).
/// </summary>
internal sealed class ImportTarget : IFuzzTarget
{
    private readonly ReportImporter _importer = new();

    public string Name => "ReportImporter/ReportFile";

    // The importer reads a report of a few KB with ~650 bytes allocated per input byte (docs/performance.md); hostile
    // shapes are capped (rowspan × colspan, nesting, glued-digit search) and must stay within 40× that. Before the caps a
    // 4 KB rowspan bomb took 211 MiB.
    public long MaxAllocatedBytes(int inputLength) => (25_000L * inputLength) + (64L << 20);

    public void Run(byte[] input, FuzzContext context)
    {
        ImportResult imported = _importer.Import(input, "fuzz");
        if (imported.Draft is null && !imported.HasErrors)
        {
            context.Fail(Name, "no draft and no error to say why", input);
        }

        ReportFileResult file = ReportFile.Read(input, "fuzz", null, new ReportFileOptions { Importer = _importer });
        if (file.IsValid != file.Report is not null)
        {
            context.Fail(Name, "IsValid " + file.IsValid + " but Report " + (file.Report is null ? "null" : "set"), input);
        }

        if (file.IsValid && file.Diagnostics.Any(d => d.IsError))
        {
            context.Fail(Name, "valid with an error: " + file.Diagnostics.First(d => d.IsError), input);
        }

        if (file.Format is "text" or "html" && imported.HasErrors && file.IsValid)
        {
            context.Fail(Name, "a validated report from a draft read with an error: " + imported.Diagnostics.First(d => d.IsError), input);
        }

        if (file.Format == "json" && file.Draft is not null && System.Text.Unicode.Utf8.IsValid(input))
        {
            ReadOnlySpan<byte> json = input.AsSpan().StartsWith("\uFEFF"u8) ? input.AsSpan(3) : input;
            var lost = NumbersKept.Lost(json, file.Draft, file.Diagnostics);
            if (lost.Count > 0)
            {
                context.Fail(Name, "ReportFile lost numbers of the JSON without a word: " + string.Join(", ", lost.Take(5)), input);
            }
        }
    }
}
