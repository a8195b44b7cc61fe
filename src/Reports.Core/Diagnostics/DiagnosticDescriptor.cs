using System;
using System.Globalization;

namespace Reports.Core.Diagnostics;

/// <summary>The fixed description of a kind of finding: a stable id, a title and a message format.</summary>
public sealed class DiagnosticDescriptor : IEquatable<DiagnosticDescriptor>
{
    /// <summary>Creates a descriptor.</summary>
    public DiagnosticDescriptor(string id, string title, string messageFormat, string category, DiagnosticSeverity defaultSeverity)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
    }

    /// <summary>Stable id, e.g. <c>RC1001</c>. Documented in docs/diagnostics.md.</summary>
    public string Id { get; }

    /// <summary>Short title.</summary>
    public string Title { get; }

    /// <summary>Composite format string for the message.</summary>
    public string MessageFormat { get; }

    /// <summary>Validation, Json, Import, CrossReport, …</summary>
    public string Category { get; }

    /// <summary>Severity unless the finding says otherwise.</summary>
    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>Where the id is documented.</summary>
    public string HelpLink => "docs/diagnostics.md#" + Id.ToLowerInvariant();

    internal string Format(object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, args);

    /// <inheritdoc />
    public bool Equals(DiagnosticDescriptor? other) => other is not null && other.Id == Id;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DiagnosticDescriptor);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <inheritdoc />
    public override string ToString() => Id + ": " + Title;
}
