using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Reports.Core.Diagnostics;

namespace Reports.Cli.Output;

/// <summary>
/// SARIF 2.1.0 output: one run, one rule per diagnostic id used, one result per finding. Every result has a physical
/// location with a region (line 1 for a finding about a whole file); rules link to their documentation with an
/// absolute <c>helpUri</c>; accepted findings (<c>--baseline</c>) carry <c>suppressions</c>.
/// </summary>
internal static class SarifOutput
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The base id relative artifact URIs are resolved against: the working directory of the run.</summary>
    public const string UriBaseId = "SRCROOT";

    public static void Write(Stream stream, IReadOnlyList<CheckedReport> reports) => Write(stream, reports, OutputOptions.Default);

    public static void Write(Stream stream, IReadOnlyList<CheckedReport> reports, OutputOptions options)
    {
        var rules = reports
            .SelectMany(r => r.Diagnostics)
            .Where(d => d.Severity >= options.MinSeverity)
            .Select(d => d.Descriptor)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var ruleIndex = rules.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

        using var writer = new Utf8JsonWriter(stream, JsonOutput.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("$schema", Schema);
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();

        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "reports-check");
        writer.WriteString("fullName", "Reports.Core command-line checker");
        writer.WriteString("informationUri", Repository.Url);
        string? version = typeof(SarifOutput).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (version is not null)
        {
            writer.WriteString("semanticVersion", version.Split('+')[0]);
        }

        writer.WriteStartArray("rules");
        foreach (DiagnosticDescriptor rule in rules)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Id);
            writer.WriteString("name", PascalName(rule.Title));
            writer.WriteStartObject("shortDescription");
            writer.WriteString("text", rule.Title);
            writer.WriteEndObject();
            writer.WriteStartObject("fullDescription");
            writer.WriteString("text", rule.Title + " (" + rule.Category + ")");
            writer.WriteEndObject();
            writer.WriteString("helpUri", HelpUri(options.HelpUriBase, rule.Id));
            writer.WriteStartObject("defaultConfiguration");
            writer.WriteString("level", Level(rule.DefaultSeverity));
            writer.WriteEndObject();
            writer.WriteStartObject("properties");
            writer.WriteString("category", rule.Category);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartObject("originalUriBaseIds");
        writer.WriteStartObject(UriBaseId);
        writer.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(Directory.GetCurrentDirectory()) + Path.DirectorySeparatorChar).AbsoluteUri);
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartArray("results");
        foreach (CheckedReport report in reports)
        {
            foreach (Diagnostic diagnostic in report.Diagnostics.Where(d => d.Severity >= options.MinSeverity))
            {
                WriteResult(writer, diagnostic, report, ruleIndex[diagnostic.Id]);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteResult(Utf8JsonWriter writer, Diagnostic diagnostic, CheckedReport report, int ruleIndex)
    {
        DiagnosticLocation location = diagnostic.Location;
        writer.WriteStartObject();
        writer.WriteString("ruleId", diagnostic.Id);
        writer.WriteNumber("ruleIndex", ruleIndex);
        writer.WriteString("level", Level(diagnostic.Severity));
        writer.WriteStartObject("message");
        writer.WriteString("text", diagnostic.Message);
        writer.WriteEndObject();

        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        writer.WriteStartObject("physicalLocation");
        writer.WriteStartObject("artifactLocation");
        string uri = ToUri(location.Source ?? report.Source);
        writer.WriteString("uri", uri);
        if (!Uri.TryCreate(uri, UriKind.Absolute, out _))
        {
            writer.WriteString("uriBaseId", UriBaseId);
        }

        writer.WriteEndObject();

        // A finding about the whole file (or whose line is not known) points at its first line.
        writer.WriteStartObject("region");
        if (location.Span.IsKnown)
        {
            writer.WriteNumber("startLine", location.Span.Line);
            writer.WriteNumber("startColumn", Math.Max(1, location.Span.Column));
            if (location.Span.Length > 0)
            {
                writer.WriteNumber("endColumn", Math.Max(1, location.Span.Column) + location.Span.Length);
            }
        }
        else
        {
            writer.WriteNumber("startLine", 1);
        }

        writer.WriteEndObject();

        writer.WriteEndObject();
        string? logical = location.CellKey ?? location.TableKey;
        if (logical is not null)
        {
            writer.WriteStartArray("logicalLocations");
            writer.WriteStartObject();
            writer.WriteString("fullyQualifiedName", logical);
            writer.WriteString("kind", location.CellKey is null ? "table" : "cell");
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
        WriteFix(writer, diagnostic, uri);

        if (report.Accepted.TryGetValue(diagnostic, out BaselineEntry? accepted))
        {
            writer.WriteStartArray("suppressions");
            writer.WriteStartObject();
            writer.WriteString("kind", "external");
            writer.WriteString("status", "accepted");
            if (!string.IsNullOrWhiteSpace(accepted.Justification))
            {
                writer.WriteString("justification", accepted.Justification);
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteStartObject("properties");
        WriteIf(writer, "cellKey", location.CellKey);
        WriteIf(writer, "tableKey", location.TableKey);
        WriteIf(writer, "label", location.Label);
        WriteIf(writer, "identity", diagnostic.Identity);
        WriteIf(writer, "reported", diagnostic.Reported);
        WriteIf(writer, "computed", diagnostic.Computed);
        if (report.Edition is not null)
        {
            writer.WriteString("edition", report.Edition);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // Error localization (RC1015): a `fixes` entry replacing each cell's published text at its span. Only when every
    // replacement is determined and every cell's span is known: SARIF needs a region to replace.
    private static void WriteFix(Utf8JsonWriter writer, Diagnostic diagnostic, string uri)
    {
        if (diagnostic.Fix is not SuggestedFix fix || fix.Edits.IsEmpty
            || fix.Edits.Any(e => e.Replacement is null || !e.Span.IsKnown || e.Span.Length <= 0))
        {
            return;
        }

        writer.WriteStartArray("fixes");
        writer.WriteStartObject();
        writer.WriteStartObject("description");
        writer.WriteString("text", (fix.IsUnique ? "Correct " : "Possible correction: ") + fix.Description);
        writer.WriteEndObject();
        writer.WriteStartArray("artifactChanges");
        writer.WriteStartObject();
        writer.WriteStartObject("artifactLocation");
        writer.WriteString("uri", uri);
        if (!Uri.TryCreate(uri, UriKind.Absolute, out _))
        {
            writer.WriteString("uriBaseId", UriBaseId);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("replacements");
        foreach (Reports.Core.Diagnostics.CellEdit edit in fix.Edits)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("deletedRegion");
            writer.WriteNumber("startLine", edit.Span.Line);
            writer.WriteNumber("startColumn", Math.Max(1, edit.Span.Column));
            writer.WriteNumber("endColumn", Math.Max(1, edit.Span.Column) + edit.Span.Length);
            writer.WriteEndObject();
            writer.WriteStartObject("insertedContent");
            writer.WriteString("text", edit.Replacement);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteIf(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>The documentation of <paramref name="id"/>: <c>{base}#rc1001</c>, always absolute.</summary>
    public static string HelpUri(string baseUri, string id)
    {
        string trimmed = baseUri.Split('#')[0];
        return trimmed + "#" + id.ToLowerInvariant();
    }

    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A relative URI reference for a path as given (forward slashes, each segment escaped); <c>stdin</c> stays as is.</summary>
    public static string ToUri(string path)
    {
        if (path == ReportInput.StdinName)
        {
            return "stdin";
        }

        string normalized = path.Replace('\\', '/');
        if (Path.IsPathRooted(path))
        {
            return new Uri(Path.GetFullPath(path)).AbsoluteUri;
        }

        return string.Join("/", normalized.Split('/').Select(Uri.EscapeDataString));
    }

    private static string PascalName(string title)
    {
        var name = new StringBuilder();
        foreach (string word in title.Split(new[] { ' ', '-' }, StringSplitOptions.RemoveEmptyEntries))
        {
            name.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }

        return name.ToString();
    }
}
