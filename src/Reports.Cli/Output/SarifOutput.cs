using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Reports.Core.Diagnostics;

namespace Reports.Cli.Output;

/// <summary>SARIF 2.1.0 output: one run, one rule per diagnostic id used, one result per finding.</summary>
internal static class SarifOutput
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(Stream stream, IReadOnlyList<CheckedReport> reports)
    {
        var rules = reports
            .SelectMany(r => r.Diagnostics)
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
            writer.WriteString("helpUri", rule.HelpLink);
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

        writer.WriteStartArray("results");
        foreach (CheckedReport report in reports)
        {
            foreach (Diagnostic diagnostic in report.Diagnostics)
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
        writer.WriteString("uri", ToUri(location.Source ?? report.Source));
        writer.WriteEndObject();
        if (location.Span.IsKnown)
        {
            writer.WriteStartObject("region");
            writer.WriteNumber("startLine", location.Span.Line);
            writer.WriteNumber("startColumn", Math.Max(1, location.Span.Column));
            writer.WriteEndObject();
        }

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

    private static void WriteIf(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
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
