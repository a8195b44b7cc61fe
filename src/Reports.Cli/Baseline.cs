using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Reports.Cli.Output;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Import;

namespace Reports.Cli;

/// <summary>
/// One accepted finding: which report, which finding (id, identity, cell) and why it is accepted. A finding matches
/// when its source, id, identity and cell key are the entry's; a finding with neither identity nor cell must also
/// have the entry's table, row and message.
/// </summary>
internal sealed record BaselineEntry
{
    /// <summary>The report's path relative to the baseline file (forward slashes), or its name when it is not a file.</summary>
    public required string Source { get; init; }

    public required string Id { get; init; }

    public string? Identity { get; init; }

    public string? CellKey { get; init; }

    public string? TableKey { get; init; }

    public string? RowKey { get; init; }

    /// <summary>The message when the entry was written: shown, and compared only for findings without identity or cell.</summary>
    public string? Message { get; init; }

    public string Justification { get; init; } = string.Empty;

    /// <summary>1-based line of the entry in the baseline file (for RC4004).</summary>
    public int Line { get; init; }

    /// <summary>The source resolved against the baseline's folder (a full path when it names a file).</summary>
    internal string ResolvedSource { get; init; } = string.Empty;

    public bool Matches(Diagnostic d, string resolvedSource) =>
        string.Equals(ResolvedSource, resolvedSource, StringComparison.Ordinal)
        && d.Id == Id
        && d.Identity == Identity
        && d.Location.CellKey == CellKey
        && (Identity is not null || CellKey is not null
            || (d.Location.TableKey == TableKey && d.Location.RowKey == RowKey && d.Message == Message));
}

/// <summary>The accepted-findings file of <c>check --baseline</c> and <c>--write-baseline</c> (JSON, see docs/output.md).</summary>
internal sealed class Baseline
{
    public const int FormatVersion = 1;

    private Baseline(string path, ImmutableArray<BaselineEntry> entries)
    {
        Path = path;
        Entries = entries;
    }

    /// <summary>The file as given on the command line.</summary>
    public string Path { get; }

    public ImmutableArray<BaselineEntry> Entries { get; }

    /// <summary>Reads a baseline; on failure, the finding (RC4002, RC4005) instead.</summary>
    public static Baseline? Read(string path, out Diagnostic? problem)
    {
        problem = null;
        var location = new DiagnosticLocation { Source = path };
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = Diagnostic.Create(File.Exists(path) ? ImportDiagnostics.InputUnreadable : ImportDiagnostics.InputNotFound, location, path, ex.Message);
            return null;
        }

        string folder = FolderOf(path);
        try
        {
            List<int> lines = EntryLines(bytes);
            using JsonDocument document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("accepted", out JsonElement accepted) || accepted.ValueKind != JsonValueKind.Array)
            {
                problem = Diagnostic.Create(CliDiagnostics.BadBaseline, location, path, "it has no \"accepted\" array");
                return null;
            }

            var entries = ImmutableArray.CreateBuilder<BaselineEntry>();
            int i = 0;
            foreach (JsonElement item in accepted.EnumerateArray())
            {
                int line = i < lines.Count ? lines[i] : 1;
                i++;
                string? source = Text(item, "source");
                string? id = Text(item, "id");
                if (item.ValueKind != JsonValueKind.Object || source is null || id is null)
                {
                    problem = Diagnostic.Create(CliDiagnostics.BadBaseline, location with { Span = SourceSpan.ForLine(line) }, path, "entry " + i + " needs \"source\" and \"id\"");
                    return null;
                }

                entries.Add(new BaselineEntry
                {
                    Source = source,
                    Id = id,
                    Identity = Text(item, "identity"),
                    CellKey = Text(item, "cellKey"),
                    TableKey = Text(item, "tableKey"),
                    RowKey = Text(item, "rowKey"),
                    Message = Text(item, "message"),
                    Justification = Text(item, "justification") ?? string.Empty,
                    Line = line,
                    ResolvedSource = Resolve(source, folder),
                });
            }

