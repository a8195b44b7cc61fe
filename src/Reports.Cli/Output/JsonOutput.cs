using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using Reports.Core.Diagnostics;

namespace Reports.Cli.Output;

/// <summary>JSON output: an array of reports, each with its findings and every field of each finding, written report by report.</summary>
internal static class JsonOutput
{
    public static JsonWriterOptions WriterOptions { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream stream, IEnumerable<CheckedReport> reports) => Write(stream, reports, OutputOptions.Default);

    public static void Write(Stream stream, IEnumerable<CheckedReport> reports, OutputOptions options)
    {
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        writer.WriteStartArray();
        foreach (CheckedReport report in reports)
        {
            writer.WriteStartObject();
            writer.WriteString("source", report.Source);
            writer.WriteString("kind", report.Kind switch { EntryKind.Series => "series", EntryKind.Sum => "sum", EntryKind.Baseline => "baseline", _ => "report" });
            if (report.Kind == EntryKind.Series)
            {
                writer.WriteStartArray("years");
                foreach (int y in report.Years)
                {
                    writer.WriteNumberValue(y);
                }

                writer.WriteEndArray();
            }

            WriteOptional(writer, "edition", report.Edition);
            writer.WriteStartObject("tableEditions");
            foreach (KeyValuePair<string, string> pair in report.TableEditions.OrderBy(p => p.Key, System.StringComparer.Ordinal))
            {
                writer.WriteString(pair.Key, pair.Value);
            }

            writer.WriteEndObject();
            WriteOptional(writer, "agency", report.Agency);
            if (report.Year is int year)
            {
                writer.WriteNumber("year", year);
            }
            else
            {
                writer.WriteNull("year");
            }

            writer.WriteBoolean("read", !report.InputFailed);
            writer.WriteBoolean("valid", report.IsValid);
            writer.WriteNumber("errors", report.Errors);
            writer.WriteNumber("warnings", report.Warnings);
            writer.WriteNumber("accepted", report.Suppressed);
            writer.WriteStartArray("findings");
            foreach (Diagnostic diagnostic in report.Diagnostics.Where(d => d.Severity >= options.MinSeverity))
            {
                WriteDiagnostic(writer, diagnostic, report.Accepted.TryGetValue(diagnostic, out BaselineEntry? entry) ? entry : null);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();

            // Each report goes out as it comes: a folder's worth is never held in the writer's buffer.
            writer.Flush();
        }

        writer.WriteEndArray();
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteDiagnostic(Utf8JsonWriter writer, Diagnostic diagnostic, BaselineEntry? accepted)
    {
        DiagnosticLocation location = diagnostic.Location;
        writer.WriteStartObject();
        writer.WriteString("id", diagnostic.Id);
        writer.WriteString("severity", TextOutput.SeverityName(diagnostic.Severity));
        writer.WriteString("message", diagnostic.Message);
        writer.WriteString("title", diagnostic.Descriptor.Title);
        writer.WriteString("category", diagnostic.Descriptor.Category);
        writer.WriteString("helpLink", diagnostic.Descriptor.HelpLink);
        writer.WriteStartObject("location");
        WriteOptional(writer, "source", location.Source);
        WriteOptional(writer, "tableKey", location.TableKey);
        WriteOptional(writer, "rowKey", location.RowKey);
        WriteOptional(writer, "columnKey", location.ColumnKey);
        WriteOptional(writer, "cellKey", location.CellKey);
        WriteOptional(writer, "label", location.Label);
        if (location.Span.IsKnown)
        {
            writer.WriteStartObject("span");
            writer.WriteNumber("line", location.Span.Line);
            writer.WriteNumber("column", location.Span.Column);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("span");
        }

        writer.WriteEndObject();
        WriteOptional(writer, "identity", diagnostic.Identity);
        writer.WriteStartArray("cellKeys");
        foreach (string key in diagnostic.CellKeys)
        {
            writer.WriteStringValue(key);
        }

        writer.WriteEndArray();
        WriteOptional(writer, "reported", diagnostic.Reported);
        WriteOptional(writer, "computed", diagnostic.Computed);
        if (diagnostic.Fix is SuggestedFix fix)
        {
            // Error localization (RC1015): the repair, and whether it is the only one of as few cells.
            writer.WriteStartObject("fix");
            writer.WriteString("description", fix.Description);
            writer.WriteBoolean("unique", fix.IsUnique);
            writer.WriteStartArray("edits");
            foreach (CellEdit edit in fix.Edits)
            {
                writer.WriteStartObject();
                writer.WriteString("cellKey", edit.CellKey);
                writer.WriteString("label", edit.Label);
                writer.WriteString("published", edit.Published);
                WriteOptional(writer, "replacement", edit.Replacement);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteBoolean("accepted", accepted is not null);
        if (accepted is not null)
        {
            writer.WriteString("justification", accepted.Justification);
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
