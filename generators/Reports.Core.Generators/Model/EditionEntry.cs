using Microsoft.CodeAnalysis.Text;

namespace Reports.Core.Generators.Model;

/// <summary>
/// What the edition registry needs of one schema that generates code: its type, its edition id and where the id is
/// written (for a duplicate id across the compilation's schemas). Small on purpose: an edit of a schema's tables
/// leaves its entry, and so the registry, unchanged.
/// </summary>
internal sealed record EditionEntry(
    string Namespace,
    string TypeName,
    string Edition,
    string FilePath,
    TextSpan EditionSpan,
    LinePositionSpan EditionLineSpan)
{
    /// <summary>The fully qualified name of the validated report type.</summary>
    public string QualifiedTypeName => "global::" + Namespace + "." + TypeName;
}
