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
        writer.WriteString(JsonNames.EditionEncoded, schema.Edition);
        if (info.Agency is not null)
        {
            writer.WriteString(JsonNames.AgencyEncoded, info.Agency);
        }

        if (info.Year is int year)
        {
            writer.WriteNumber(JsonNames.YearEncoded, year);
        }

        if (info.Source is not null)
        {
            writer.WriteString(JsonNames.SourceEncoded, info.Source);
        }

        JsonLayout layout = JsonLayout.For(schema);
        var open = new List<JsonLayout.Node>();
        for (int i = 0; i < cells.Count; i++)
        {
            Cell cell = cells[i];
            if (cell.State == CellState.Missing)
            {
                continue;
            }

            JsonLayout.Node[] segments = layout.Path[i];
            int common = 0;
            while (common < open.Count && common < segments.Length - 1 && ReferenceEquals(open[common], segments[common]))
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
                writer.WritePropertyName(segments[k].Encoded);
                writer.WriteStartObject();
                open.Add(segments[k]);
            }

            writer.WritePropertyName(segments[segments.Length - 1].Encoded);
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
    /// <remarks>A lone surrogate in <paramref name="json"/> (which UTF-8 cannot encode) is RC1101 with its character offset.</remarks>
    public static ReportJsonReadResult Read(ReportEdition edition, string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        int lone = LoneSurrogate(json);
        if (lone >= 0)
        {
            int line = 1, lineStart = 0;
            // Stryker disable once Equality : json[lone] is a surrogate, never '\n', so looking at it too counts no other line.
            for (int i = 0; i < lone; i++)
            {
                if (json[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return Malformed(line, lone - lineStart + 1, "invalid UTF-16 text (a lone surrogate) at character offset " + lone.ToString(CultureInfo.InvariantCulture));
        }

        return Read(edition, Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a report of <paramref name="edition"/> from UTF-8 JSON. Never throws on data.</summary>
    /// <remarks>
    /// Invalid UTF-8 is RC1101 naming the byte offset of the first invalid sequence (nothing is read). Locations of
    /// findings come from a table of line starts built once, so a document with many findings is still read in linear time.
    /// </remarks>
    public static ReportJsonReadResult Read(ReportEdition edition, ReadOnlySpan<byte> utf8)
    {
        if (edition is null)
        {
            throw new ArgumentNullException(nameof(edition));
        }

        var context = new ReadContext(edition.Schema, utf8.ToArray());
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            int offset = FirstInvalidUtf8(utf8);
            SourceSpan at = context.LineOf(offset);
            return Malformed(at.Line, at.Column, "invalid UTF-8 at byte offset " + offset.ToString(CultureInfo.InvariantCulture));
        }

        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            ReportJsonReadResult result = ReadCore(ref reader, context);
            if (result.Cells is not null && reader.Read())
            {
                // Stryker disable once String : unreachable: ReadCore leaves the reader on the root's end object, and any further token makes Read itself throw (one JSON value only), so Read() here only returns false.
                throw new JsonException("text after the end of the report object", null, null, null);
            }

            return result;
        }
        catch (JsonException ex)
        {
            SourceSpan at = ex.LineNumber is long line
                ? new SourceSpan((int)line + 1, (int)(ex.BytePositionInLine ?? 0) + 1, 0)
                : context.LineOf(reader.TokenStartIndex);
            return Malformed(at.Line, at.Column, FirstSentence(ex.Message));
        }
    }

    /// <summary>Reads a report from a reader positioned on (or before) its start object; for converters. Malformed JSON throws <see cref="JsonException"/>.</summary>
    public static ReportJsonReadResult Read(ref Utf8JsonReader reader, ReportEdition edition)
    {
        if (edition is null)
        {
            throw new ArgumentNullException(nameof(edition));
        }

        return ReadCore(ref reader, new ReadContext(edition.Schema, null));
    }

    /// <summary>
    /// Finds the top-level <c>"edition"</c> of a JSON report without reading the rest: the one edition detector of the
    /// bulk validator and of file reading. False when <paramref name="utf8"/> is not a JSON object, or is malformed before
    /// its <c>"edition"</c> (or, when it has none, before its end): the full reader then says why (RC1101, RC1106). Otherwise
    /// <paramref name="edition"/> is the value — a string's text, another value's JSON, <c>an object</c> or <c>an
    /// array</c> — or null when there is no <c>"edition"</c> or it is null; <paramref name="token"/> is the value's token
    /// (<see cref="JsonTokenType.None"/> when there is no <c>"edition"</c>).
    /// </summary>
    public static bool TryReadEdition(ReadOnlySpan<byte> utf8, out string? edition, out JsonTokenType token)
    {
        edition = null;
        token = JsonTokenType.None;
        try
        {
            var reader = new Utf8JsonReader(utf8, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isEdition = reader.ValueTextEquals(JsonNames.EditionUtf8);
                reader.Read();
                if (isEdition)
                {
                    token = reader.TokenType;
                    edition = reader.TokenType switch
                    {
                        JsonTokenType.String => GetString(ref reader),
                        JsonTokenType.Null => null,
                        JsonTokenType.StartObject => "an object",
                        JsonTokenType.StartArray => "an array",
                        _ => Encoding.UTF8.GetString(reader.ValueSpan),
                    };
                    return true;
                }

                reader.Skip();
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The exception a converter throws when a report cannot be read or validated, listing the findings.</summary>
    public static JsonException Failure(ImmutableArray<Diagnostic> diagnostics)
    {
        IEnumerable<string> errors = diagnostics.Where(d => d.IsError).Take(5).Select(d => d.ToString());
        return new JsonException("The report is not valid: " + string.Join("; ", errors));
    }

    private static ReportJsonReadResult Malformed(int line, int column, string detail)
    {
        Diagnostic malformed = Diagnostic.Create(
            ReportDiagnostics.MalformedJson,
            new DiagnosticLocation { Span = new SourceSpan(line, column, 0) },
            line, column, detail);
        return new ReportJsonReadResult(ReportInfo.Empty, null, ImmutableArray.Create(malformed));
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

        long rootAt = reader.TokenStartIndex;
        ReportSchema schema = context.Schema;
        var info = ReportInfo.Empty;
        bool editionOk = true;
        bool editionSeen = false;
        ReportCells.Builder cells = ReportCells.CreateBuilder(schema);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = GetString(ref reader);
            long at = reader.TokenStartIndex;
            reader.Read();
            bool isCellNode = context.Layout.Root.Children.TryGetValue(name, out JsonLayout.Node? node);
            string? value = isCellNode ? null : Render(ref reader);
            if (seen.TryGetValue(name, out string? first))
            {
                context.Add(Diagnostic.Create(ReportDiagnostics.DuplicateProperty, context.At(at), name, first, value ?? "{…}"));
            }
            else
            {
                seen.Add(name, value ?? "{…}");
            }

            switch (name)
            {
                case JsonNames.Edition:
                    string? edition = reader.TokenType == JsonTokenType.String ? GetString(ref reader) : null;
                    editionSeen = true;
                    if (edition != schema.Edition)
                    {
                        editionOk = false;
                        context.Add(Diagnostic.Create(ReportDiagnostics.UnknownEdition, context.At(at), edition ?? Describe(reader.TokenType), schema.Edition));
                    }

                    reader.Skip();
                    break;
                case JsonNames.Agency:
                    info = info with { Agency = ReadString(ref reader, context, name, value!, at) };
                    break;
                case JsonNames.Source:
                    info = info with { Source = ReadString(ref reader, context, name, value!, at) };
                    break;
                case JsonNames.Year:
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int year))
                    {
                        info = info with { Year = year };
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        context.Add(Diagnostic.Create(ReportDiagnostics.InvalidMetadata, context.At(at), name, "a whole number", Describe(reader.TokenType) + " " + value));
                        reader.Skip();
                    }

                    break;
                default:
                    if (isCellNode)
                    {
                        ReadNode(ref reader, node!, cells, context);
                    }
                    else
                    {
                        Unknown(ref reader, name, value!, at, context);
                    }

                    break;
            }
        }

        if (!editionSeen)
        {
            editionOk = false;
            context.Add(Diagnostic.Create(ReportDiagnostics.UnknownEdition, context.At(rootAt), "(none)", schema.Edition));
        }

        return new ReportJsonReadResult(info, editionOk ? cells.ToCells() : null, context.Diagnostics.ToImmutable());
    }

    private static void ReadNode(ref Utf8JsonReader reader, JsonLayout.Node node, ReportCells.Builder cells, ReadContext context)
    {
        if (node.Ordinal >= 0)
        {
            long at = reader.TokenStartIndex;
            CellInfo cellInfo = context.Schema.Cells[node.Ordinal];
            Cell cell = ReadCell(ref reader, cellInfo, context);
            if (context.Assigned[node.Ordinal])
            {
                // The same cell twice (a repeated property, or a repeated row object): both values are quoted.
                context.Add(Diagnostic.Create(ReportDiagnostics.DuplicateProperty, context.At(at, cellInfo), cellInfo.Key, Show(cells[node.Ordinal]), Show(cell)));
            }

            context.Assigned[node.Ordinal] = true;
            cells[node.Ordinal] = cell;
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            context.Add(Diagnostic.Create(ReportDiagnostics.InvalidMetadata, context.At(reader.TokenStartIndex), node.Path, "an object", Describe(reader.TokenType) + " " + Render(ref reader)));
            reader.Skip();
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = GetString(ref reader);
            long at = reader.TokenStartIndex;
            reader.Read();
            bool known = node.Children.TryGetValue(name, out JsonLayout.Node? child);
            if (!seen.Add(name) && !(known && child!.Ordinal >= 0))
            {
                // A repeated cell is reported with both of its values where it is read; a repeated object here
                // (its cells, if repeated, are reported one by one).
                context.Add(Diagnostic.Create(ReportDiagnostics.DuplicateProperty, context.At(at), node.Path + "." + name, "{…}", Render(ref reader)));
            }

            if (known)
            {
                ReadNode(ref reader, child!, cells, context);
            }
            else
            {
                Unknown(ref reader, node.Path + "." + name, Render(ref reader), at, context);
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
                return TextCell(GetString(ref reader), info, default, reader.TokenStartIndex, context);
            case JsonTokenType.StartObject:
                return ObjectCell(ref reader, info, context);
            default:
                long at = reader.TokenStartIndex;
                string raw = Render(ref reader);
                context.Add(Diagnostic.Create(ReportDiagnostics.InvalidCellValue, context.At(at, info), info.Key, Describe(reader.TokenType) + " " + raw));
                reader.Skip();
                return Cell.Text(raw);
        }
    }

    // Text as published: parsed for the cell's kind (a unit of the wrong kind makes it text); a money unit other
    // than the cell's is reported, as the importer does, since the number is kept as written.
    private static Cell TextCell(string text, CellInfo info, SourceSpan span, long at, ReadContext context)
    {
        Cell cell = CellParser.Parse(text, info, span, out string? unit);
        if (cell.State == CellState.Number && unit is not null && info.Kind == ValueKind.Money && info.Unit.Length > 0 && unit != info.Unit && cell.Value != 0)
        {
            context.Add(Diagnostic.Create(ReportDiagnostics.MoneyUnitMismatch, context.At(at, info), info.Key, text, unit, info.Unit));
        }

        return cell;
    }

    private static Cell NumberCell(ref Utf8JsonReader reader, CellInfo info, string? raw, SourceSpan span)
    {
        ReadOnlySpan<byte> token = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (JsonNumber.TryParseScaled(token, info.Scale, out long scaled))
        {
            return Cell.Number(scaled, info.Scale, raw, span);
        }

        // Too large, too small to be exact (1e-400), or more decimals than the schema keeps: keep the text, validation reports it.
        // Stryker disable once NullCoalescing : both callers pass raw null, so the text is always the token's.
        return Cell.Text(raw ?? Encoding.UTF8.GetString(token), span);
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
        string? valueText = null;
        var members = new StringBuilder("{");
        Dictionary<string, string>? seen = null;
        bool conflict = false;
        bool located = false; // "line", "column" or "length" given
        bool badLocation = false; // one of them is not a 32-bit whole number
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = GetString(ref reader);
            long at = reader.TokenStartIndex;
            reader.Read();
            string text = Render(ref reader);
            members.Append(members.Length > 1 ? ", " : string.Empty).Append('"').Append(name).Append("\": ").Append(text);
            seen ??= new Dictionary<string, string>(StringComparer.Ordinal);
            if (seen.TryGetValue(name, out string? first))
            {
                // {"value": 7, "value": 2}: the later value is read, both are quoted, and the report cannot validate.
                context.Add(Diagnostic.Create(ReportDiagnostics.DuplicateProperty, context.At(at, info), info.Key + "." + name, first, text));
            }
            else
            {
                seen.Add(name, text);
            }

            switch (name)
            {
                case JsonNames.State when reader.TokenType == JsonTokenType.String:
                    state = GetString(ref reader);
                    break;
                case JsonNames.Raw when reader.TokenType == JsonTokenType.String:
                    raw = GetString(ref reader);
                    break;
                case JsonNames.Value when reader.TokenType == JsonTokenType.Number:
                    number = NumberCell(ref reader, info, null, default);
                    valueText = text;
                    break;
                case JsonNames.Line when reader.TokenType == JsonTokenType.Number:
                    located = true;
                    badLocation |= !reader.TryGetInt32(out line);
                    break;
                case JsonNames.Column when reader.TokenType == JsonTokenType.Number:
                    located = true;
                    badLocation |= !reader.TryGetInt32(out column);
                    break;
                case JsonNames.Length when reader.TokenType == JsonTokenType.Number:
                    located = true;
                    badLocation |= !reader.TryGetInt32(out length);
                    break;
                default:
                    Unknown(ref reader, info.Key + "." + name, text, at, context);
                    break;
            }
        }

        members.Append('}');
        var span = line > 0 && !badLocation ? new SourceSpan(line, column, length) : default;
        if (located && !span.IsKnown)
        {
            // A location that cannot be kept (no line from 1, a number beyond 32 bits) is said, not dropped.
            context.Add(Diagnostic.Create(ReportDiagnostics.InvalidMetadata, context.At(start, info), info.Key, "a location with a line from 1 and 32-bit whole numbers", members.ToString()));
        }

        if (number is not null && state is not (null or JsonNames.StateNumber))
        {
            // {"state":"blank","value":999}: which one holds is unknown, so neither is guessed.
            conflict = true;
        }

        if (conflict)
        {
            context.Add(Diagnostic.Create(ReportDiagnostics.InvalidCellValue, context.At(start, info), info.Key, "a cell object whose state \"" + state + "\" contradicts its value " + valueText + ": " + members));
            // Stryker disable once String : a conflict is only set with a number value, so valueText is never null here.
            return Cell.Text(raw ?? valueText ?? string.Empty, span);
        }

        switch (state)
        {
            case JsonNames.StateNumber or null when number is { State: CellState.Number } n:
                return Cell.Number(n.Value, n.Scale, raw, span);
            case JsonNames.StateNumber or null when number is { State: CellState.Text } t:
                if (raw is not null && raw != t.Raw)
                {
                    // The value cannot be kept (1e-400, beyond 64 bits) and the cell shows its raw text: the value is quoted here.
                    context.Add(Diagnostic.Create(ReportDiagnostics.InvalidCellValue, context.At(start, info), info.Key, "a cell object whose value " + valueText + " the cell cannot hold: " + members));
                }

                // Stryker disable once String : t comes from NumberCell, whose text cell always has its token's text, so t.Raw is never null.
                return Cell.Text(raw ?? t.Raw ?? string.Empty, span);
            case JsonNames.StateBlank:
                return Cell.Blank(raw, span);
            case JsonNames.StateNotApplicable:
                return Cell.NotApplicable(raw ?? "/", span);
            case JsonNames.StateText:
                return Cell.Text(raw ?? string.Empty, span);
            case JsonNames.StateMissing when raw is null && !located:
                return Cell.Missing;
            default:
                if (raw is not null && state is null or JsonNames.StateNumber)
                {
                    return TextCell(raw, info, span, start, context);
                }

                context.Add(Diagnostic.Create(ReportDiagnostics.InvalidCellValue, context.At(start, info), info.Key, "a cell object without a usable state, value or raw text: " + members));
                return Cell.Text(raw ?? members.ToString(), span);
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
        writer.WriteString(JsonNames.StateEncoded, cell.State switch
        {
            CellState.Number => JsonNames.StateNumber,
            CellState.Blank => JsonNames.StateBlank,
            CellState.NotApplicable => JsonNames.StateNotApplicable,
            CellState.Text => JsonNames.StateText,
            _ => JsonNames.StateMissing,
        });
        if (cell.State == CellState.Number)
        {
            writer.WritePropertyName(JsonNames.ValueEncoded);
            WriteNumber(writer, cell);
        }

        if (cell.Raw is not null)
        {
            writer.WriteString(JsonNames.RawEncoded, cell.Raw);
        }

        if (cell.Span.IsKnown)
        {
            writer.WriteNumber(JsonNames.LineEncoded, cell.Span.Line);
            writer.WriteNumber(JsonNames.ColumnEncoded, cell.Span.Column);
            writer.WriteNumber(JsonNames.LengthEncoded, cell.Span.Length);
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

    private static string? ReadString(ref Utf8JsonReader reader, ReadContext context, string name, string value, long at)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return GetString(ref reader);
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            context.Add(Diagnostic.Create(ReportDiagnostics.InvalidMetadata, context.At(at), name, "a string", Describe(reader.TokenType) + " " + value));
            reader.Skip();
        }

        return null;
    }

    private static void Unknown(ref Utf8JsonReader reader, string path, string value, long at, ReadContext context)
    {
        context.Add(Diagnostic.Create(ReportDiagnostics.UnknownProperty, context.At(at), path, value, context.Schema.Edition));
        reader.Skip();
    }

    // A cell for a message: a plain number as itself, else as its JSON (state, value, raw text, location), so that a
    // cell read twice loses nothing of its first reading.
    private static string Show(Cell cell)
    {
        // Stryker disable once Block : without the shortcut WriteCell writes a plain number through WriteNumber, the same digits as FormatValue (a long as is; a scaled amount as the same normalised decimal); only time differs.
        if (cell.State == CellState.Number && cell.Raw is null && !cell.Span.IsKnown)
        {
            return cell.FormatValue();
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteCell(writer, cell);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // The value's text for a message, in full (numbers verbatim) so that nothing unread is lost without a word.
    // Leaves the reader on the value's last token; the depth is bounded by the reader's MaxDepth.
    private static string Render(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return "\"" + GetString(ref reader) + "\"";
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                break;
            default:
                return Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
        }

        // Walk a copy, so the caller's reader still stands on the start token (it skips or reads it itself).
        Utf8JsonReader copy = reader;
        var sb = new StringBuilder();
        int depth = copy.CurrentDepth;
        bool comma = false;
        do
        {
            switch (copy.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    sb.Append(comma ? ", " : string.Empty).Append(copy.TokenType == JsonTokenType.StartObject ? '{' : '[');
                    comma = false;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    sb.Append(copy.TokenType == JsonTokenType.EndObject ? '}' : ']');
                    comma = true;
                    break;
                case JsonTokenType.PropertyName:
                    sb.Append(comma ? ", " : string.Empty).Append('"').Append(GetString(ref copy)).Append("\": ");
                    comma = false;
                    break;
                default:
                    sb.Append(comma ? ", " : string.Empty).Append(copy.TokenType == JsonTokenType.String
                        ? "\"" + GetString(ref copy) + "\""
                        : Encoding.UTF8.GetString(copy.HasValueSequence ? copy.ValueSequence.ToArray() : copy.ValueSpan.ToArray()));
                    comma = true;
                    break;
            }

            if (copy.CurrentDepth == depth && copy.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                break;
            }
        }
        while (copy.Read());

        return sb.ToString();
    }

    // GetString throws InvalidOperationException on text it cannot transcode (an escaped lone surrogate): a data
    // problem, so it becomes a JsonException (RC1101 when reading bytes; what a converter must throw).
    private static string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            // Stryker disable once String : GetString is only called on string and property-name tokens, for which Utf8JsonReader.GetString never returns null.
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException("invalid text in a string: " + ex.Message, ex);
        }
    }

    private static int LoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        int offset = 0;
        // Stryker disable once Equality : only called on invalid UTF-8, so the loop returns at the first invalid sequence before offset reaches the end.
        while (offset < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8.Slice(offset), out _, out int consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

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
        // Stryker disable once String : no message reaching here holds " Path:" (the reader's end "LineNumber: … | BytePositionInLine: ….", ours have none); with "" cut is 0 and the message is kept whole, as now.
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        // Stryker disable once Conditional,Equality : cut is always -1 (no message here holds " Path:", see above), so the message is returned whole either way.
        return cut > 0 ? message.Substring(0, cut) : message;
    }

    private sealed class ReadContext
    {
        private readonly byte[]? _utf8;
        private int[]? _lineStarts;

        public ReadContext(ReportSchema schema, byte[]? utf8)
        {
            Schema = schema;
            Layout = JsonLayout.For(schema);
            Assigned = new bool[schema.CellCount];
            _utf8 = utf8;
        }

        public ReportSchema Schema { get; }

        public JsonLayout Layout { get; }

        /// <summary>Cells read so far (a second value for one is a duplicate).</summary>
        public bool[] Assigned { get; }

        public ImmutableArray<Diagnostic>.Builder Diagnostics { get; } = ImmutableArray.CreateBuilder<Diagnostic>();

        public void Add(Diagnostic diagnostic) => Diagnostics.Add(diagnostic);

        public DiagnosticLocation At(long byteIndex, CellInfo? cell = null)
        {
            SourceSpan span = LineOf(byteIndex);
            return cell is null ? new DiagnosticLocation { Span = span } : DiagnosticLocation.ForCell(cell, span);
        }

        // The line starts are found once, when the first finding needs a line; each finding is then a binary search.
        public SourceSpan LineOf(long byteIndex)
        {
            if (_utf8 is null)
            {
                return default;
            }

            int[] starts = _lineStarts ??= LineStarts(_utf8);
            int end = (int)Math.Max(0, Math.Min(byteIndex, _utf8.Length));
            int index = Array.BinarySearch(starts, end);
            int line = index >= 0 ? index : ~index - 1;
            WorkCounter.Add(1 + (int)Math.Log2(starts.Length));
            return new SourceSpan(line + 1, end - starts[line] + 1, 0);
        }

        private static int[] LineStarts(byte[] utf8)
        {
            WorkCounter.Add(utf8.Length);
            var starts = new List<int> { 0 };
            int from = 0;
            while (true)
            {
                int next = Array.IndexOf(utf8, (byte)'\n', from);
                if (next < 0)
                {
                    return starts.ToArray();
                }

                starts.Add(next + 1);
                from = next + 1;
            }
        }
    }
}