            return new Baseline(path, entries.ToImmutable());
        }
        catch (JsonException ex)
        {
            problem = Diagnostic.Create(CliDiagnostics.BadBaseline, location with { Span = SourceSpan.ForLine((int)(ex.LineNumber ?? 0) + 1) }, path, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Marks the findings this baseline accepts, and adds an entry listing the baseline's entries that match nothing
    /// (RC4004) — only for reports that were checked in this run, or whose file is gone.
    /// </summary>
    public List<CheckedReport> Apply(IReadOnlyList<CheckedReport> reports)
    {
        var used = new HashSet<BaselineEntry>();
        var checkedSources = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<CheckedReport>(reports.Count + 1);
        foreach (CheckedReport report in reports)
        {
            checkedSources.Add(Resolve(report.Source, Directory.GetCurrentDirectory()));
            var accepted = new Dictionary<Diagnostic, BaselineEntry>();
            foreach (Diagnostic d in report.Diagnostics)
            {
                string source = Resolve(d.Location.Source ?? report.Source, Directory.GetCurrentDirectory());
                checkedSources.Add(source);
                BaselineEntry? entry = Entries.FirstOrDefault(e => e.Matches(d, source));
                if (entry is not null)
                {
                    accepted[d] = entry;
                    used.Add(entry);
                }
            }

            result.Add(accepted.Count == 0 ? report : report.WithAccepted(accepted));
        }

        ImmutableArray<Diagnostic> stale = Entries
            .Where(e => !used.Contains(e) && (checkedSources.Contains(e.ResolvedSource) || (IsPathLike(e.Source) && !File.Exists(e.ResolvedSource))))
            .Select(e => Diagnostic.Create(
                CliDiagnostics.StaleBaselineEntry,
                new DiagnosticLocation { Source = Path, Span = SourceSpan.ForLine(e.Line) },
                e.Id + (e.Identity is null ? string.Empty : " " + e.Identity),
                e.Source,
                e.CellKey ?? e.TableKey ?? "the whole report"))
            .ToImmutableArray();
        if (!stale.IsEmpty)
        {
            result.Add(new CheckedReport { Source = Path, Kind = EntryKind.Baseline, IsValid = true, Diagnostics = stale });
        }

        return result;
    }

    /// <summary>An entry for <c>check --baseline accepted.json</c> that failed to load: its finding, exit 2.</summary>
    public static CheckedReport Failed(string path, Diagnostic problem) =>
        new() { Source = path, Kind = EntryKind.Baseline, InputFailed = true, Diagnostics = ImmutableArray.Create(problem) };

    /// <summary>
    /// Writes every error and warning of <paramref name="reports"/> as accepted, keeping the justification of an entry of
    /// <paramref name="previous"/> that already accepts it. Info findings are never counted, so they are not written.
    /// </summary>
    public static void Write(string path, IReadOnlyList<CheckedReport> reports)
    {
        string folder = FolderOf(path);
        string cwd = Directory.GetCurrentDirectory();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOutput.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteString("tool", "reports-check");
            writer.WriteString("note", "Findings accepted as known. Give each a justification; `reports-check check --baseline <this file>` shows them as suppressed and does not count them.");
            writer.WriteStartArray("accepted");
            var seen = new HashSet<(string, string, string?, string?, string?, string?, string?)>();
            foreach (CheckedReport report in reports.Where(r => r.Kind != EntryKind.Baseline))
            {
                foreach (Diagnostic d in report.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning))
                {
                    string given = d.Location.Source ?? report.Source;
                    string resolved = Resolve(given, cwd);
                    string source = IsPathLike(given) && File.Exists(resolved)
                        ? System.IO.Path.GetRelativePath(folder, resolved).Replace('\\', '/')
                        : given;
                    bool keyed = d.Identity is not null || d.Location.CellKey is not null;
                    if (!seen.Add((source, d.Id, d.Identity, d.Location.CellKey, d.Location.TableKey, d.Location.RowKey, keyed ? null : d.Message)))
                    {
                        continue;
                    }

                    writer.WriteStartObject();
                    writer.WriteString("source", source);
                    writer.WriteString("id", d.Id);
                    WriteIf(writer, "identity", d.Identity);
                    WriteIf(writer, "cellKey", d.Location.CellKey);
                    WriteIf(writer, "tableKey", d.Location.TableKey);
                    WriteIf(writer, "rowKey", d.Location.RowKey);
                    writer.WriteString("message", d.Message);
                    writer.WriteString("justification", report.Accepted.TryGetValue(d, out BaselineEntry? old) ? old.Justification : string.Empty);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        File.WriteAllBytes(path, stream.ToArray());
    }

    private static void WriteIf(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string FolderOf(string path) =>
        System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();

    /// <summary>Standard input, series and sums are named, not paths.</summary>
    private static bool IsPathLike(string source) =>
        source != ReportInput.StdinName && !source.StartsWith("series ", StringComparison.Ordinal) && !source.StartsWith('<');

    /// <summary>A full path for a file name (relative to <paramref name="folder"/>); other names as they are.</summary>
    private static string Resolve(string source, string folder)
    {
        if (!IsPathLike(source))
        {
            return source;
        }

        try
        {
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, source));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return source;
        }
    }

    /// <summary>The line of each object in the top-level "accepted" array.</summary>
    private static List<int> EntryLines(byte[] bytes)
    {
        var lines = new List<int>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        bool inAccepted = false;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                inAccepted = reader.ValueTextEquals("accepted");
            }
            else if (inAccepted && reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.StartObject)
            {
                int index = (int)reader.TokenStartIndex;
                int line = 1;
                for (int i = 0; i < index; i++)
                {
                    if (bytes[i] == (byte)'\n')
                    {
                        line++;
                    }
                }

                lines.Add(line);
                reader.Skip();
            }
        }

        return lines;
    }
}
