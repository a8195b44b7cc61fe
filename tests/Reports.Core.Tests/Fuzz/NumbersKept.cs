using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.Json;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Schema;

namespace Reports.Core.Tests.Fuzz;

/// <summary>
/// The law "no value lost on the JSON path" (issue 13): every number token of a JSON input a draft was read from is
/// in that draft — the value of the cell it stands at (or that cell's raw text, or its location), or the year — or it
/// is quoted in a diagnostic about its place (located at its cell, or naming the first property of its path). The
/// input is walked with <see cref="Utf8JsonReader"/>; a walk stops quietly at the first invalid token (what the reader
/// could not read, no draft was read from).
/// </summary>
internal static class NumbersKept
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>The numbers of <paramref name="utf8"/> found neither in the draft nor in a diagnostic, with their paths.</summary>
    public static List<string> Lost(ReadOnlySpan<byte> utf8, ReportSchema schema, ReportInfo info, ReportCells cells, IReadOnlyList<Diagnostic> diagnostics)
    {
        var lost = new List<string>();
        JsonLayout layout = JsonLayout.For(schema);
        var path = new List<string?>(); // one entry per open container: the property it is the value of (null in arrays)
        string? property = null;
        bool inArray = false;
        var arrays = new Stack<bool>();
        try
        {
            var reader = new Utf8JsonReader(utf8, Options);
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Add(inArray ? null : property);
                        arrays.Push(inArray);
                        inArray = reader.TokenType == JsonTokenType.StartArray;
                        property = null;
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        inArray = arrays.Pop();
                        property = null;
                        continue;
                    case JsonTokenType.Number:
                        string token = Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
                        var at = new List<string?>(path.Skip(1)) { inArray ? null : property }; // the root object has no name
                        if (!Kept(token, at, layout, schema, info, cells, diagnostics))
                        {
                            lost.Add(string.Join(".", at.Select(p => p ?? "[]")) + " = " + token);
                        }

                        break;
                }

                property = null;
            }
        }
        catch (JsonException)
        {
            // Invalid from here on: nothing past this point was read into a draft.
        }
        catch (InvalidOperationException)
        {
            // A property name that cannot be transcoded: the reader reported the document instead of reading it.
        }

        return lost;
    }

    private static bool Kept(string token, List<string?> at, JsonLayout layout, ReportSchema schema, ReportInfo info, ReportCells cells, IReadOnlyList<Diagnostic> diagnostics)
    {
        // The cell the number stands at: the cell itself, or a member of its cell object.
        JsonLayout.Node node = layout.Root;
        int depth = 0;
        for (; depth < at.Count && node.Ordinal < 0; depth++)
        {
            if (at[depth] is not string name || !node.Children.TryGetValue(name, out JsonLayout.Node? child))
            {
                node = layout.Root;
                break;
            }

            node = child;
        }

        CellInfo? cell = node.Ordinal >= 0 ? schema.Cells[node.Ordinal] : null;
        if (cell is not null)
        {
            Cell value = cells[cell.Ordinal];
            string? member = depth == at.Count ? "value" : depth == at.Count - 1 ? at[depth] : null;
            bool inDraft = member switch
            {
                "value" => (value.State == CellState.Number && JsonNumber.TryParseScaled(Encoding.UTF8.GetBytes(token), value.Scale, out long scaled) && scaled == value.Value)
                           || value.Raw == token,
                "line" => value.Span.IsKnown && value.Span.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) == token,
                "column" => value.Span.IsKnown && value.Span.Column.ToString(System.Globalization.CultureInfo.InvariantCulture) == token,
                "length" => value.Span.IsKnown && value.Span.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) == token,
                _ => false,
            };
            if (inDraft)
            {
                return true;
            }
        }
        else if (at.Count == 1 && at[0] == "year" && info.Year is int year
                 && JsonNumber.TryParseScaled(Encoding.UTF8.GetBytes(token), 0, out long stated) && stated == year) // -0 and 0e0 are the year 0
        {
            return true;
        }

        // A finding at the cell may quote the value as the cell shows it (1.00e2 as 100).
        string? shown = cell is not null && JsonNumber.TryParseScaled(Encoding.UTF8.GetBytes(token), cell.Scale, out long exact)
            ? Cell.Number(exact, cell.Scale).FormatValue()
            : null;
        string first = at.Count > 0 && at[0] is string top ? top : "(root)";
        foreach (Diagnostic d in diagnostics)
        {
            bool atCell = cell is not null && d.Location.CellKey == cell.Key;
            if ((atCell || d.Message.Contains(first, StringComparison.Ordinal)) && Quotes(d.Message, token))
            {
                return true;
            }

            if (atCell && shown is not null && Quotes(d.Message, shown))
            {
                return true;
            }
        }

        return false;
    }

    // The token as a whole number in the message (not the tail or head of a longer one).
    internal static bool Quotes(string message, string token)
    {
        for (int from = 0; ;)
        {
            int i = message.IndexOf(token, from, StringComparison.Ordinal);
            if (i < 0)
            {
                return false;
            }

            int end = i + token.Length;
            // Not part of a longer number or of a name (t3, a1): nothing before it or after it that a number or name goes on with.
            bool startsAlone = i == 0 || !(char.IsAsciiLetterOrDigit(message[i - 1]) || message[i - 1] is '.' or '-' or '_');
            bool endsAlone = end == message.Length || !(char.IsAsciiLetterOrDigit(message[end]) || message[end] is '.' or '_');
            if (startsAlone && endsAlone)
            {
                return true;
            }

            from = i + 1;
        }
    }

    /// <summary>The law over a read: a read that gave cells loses no number of its input.</summary>
    public static List<string> Lost(ReadOnlySpan<byte> utf8, ReportSchema schema, ReportJsonReadResult read) =>
        read.Cells is null ? new List<string>() : Lost(utf8, schema, read.Info, read.Cells, read.Diagnostics);

    /// <summary>The law over a draft read by some path, with that path's diagnostics.</summary>
    public static List<string> Lost(ReadOnlySpan<byte> utf8, IReportDraft draft, ImmutableArray<Diagnostic> diagnostics) =>
        Lost(utf8, draft.Edition.Schema, draft.Info, draft.Cells, diagnostics);
}
