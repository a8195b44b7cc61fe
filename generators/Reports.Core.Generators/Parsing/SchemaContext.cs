using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Reports.Core.Generators.Model;

namespace Reports.Core.Generators.Parsing;

/// <summary>Shared state while one schema file is read: its text (for line positions) and the diagnostics so far.</summary>
internal sealed class SchemaContext
{
    private readonly SourceText _text;
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public SchemaContext(string path, SourceText text)
    {
        Path = path;
        _text = text;
    }

    public string Path { get; }

    public bool HasErrors { get; private set; }

    public EquatableArray<DiagnosticInfo> Diagnostics => _diagnostics.ToEquatableArray();

    public LinePositionSpan LineSpan(TextSpan span) => _text.Lines.GetLinePositionSpan(span);

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params string[] args)
    {
        HasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, Path, span, _text.Lines.GetLinePositionSpan(span), args.ToEquatableArray()));
    }
}
