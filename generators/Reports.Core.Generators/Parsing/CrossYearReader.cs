using System.Collections.Generic;
using System.Linq;
using Reports.Core.Generators.Diagnostics;
using Reports.Core.Generators.Model;

namespace Reports.Core.Generators.Parsing;

/// <summary>
/// Reads the <c>crossYear</c> identities of a schema and checks every key pattern against the schema's own cells, so a
/// renamed key is a located diagnostic (RCG011) instead of a check that silently matches nothing. Terms of the previous
/// year are checked against this schema too: a rule is written for a report of this edition that follows one of the
/// same layout; across an edition change it applies to the cells both schemas have.
/// </summary>
internal sealed class CrossYearReader
{
    private static readonly string[] Props = { "id", "title", "description", "severity", "cell", "equals" };
    private static readonly string[] TermProps = { "previous", "current", "sign" };
    private readonly SchemaContext _ctx;
    private readonly NodeReader _reader;
    private readonly HashSet<string> _keys;
    private readonly HashSet<string> _ids = new();

    public CrossYearReader(SchemaContext ctx, NodeReader reader, IEnumerable<CellModel> cells)
    {
        _ctx = ctx;
        _reader = reader;
        _keys = new HashSet<string>(cells.Select(c => c.Key));
    }

    public List<CrossYearModel> Links { get; } = new();

    public void Read(JsonNode node)
    {
        if (!_reader.ExpectObject(node, "crossYear[]"))
        {
            return;
        }

        _reader.CheckProperties(node, Props, "a cross-year identity");
        string id = _reader.RequiredString(node, "id", "a cross-year identity") ?? "?";
        string where = "cross-year identity '" + id + "'";
        string title = _reader.RequiredString(node, "title", where) ?? id;
        if (node["id"] is JsonNode idNode && !_ids.Add(id))
        {
            _ctx.Report(GeneratorDiagnostics.DuplicateKey, idNode.Span, "cross-year identity id", id, string.Empty);
        }

        bool isError = true;
        if (node["severity"] is JsonNode severityNode)
        {
            string? severity = _reader.OptionalString(node, "severity");
            if (severity != "error" && severity != "warning")
            {
                _ctx.Report(GeneratorDiagnostics.InvalidValue, severityNode.Span, "severity", "must be 'error' or 'warning'");
                return;
            }

            isError = severity == "error";
        }

        string? left = _reader.RequiredString(node, "cell", where);
        JsonNode? equals = _reader.Required(node, "equals", where);
        if (left is null || equals is null || !_reader.ExpectArray(equals, "equals"))
        {
            return;
        }

        if (!IsPattern(left, node["cell"]!))
        {
            return;
        }

        List<string> bindings = _keys.Select(k => KeyPattern.Match(left, k)).Where(b => b is not null).Select(b => b!).ToList();
        if (bindings.Count == 0)
        {
            _ctx.Report(GeneratorDiagnostics.UnknownCrossYearKey, node["cell"]!.Span, id, left);
            return;
        }

        var terms = new List<CrossYearTermModel>();
        foreach (JsonNode termNode in equals.Items)
        {
            if (ReadTerm(id, left, bindings, termNode) is CrossYearTermModel term)
            {
                terms.Add(term);
            }
        }

        if (equals.Items.Count == 0)
        {
            _ctx.Report(GeneratorDiagnostics.InvalidValue, equals.Span, "equals", "must name at least one cell");
        }
        else if (terms.Count == equals.Items.Count)
        {
            Links.Add(new CrossYearModel(id, title, isError, left, terms.ToEquatableArray()));
        }
    }

    private CrossYearTermModel? ReadTerm(string id, string left, List<string> bindings, JsonNode node)
    {
        if (!_reader.ExpectObject(node, "equals[]"))
        {
            return null;
        }

        _reader.CheckProperties(node, TermProps, "a cross-year term");
        JsonNode? previous = node["previous"];
        JsonNode? current = node["current"];
        if ((previous is null) == (current is null))
        {
            _ctx.Report(GeneratorDiagnostics.InvalidValue, node.Span, "equals[]", "must have exactly one of 'previous' and 'current'");
            return null;
        }

        JsonNode keyNode = previous ?? current!;
        string? pattern = _reader.OptionalString(node, previous is null ? "current" : "previous");
        if (pattern is null || !IsPattern(pattern, keyNode))
        {
            return null;
        }

        if (left.IndexOf('*') < 0 && pattern.IndexOf('*') >= 0)
        {
            _ctx.Report(GeneratorDiagnostics.InvalidValue, keyNode.Span, pattern, "has a '*' that the checked cell '" + left + "' does not bind");
            return null;
        }

        if (!bindings.Any(b => _keys.Contains(pattern.Replace("*", b))))
        {
            _ctx.Report(GeneratorDiagnostics.UnknownCrossYearKey, keyNode.Span, id, pattern);
            return null;
        }

        bool negative = false;
        if (node["sign"] is JsonNode signNode)
        {
            string? sign = _reader.OptionalString(node, "sign");
            if (sign != "+" && sign != "-")
            {
                _ctx.Report(GeneratorDiagnostics.InvalidValue, signNode.Span, "sign", "must be '+' or '-'");
                return null;
            }

            negative = sign == "-";
        }

        return new CrossYearTermModel(previous is not null, pattern, negative);
    }

    private bool IsPattern(string pattern, JsonNode node)
    {
        int star = pattern.IndexOf('*');
        if (pattern.Length == 0 || (star >= 0 && pattern.IndexOf('*', star + 1) >= 0))
        {
            _ctx.Report(GeneratorDiagnostics.InvalidValue, node.Span, pattern, "must be a cell key with at most one '*'");
            return false;
        }

        return true;
    }
}
