using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Reports.Core.Cells;
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

    /// <summary>True when <paramref name="line"/> is a report of one of <paramref name="editions"/> that reads and validates without any finding.</summary>
    public static bool TryValidate(ReadOnlySpan<byte> line, Edition[] editions, out Edition? edition)
    {
        edition = null;
        try
        {
            var reader = new Utf8JsonReader(line, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
                || !reader.Read() || reader.ValueIsEscaped || !reader.ValueSpan.SequenceEqual("edition"u8)
                || !reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
            {
                return false;
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
                return false;
            }

            Scratch scratch = t_scratch ??= new Scratch();
            long[] values = scratch.Values(edition.CellCount);
            Span<bool> seen = scratch.Seen(edition.NodeCount);
            int cells = 0;
            bool agency = false, year = false, source = false;
            int yearValue = 0;
            int hint = 0;
            while (true)
            {
                if (!reader.Read())
                {
                    return false;
                }

                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                if (reader.ValueIsEscaped)
                {
                    return false;
                }

                Node? node = edition.Root.Find(reader.ValueSpan, ref hint);
                if (node is null)
                {
                    ReadOnlySpan<byte> name = reader.ValueSpan;
                    bool isAgency = name.SequenceEqual("agency"u8), isSource = !isAgency && name.SequenceEqual("source"u8);
                    if (isAgency || isSource)
                    {
                        ref bool flag = ref isAgency ? ref agency : ref source;
                        if (flag || !reader.Read() || (reader.TokenType != JsonTokenType.String && reader.TokenType != JsonTokenType.Null))
                        {
                            return false;
                        }

                        flag = true;
                        continue;
                    }

                    if (name.SequenceEqual("year"u8))
                    {
                        if (year || !reader.Read())
                        {
                            return false;
                        }

                        year = true;
                        if (reader.TokenType == JsonTokenType.Number ? !reader.TryGetInt32(out yearValue) || !edition.Schema.AppliesTo(yearValue) : reader.TokenType != JsonTokenType.Null)
                        {
                            return false;
                        }

                        continue;
                    }

                    return false; // "edition" again, or a property the edition does not have
                }

                if (!reader.Read() || !ReadValue(ref reader, edition, node, seen, values, ref cells))
                {
                    return false;
                }
            }

            if (reader.Read() || cells != edition.CellCount)
            {
                return false;
            }

            IdentityFindings findings = scratch.Findings;
            findings.Clear();
            edition.Report.EvaluateIdentities(values.AsSpan(0, edition.CellCount), findings);
            return findings.Count == 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool ReadValue(ref Utf8JsonReader reader, Edition edition, Node node, Span<bool> seen, long[] values, ref int cells)
    {
        if (seen[node.Index])
        {
            return false;
        }

        seen[node.Index] = true;
        int ordinal = node.Ordinal;
        if (ordinal >= 0)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                return false;
            }

            long value;
            byte scale = edition.Scales[ordinal];
            if (scale == 0)
            {
                if (!reader.TryGetInt64(out value))
                {
                    return false;
                }
            }
            else if (!reader.TryGetDecimal(out decimal amount) || !Money.TryToScaled(amount, scale, out value))
            {
                return false;
            }

            if (value < edition.Min[ordinal] || value > edition.Max[ordinal])
            {
                return false;
            }

            values[ordinal] = value;
            cells++;
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
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
                return false;
            }

            Node? child = node.Find(reader.ValueSpan, ref hint);
            if (child is null || !reader.Read() || !ReadValue(ref reader, edition, child, seen, values, ref cells))
            {
                return false;
            }
        }

        return false;
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
            Root = Node.From(JsonLayout.For(Schema).Root, null, ref index);
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

        public static Node From(JsonLayout.Node layout, string? name, ref int index)
        {
            var node = new Node(name is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(name), layout.Ordinal, index++);
            var children = new List<Node>(layout.Children.Count);
            foreach (KeyValuePair<string, JsonLayout.Node> child in layout.Children)
            {
                children.Add(From(child.Value, child.Key, ref index));
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
