using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Reports.Core.Generators.Diagnostics;

namespace Reports.Core.Generators.Model;

/// <summary>A diagnostic as plain data (descriptor id, location parts, message arguments) so it can be cached.</summary>
internal sealed record DiagnosticInfo(
    string DescriptorId,
    string FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan,
    EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic()
    {
        DiagnosticDescriptor descriptor = GeneratorDiagnostics.ById(DescriptorId);
        Location location = Location.Create(FilePath, Span, LineSpan);
        object[] args = new object[Arguments.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(descriptor, location, args);
    }
}

/// <summary>The result of parsing one schema file: a model (when usable), its diagnostics, and its registry entry (with the model).</summary>
internal sealed record SchemaParseResult(EditionModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, EditionEntry? Entry = null);
