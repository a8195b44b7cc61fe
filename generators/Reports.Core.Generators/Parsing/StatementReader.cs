using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Reports.Core.Generators.Diagnostics;
using Reports.Core.Generators.Model;

namespace Reports.Core.Generators.Parsing;

/// <summary>
/// Reads the <c>statements</c> of a schema: what the narrative says in numbers (spec §9.4, N1–N3) and the cells each
/// number must equal. Every pattern must be a regular expression with exactly one group (the number), and every cell
/// reference (a key, or a key with one <c>*</c> standing for one or more characters) must match a cell, so a renamed
/// key is a located diagnostic (RCG013) instead of a check that silently finds nothing.
/// </summary>
internal sealed class StatementReader
{
    private static readonly string[] Props = { "id", "title", "description", "patterns", "cells", "details" };
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);
    private readonly SchemaContext _ctx;
    private readonly NodeReader _reader;
    private readonly List<CellModel> _cells;

    public StatementReader(SchemaContext ctx, NodeReader reader, List<CellModel> cells)
    {
        _ctx = ctx;
        _reader = reader;
        _cells = cells;
    }

    public List<StatementModel> Statements { get; } = new();

    public void Read(JsonNode node)
    {
        if (Statement(node, "statements[]", null) is StatementModel statement)
        {
            Statements.Add(statement);
        }
    }

    private StatementModel? Statement(JsonNode node, string name, string? parent)
    {
        if (!_reader.ExpectObject(node, name))
        {
            return null;
        }

        _reader.CheckProperties(node, Props, "a statement");
        string id = _reader.OptionalString(node, "id") ?? parent ?? string.Empty;
        if (id.Length == 0)
        {
            _reader.Required(node, "id", "a statement");
        }

        string where = "statement '" + id + "'";
        string title = _reader.RequiredString(node, "title", where) ?? id;
        bool ok = id.Length > 0;

        var patterns = new List<string>();
        JsonNode? patternsNode = _reader.Required(node, "patterns", where);
        if (patternsNode is not null && _reader.ExpectArray(patternsNode, "patterns"))
        {
            foreach (JsonNode item in patternsNode.Items)
            {
                string? pattern = item.Kind == JsonKind.String ? item.Text : null;
                string? problem = pattern is null ? "must be a string" : Problem(pattern);
                if (problem is not null)
                {
                    _ctx.Report(GeneratorDiagnostics.InvalidValue, item.Span, "patterns", problem);
                    ok = false;
                    continue;
                }

                patterns.Add(pattern!);
            }

            if (patternsNode.Items.Count == 0)
            {
                _ctx.Report(GeneratorDiagnostics.InvalidValue, patternsNode.Span, "patterns", "must hold at least one pattern");
                ok = false;
            }
        }
        else
        {
            ok = false;
        }

        var ordinals = new SortedSet<int>();
        JsonNode? cellsNode = _reader.Required(node, "cells", where);
        if (cellsNode is not null && _reader.ExpectArray(cellsNode, "cells"))
        {
            foreach (JsonNode item in cellsNode.Items)
            {
                string? reference = item.Kind == JsonKind.String ? item.Text : null;
                List<int> matched = reference is null ? new List<int>() : _cells.Where(c => KeyPattern.Match(reference, c.Key) is not null).Select(c => c.Ordinal).ToList();
                if (reference is null || reference.Length == 0 || reference.Count(c => c == '*') > 1)
                {
                    _ctx.Report(GeneratorDiagnostics.InvalidValue, item.Span, "cells", "must be a cell key with at most one '*'");
                    ok = false;
                }
                else if (matched.Count == 0)
                {
                    _ctx.Report(GeneratorDiagnostics.UnknownStatementCell, item.Span, id, reference);
                    ok = false;
                }

                ordinals.UnionWith(matched);
            }

            if (cellsNode.Items.Count == 0)
            {
                _ctx.Report(GeneratorDiagnostics.InvalidValue, cellsNode.Span, "cells", "must name at least one cell");
                ok = false;
            }
        }
        else
        {
            ok = false;
        }

        var details = new List<StatementModel>();
        if (node["details"] is JsonNode detailsNode && _reader.ExpectArray(detailsNode, "details"))
        {
            foreach (JsonNode item in detailsNode.Items)
            {
                if (Statement(item, "details[]", id) is StatementModel detail)
                {
                    details.Add(detail);
                }
                else
                {
                    ok = false;
                }
            }
        }

        return ok ? new StatementModel(id, title, patterns.ToEquatableArray(), ordinals.ToEquatableArray(), details.ToEquatableArray()) : null;
    }

    /// <summary>Why <paramref name="pattern"/> is no statement pattern, or null.</summary>
    private static string? Problem(string pattern)
    {
        try
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
            int groups = regex.GetGroupNumbers().Length - 1;
            return groups == 1 ? null : "must have exactly one group (the number stated), found " + groups + " in '" + pattern + "'";
        }
        catch (ArgumentException ex)
        {
            return "must be a regular expression: " + ex.Message;
        }
    }
}
