using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using Reports.Core.Diagnostics;

namespace Reports.Cli.Output;

/// <summary>JSON output: an array of reports, each with its findings and every field of each finding.</summary>
internal static class JsonOutput
{
    public static JsonWriterOptions WriterOptions { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream stream, IReadOnlyList<CheckedReport> reports)
    {
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        writer.WriteStartArray();
        foreach (CheckedReport report in reports)
        {
            writer.WriteStartObject();
            writer.WriteString("source", report.Source);
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
            writer.WriteStartArray("findings");
            foreach (Diagnostic diagnostic in report.Diagnostics)
            {
                WriteDiagnostic(writer, diagnostic);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteDiagnostic(Utf8JsonWriter writer, Diagnostic diagnostic)
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
