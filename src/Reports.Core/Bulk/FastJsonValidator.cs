using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Reports.Core.Cells;
using Reports.Core.Infrastructure;
using Reports.Core.Json;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Validation;

namespace Reports.Core.Bulk;

/// <summary>
/// The allocation-free fast path of bulk validation: one <see cref="Utf8JsonReader"/> pass that maps property
/// names to cells byte-wise and parses numbers straight into a per-thread value array, then runs the edition's
/// generated identity code. It answers "valid, with no finding at all" or "not sure"; anything unusual (a blank,
/// text, an unknown or duplicate property, an escaped name, a broken identity, a soft-check warning, a year
/// outside the edition) is "not sure", and the caller takes the full path, which produces the findings.
/// </summary>
internal static class FastJsonValidator
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>What the fast pass learnt about a line.</summary>
    internal enum Outcome
    {
        /// <summary>Not sure: read the line in full.</summary>
        Unknown,

        /// <summary>Reads and validates without any finding.</summary>
        Clean,

        /// <summary>
        /// Reads without any finding and every cell is a plain number (held in <see cref="Values"/>), but a value is out
        /// of range, an identity or soft check fails or the year is outside the edition: validate these numbers.
        /// </summary>
        Numbers,
    }

    /// <summary>The values read by the last pass on this thread (valid until the next pass).</summary>
    public static ReadOnlySpan<long> Values(Edition edition) => t_scratch!.Values(edition.CellCount).AsSpan(0, edition.CellCount);

    /// <summary>True when <paramref name="line"/> is a report of one of <paramref name="editions"/> that reads and validates without any finding.</summary>
    public static bool TryValidate(ReadOnlySpan<byte> line, Edition[] editions, out Edition? edition) =>
        Classify(line, editions, out edition, out _) == Outcome.Clean;

    /// <summary>One pass over <paramref name="line"/>; for <see cref="Outcome.Numbers"/>, <paramref name="info"/> holds the metadata.</summary>
    public static Outcome Classify(ReadOnlySpan<byte> line, Edition[] editions, out Edition? edition, out ReportInfo? info)
    {
        edition = null;
        info = null;
        try
        {
            var reader = new Utf8JsonReader(line, ReaderOptions);
            // Stryker disable once Logical : a line that is no object never reaches the top-level end object the loop needs, and an escaped name's raw bytes hold a backslash, never equal to "edition": Unknown either way
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
                || !reader.Read() || reader.ValueIsEscaped || !reader.ValueSpan.SequenceEqual(JsonNames.EditionUtf8)
                || !reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
            {
                return Outcome.Unknown;
            }

            foreach (Edition e in editions)
            {
                if (reader.ValueSpan.SequenceEqual(e.Id))
                {
                    edition = e;
                    break;
                }
            }

            if (edition is null)
            {
                return Outcome.Unknown;
            }

            Scratch scratch = t_scratch ??= new Scratch();
            long[] values = scratch.Values(edition.CellCount);
            Span<bool> seen = scratch.Seen(edition.NodeCount);
            int cells = 0;
            bool agency = false, year = false, source = false;
            int yearValue = 0;
            bool hasYear = false, problem = false;
            int agencyAt = -1, agencyLength = 0, sourceAt = -1, sourceLength = 0;
            int hint = 0;
            while (true)
            {
                // Stryker disable once Block : the whole line is the reader's final block, so a line cut short makes Read throw (caught below), never return false
                if (!reader.Read())
                {
                    return Outcome.Unknown;
                }

                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                // Stryker disable once Block : an escaped name's raw bytes hold a backslash: no member name of the layout, nor agency, source or year, equals them, so Unknown either way
                if (reader.ValueIsEscaped)
                {
                    return Outcome.Unknown;
                }

                Node? node = edition.Root.Find(reader.ValueSpan, ref hint);
                if (node is null)
                {
                    ReadOnlySpan<byte> name = reader.ValueSpan;
                    bool isAgency = name.SequenceEqual(JsonNames.AgencyUtf8), isSource = !isAgency && name.SequenceEqual(JsonNames.SourceUtf8);
                    if (isAgency || isSource)
                    {
                        ref bool flag = ref isAgency ? ref agency : ref source;
                        if (flag || !reader.Read() || (reader.TokenType != JsonTokenType.String && reader.TokenType != JsonTokenType.Null)
                            || (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped))
                        {
                            return Outcome.Unknown;
                        }

                        flag = true;
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            // The value's bytes follow the opening quote; decoded only when the line needs validating.
                            if (isAgency)
                            {
                                (agencyAt, agencyLength) = ((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                            }
                            else
                            {
                                (sourceAt, sourceLength) = ((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                            }
                        }

                        continue;
                    }

                    if (name.SequenceEqual(JsonNames.YearUtf8))
                    {
                        // Stryker disable once Block : a second year leaves the reader on its name (Read is not called), which then matches no member: Unknown either way; Read never returns false here
                        if (year || !reader.Read())
                        {
                            return Outcome.Unknown;
                        }

                        year = true;
                        if (reader.TokenType == JsonTokenType.Number)
                        {
                            if (!reader.TryGetInt32(out yearValue))
                            {
                                return Outcome.Unknown;
                            }

                            hasYear = true;
                            problem |= !edition.Schema.AppliesTo(yearValue);
                        }
                        else if (reader.TokenType != JsonTokenType.Null)
                        {
                            return Outcome.Unknown;
                        }

                        continue;
                    }

                    return Outcome.Unknown; // "edition" again, or a property the edition does not have
                }

                if (!reader.Read() || !ReadValue(ref reader, edition, node, seen, values, ref cells, ref problem))
                {
                    return Outcome.Unknown;
                }
            }

            if (reader.Read() || cells != edition.CellCount)
            {
                return Outcome.Unknown;
            }

            if (!problem)
            {
                IdentityFindings findings = scratch.Findings;
                findings.Clear();
                edition.Report.EvaluateIdentities(values.AsSpan(0, edition.CellCount), findings);
                if (findings.Count == 0)
                {
                    return Outcome.Clean;
                }
            }

            info = new ReportInfo
            {
                Agency = agencyAt < 0 ? null : Encoding.UTF8.GetString(line.Slice(agencyAt, agencyLength)),
                Year = hasYear ? yearValue : null,
                Source = sourceAt < 0 ? null : Encoding.UTF8.GetString(line.Slice(sourceAt, sourceLength)),
            };
            return Outcome.Numbers;
        }
        catch (JsonException)
        {
            return Outcome.Unknown;
        }
    }

    private static bool ReadValue(ref Utf8JsonReader reader, Edition edition, Node node, Span<bool> seen, long[] values, ref int cells, ref bool outOfRange)
    {
        if (seen[node.Index])
        {
            // Stryker disable once Boolean : the value of a cell written twice is then taken for a member name, which matches none: Unknown either way
            return false;
        }

        seen[node.Index] = true;
        int ordinal = node.Ordinal;
        if (ordinal >= 0)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                // Stryker disable once Boolean : the value is neither read nor counted, so the line has fewer cells than its edition and is Unknown either way
                return false;
            }

            long value;
            byte scale = edition.Scales[ordinal];
            if (scale == 0)
            {
                if (!TryParseWhole(reader.ValueSpan, out value))
                {
                    // Stryker disable once Boolean : the value is neither read nor counted, so the line has fewer cells than its edition and is Unknown either way
                    return false;
                }
            }
            else if (!JsonNumber.TryParseScaled(reader.ValueSpan, scale, out value))
            {
                // Stryker disable once Boolean : the value is neither read nor counted, so the line has fewer cells than its edition and is Unknown either way
                return false;
            }

            outOfRange |= value < edition.Min[ordinal] || value > edition.Max[ordinal];

            values[ordinal] = value;
            cells++;
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            // Stryker disable once Boolean : the object's cells are then neither read nor counted, so the line has fewer cells than its edition and is Unknown either way
            return false;
        }

        int hint = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return true;
            }

            if (reader.ValueIsEscaped)
            {
                // Stryker disable once Boolean : the escaped member's cell is then not counted, so the line has fewer cells than its edition and is Unknown either way
                return false;
            }

            Node? child = node.Find(reader.ValueSpan, ref hint);
            if (child is null || !reader.Read() || !ReadValue(ref reader, edition, child, seen, values, ref cells, ref outOfRange))
            {
                // Stryker disable once Boolean : the member not read is then passed over uncounted and its value taken for a name that matches none: Unknown either way
                return false;
            }
        }

        // Stryker disable once Boolean : unreachable: the reader throws on a line cut short rather than running out inside an object
        return false;
    }

    // A JSON number token the reader has already validated: plain digits with an optional minus sign and at most
    // 18 digits parse here; anything else (fraction, exponent, longer) is left to the full path.
    private static bool TryParseWhole(ReadOnlySpan<byte> token, out long value)
    {
        value = 0;
        int i = 0;
        // Stryker disable once Equality : the reader never hands over an empty number token
        bool negative = token.Length > 0 && token[0] == (byte)'-';
        if (negative)
        {
            i = 1;
        }

        // Stryker disable once Arithmetic : differs only for a negative number of 17 or 18 digits, out of every cell's range: the line goes to the full path instead of the numbers path, and both give the full reader's findings
        if (token.Length - i is 0 or > 18)
        {
            return false;
        }

        long v = 0;
        for (; i < token.Length; i++)
        {
            uint digit = (uint)(token[i] - (byte)'0');
            if (digit > 9)
            {
                return false;
            }

            v = (v * 10) + digit;
        }

        value = negative ? -v : v;
        return true;
    }

    /// <summary>An edition's JSON shape as UTF-8 names, with per-cell ranges and scales.</summary>
    internal sealed class Edition
    {
        public Edition(ReportEdition report)
        {
            Report = report;
            Schema = report.Schema;
            Id = Encoding.UTF8.GetBytes(Schema.Edition);
            CellCount = Schema.CellCount;
            Min = new long[CellCount];
            Max = new long[CellCount];
            Scales = new byte[CellCount];
            foreach (CellInfo cell in Schema.Cells)
            {
                Min[cell.Ordinal] = cell.MinValue;
                Max[cell.Ordinal] = cell.MaxValue;
                Scales[cell.Ordinal] = cell.Scale;
            }

            int index = 0;
            Root = Node.From(JsonLayout.For(Schema).Root, ref index);
            NodeCount = index;
        }

        public ReportEdition Report { get; }

        public ReportSchema Schema { get; }

        public byte[] Id { get; }

        public int CellCount { get; }

        public int NodeCount { get; }

        public long[] Min { get; }

        public long[] Max { get; }

        public byte[] Scales { get; }

        public Node Root { get; }
    }

    /// <summary>One property of the layout: a cell (ordinal ≥ 0) or an object of properties.</summary>
    internal sealed class Node
    {
        private Node(byte[] name, int ordinal, int index)
        {
            Name = name;
            Ordinal = ordinal;
            Index = index;
        }

        public byte[] Name { get; }

        public int Ordinal { get; }

        public int Index { get; }

        public Node[] Children { get; private set; } = Array.Empty<Node>();

        // The layout's tree with its generated UTF-8 names, as arrays searched in schema order.
        public static Node From(JsonLayout.Node layout, ref int index)
        {
            var node = new Node(layout.Utf8, layout.Ordinal, index++);
            var children = new List<Node>(layout.Children.Count);
            foreach (JsonLayout.Node child in layout.Children.Values)
            {
                children.Add(From(child, ref index));
            }

            node.Children = children.ToArray();
            return node;
        }

        /// <summary>The child named <paramref name="name"/>; tries the one after the last match first (JSON written in layout order).</summary>
        public Node? Find(ReadOnlySpan<byte> name, ref int hint)
        {
            Node[] children = Children;
            if (hint < children.Length && name.SequenceEqual(children[hint].Name))
            {
                return children[hint++];
            }

            for (int i = 0; i < children.Length; i++)
            {
                if (name.SequenceEqual(children[i].Name))
                {
                    // Stryker disable once Arithmetic : the hint is only tried first; a wrong one falls through to the scan, which finds the same child
                    hint = i + 1;
                    return children[i];
                }
            }

            return null;
        }
    }

    private sealed class Scratch
    {
        private long[] _values = new long[256];
        private bool[] _seen = new bool[512];

        public IdentityFindings Findings { get; } = new();

        public long[] Values(int count) => _values.Length >= count ? _values : _values = new long[count];

        public Span<bool> Seen(int count)
        {
            if (_seen.Length < count)
            {
                _seen = new bool[count];
            }

            Span<bool> seen = _seen.AsSpan(0, count);
            seen.Clear();
            return seen;
        }
    }
}
