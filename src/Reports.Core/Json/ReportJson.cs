using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;
using Reports.Core.Schema;

namespace Reports.Core.Json;

/// <summary>
/// Reads and writes reports as JSON, driven by the schema (no reflection). A cell is written as a bare number
/// when it is a plain number, <c>null</c> when it is a plain blank, and as an object
/// <c>{"state", "value", "raw", "line", "column", "length"}</c> when it carries more; a missing cell is omitted.
/// Reading never throws on data: problems are diagnostics.
/// </summary>
public static class ReportJson
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>Writes metadata and cells as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, ReportSchema schema, ReportInfo info, ReportCells cells)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WriteStartObject();
        writer.WriteString("edition", schema.Edition);
        if (info.Agency is not null)
        {
            writer.WriteString("agency", info.Agency);
        }

        if (info.Year is int year)
        {
            writer.WriteNumber("year", year);
        }

        if (info.Source is not null)
        {
            writer.WriteString("source", info.Source);
        }

        JsonLayout layout = JsonLayout.For(schema);
        var open = new List<string>();
        for (int i = 0; i < cells.Count; i++)
        {
            Cell cell = cells[i];
            if (cell.State == CellState.Missing)
            {
                continue;
            }

            string[] segments = layout.Segments[i];
            int common = 0;
            while (common < open.Count && common < segments.Length - 1 && open[common] == segments[common])
            {
                common++;
            }

            while (open.Count > common)
            {
                writer.WriteEndObject();
                open.RemoveAt(open.Count - 1);
            }

            for (int k = common; k < segments.Length - 1; k++)
            {
                writer.WritePropertyName(segments[k]);
                writer.WriteStartObject();
                open.Add(segments[k]);
            }

            writer.WritePropertyName(segments[segments.Length - 1]);
            WriteCell(writer, cell);
        }

        for (int k = 0; k < open.Count; k++)
        {
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>The report as a JSON string.</summary>
    public static string ToJson(ReportSchema schema, ReportInfo info, ReportCells cells, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, schema, info, cells);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a report of <paramref name="edition"/> from JSON text. Never throws on data.</summary>
    public static ReportJsonReadResult Read(ReportEdition edition, string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        return Read(edition, Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a report of <paramref name="edition"/> from UTF-8 JSON. Never throws on data.</summary>
    public static ReportJsonReadResult Read(ReportEdition edition, ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            var context = new ReadContext(edition.Schema, utf8.ToArray());
            ReportJsonReadResult result = ReadCore(ref reader, context);
            if (result.Cells is not null && reader.Read())
            {
                throw new JsonException("text after the end of the report object", null, null, null);
            }

            return result;
        }
        catch (JsonException ex)
        {
            Diagnostic malformed = Diagnostic.Create(
                ReportDiagnostics.MalformedJson,
                new DiagnosticLocation { Span = new SourceSpan((int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, 0) },
                (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1, FirstSentence(ex.Message));
            return new ReportJsonReadResult(ReportInfo.Empty, null, ImmutableArray.Create(malformed));
        }
    }

    /// <summary>Reads a report from a reader positioned on (or before) its start object; for converters. Malformed JSON throws <see cref="JsonException"/>.</summary>
    public static ReportJsonReadResult Read(ref Utf8JsonReader reader, ReportEdition edition) => ReadCore(ref reader, new ReadContext(edition.Schema, null));

    /// <summary>The exception a converter throws when a report cannot be read or validated, listing the findings.</summary>
    public static JsonException Failure(ImmutableArray<Diagnostic> diagnostics)
    {
        IEnumerable<string> errors = diagnostics.Where(d => d.IsError).Take(5).Select(d => d.ToString());
        return new JsonException("The report is not valid: " + string.Join("; ", errors));
    }

    private static ReportJsonReadResult ReadCore(ref Utf8JsonReader reader, ReadContext context)
    {
        if (reader.TokenType == JsonTokenType.None && !reader.Read())
        {
            throw new JsonException("the document is empty", null, 0, 0);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            context.Add(Diagnostic.Create(ReportDiagnostics.InvalidMetadata, context.At(reader.TokenStartIndex), "(root)", "an object", Describe(reader.TokenType)));
            reader.Skip();
            return new ReportJsonReadResult(ReportInfo.Empty, null, context.Diagnostics.ToImmutable());
        }

        ReportSchema schema = context.Schema;
        var info = ReportInfo.Empty;
        bool editionOk = true;
        ReportCells.Builder cells = ReportCells.CreateBuilder(schema);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            long at = reader.TokenStartIndex;
            reader.Read();
            if (!seen.Add(name))
            {
                context.Add(Diagnostic.Create(ReportDiagnostics.DuplicateProperty, context.At(at), name));
            }

            switch (name)
            {
                case "edition":
                    string? edition = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    if (edition != schema.Edition)
                    {
                        editionOk = false;
                        context.Add(Diagnostic.Create(ReportDiagnostics.UnknownEdition, context.At(at), edition ?? Describe(reader.TokenType), schema.Edition));
                    }

                    reader.Skip();
                    break;
                case "agency":
                    info = info with { Agency = ReadString(ref reader, context, name, at) };
                    break;
                case "source":
                    info = info with { Source = ReadString(ref reader, context, name, at) };
                    break;
                case "year":
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int year))
                    {
                        info = info with { Year = year };
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        context.Add(Diagnostic.Create(ReportDiagnostics.InvalidMetadata, context.At(at), name, "a whole number", Describe(reader.TokenType)));
                        reader.Skip();
                    }

                    break;
                default:
                    if (context.Layout.Root.Children.TryGetValue(name, out JsonLayout.Node? node))
                    {
                        ReadNode(ref reader, node, cells, context);
                    }
                    else
                    {
                        Unknown(ref reader, name, at, context);
                    }

                    break;
            }
        }

        return new ReportJsonReadResult(info, editionOk ? cells.ToCells() : null, context.Diagnostics.ToImmutable());
    }

    private static void ReadNode(ref Utf8JsonReader reader, JsonLayout.Node node, ReportCells.Builder cells, ReadContext context)
    {
        if (node.Ordinal >= 0)
        {
            cells[node.Ordinal] = ReadCell(ref reader, context.Schema.Cells[node.Ordinal], context);
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            context.Add(Diagnostic.Create(ReportDiagnostics.InvalidMetadata, context.At(reader.TokenStartIndex), node.Path, "an object", Describe(reader.TokenType)));
            reader.Skip();
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            long at = reader.TokenStartIndex;
            reader.Read();
            if (!seen.Add(name))
            {
                context.Add(Diagnostic.Create(ReportDiagnostics.DuplicateProperty, context.At(at), node.Path + "." + name));
            }

            if (node.Children.TryGetValue(name, out JsonLayout.Node? child))
            {
                ReadNode(ref reader, child, cells, context);
            }
            else
            {
                Unknown(ref reader, node.Path + "." + name, at, context);
            }
        }
    }

    private static Cell ReadCell(ref Utf8JsonReader reader, CellInfo info, ReadContext context)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return NumberCell(ref reader, info, null, default);
            case JsonTokenType.Null:
                return Cell.Blank();
            case JsonTokenType.String:
                string text = reader.GetString()!;
                return CellParser.Parse(text, info.Scale, default);
            case JsonTokenType.StartObject:
                return ObjectCell(ref reader, info, context);
            default:
                long at = reader.TokenStartIndex;
                string raw = RawText(ref reader);
                context.Add(Diagnostic.Create(ReportDiagnostics.InvalidCellValue, context.At(at, info), info.Key, Describe(reader.TokenType) + " " + raw));
                reader.Skip();
                return Cell.Text(raw);
        }
    }

    private static Cell NumberCell(ref Utf8JsonReader reader, CellInfo info, string? raw, SourceSpan span)
    {
        if (info.Scale == 0 && reader.TryGetInt64(out long whole))
        {
            return Cell.Number(whole, 0, raw, span);
        }

        if (reader.TryGetDecimal(out decimal amount) && Money.TryToScaled(amount, info.Scale, out long scaled))
        {
            return Cell.Number(scaled, info.Scale, raw, span);
        }

        // Too large, or more decimals than the schema keeps: keep the text, validation reports it.
        return Cell.Text(raw ?? Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()), span);
    }

    private static Cell ObjectCell(ref Utf8JsonReader reader, CellInfo info, ReadContext context)
    {
        long start = reader.TokenStartIndex;
        string? state = null;
        string? raw = null;
        int line = 0;
        int column = 0;
        int length = 0;
        Cell? number = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "state" when reader.TokenType == JsonTokenType.String:
                    state = reader.GetString();
                    break;
                case "raw" when reader.TokenType == JsonTokenType.String:
                    raw = reader.GetString();
                    break;
                case "value" when reader.TokenType == JsonTokenType.Number:
                    number = NumberCell(ref reader, info, null, default);
                    break;
                case "line" when reader.TokenType == JsonTokenType.Number:
                    reader.TryGetInt32(out line);
                    break;
                case "column" when reader.TokenType == JsonTokenType.Number:
                    reader.TryGetInt32(out column);
                    break;
                case "length" when reader.TokenType == JsonTokenType.Number:
                    reader.TryGetInt32(out length);
                    break;
                default:
                    Unknown(ref reader, info.Key + "." + name, reader.TokenStartIndex, context);
                    break;
            }
        }

        var span = line > 0 ? new SourceSpan(line, column, length) : default;
        switch (state)
        {
            case "number" or null when number is { State: CellState.Number } n:
                return Cell.Number(n.Value, n.Scale, raw, span);
            case "number" or null when number is { State: CellState.Text } t:
                return Cell.Text(raw ?? t.Raw ?? string.Empty, span);
            case "blank":
                return Cell.Blank(raw, span);
            case "notApplicable":
                return Cell.NotApplicable(raw ?? "/", span);
            case "text":
                return Cell.Text(raw ?? string.Empty, span);
            case "missing":
                return Cell.Missing;
            default:
                if (raw is not null)
                {
                    return CellParser.Parse(raw, info.Scale, span);
                }

                context.Add(Diagnostic.Create(ReportDiagnostics.InvalidCellValue, context.At(start, info), info.Key, "an object without a usable state, value or raw text"));
                return Cell.Text("{}", span);
        }
    }

    private static void WriteCell(Utf8JsonWriter writer, Cell cell)
    {
        bool plain = cell.Raw is null && !cell.Span.IsKnown;
        if (plain && cell.State == CellState.Number)
        {
            WriteNumber(writer, cell);
            return;
        }

        if (plain && cell.State == CellState.Blank)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("state", cell.State switch
        {
            CellState.Number => "number",
            CellState.Blank => "blank",
            CellState.NotApplicable => "notApplicable",
            CellState.Text => "text",
            _ => "missing",
        });
        if (cell.State == CellState.Number)
        {
            writer.WritePropertyName("value");
            WriteNumber(writer, cell);
        }

        if (cell.Raw is not null)
        {
            writer.WriteString("raw", cell.Raw);
        }

        if (cell.Span.IsKnown)
        {
            writer.WriteNumber("line", cell.Span.Line);
            writer.WriteNumber("column", cell.Span.Column);
            writer.WriteNumber("length", cell.Span.Length);
        }

        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, Cell cell)
    {
        if (cell.Scale == 0)
        {
            writer.WriteNumberValue(cell.Value);
        }
        else
        {
            writer.WriteNumberValue(Money.FromScaled(cell.Value, cell.Scale));
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader, ReadContext context, string name, long at)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            context.Add(Diagnostic.Create(ReportDiagnostics.InvalidMetadata, context.At(at), name, "a string", Describe(reader.TokenType)));
            reader.Skip();
        }

        return null;
    }

    private static void Unknown(ref Utf8JsonReader reader, string path, long at, ReadContext context)
    {
        string raw = RawText(ref reader);
        context.Add(Diagnostic.Create(ReportDiagnostics.UnknownProperty, context.At(at), path, raw, context.Schema.Edition));
        reader.Skip();
    }

    // The value's text for a message: primitives verbatim, containers abbreviated.
    private static string RawText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "{…}",
        JsonTokenType.StartArray => "[…]",
        JsonTokenType.String => "\"" + reader.GetString() + "\"",
        _ => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()),
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message.Substring(0, cut) : message;
    }

    private sealed class ReadContext
    {
        private readonly byte[]? _utf8;

        public ReadContext(ReportSchema schema, byte[]? utf8)
        {
            Schema = schema;
            Layout = JsonLayout.For(schema);
            _utf8 = utf8;
        }

        public ReportSchema Schema { get; }

        public JsonLayout Layout { get; }

        public ImmutableArray<Diagnostic>.Builder Diagnostics { get; } = ImmutableArray.CreateBuilder<Diagnostic>();

        public void Add(Diagnostic diagnostic) => Diagnostics.Add(diagnostic);

        public DiagnosticLocation At(long byteIndex, CellInfo? cell = null)
        {
            SourceSpan span = LineOf(byteIndex);
            return cell is null ? new DiagnosticLocation { Span = span } : DiagnosticLocation.ForCell(cell, span);
        }

        // Lines are counted only when a finding needs one.
        private SourceSpan LineOf(long byteIndex)
        {
            if (_utf8 is null)
            {
                return default;
            }

            int line = 1;
            int lineStart = 0;
            int end = (int)Math.Min(byteIndex, _utf8.Length);
            for (int i = 0; i < end; i++)
            {
                if (_utf8[i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return new SourceSpan(line, end - lineStart + 1, 0);
        }
    }
}
