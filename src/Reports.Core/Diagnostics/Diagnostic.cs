using System;
using System.Collections.Immutable;

namespace Reports.Core.Diagnostics;

/// <summary>
/// One finding, as data: the descriptor (stable id), severity, message, location and — for identity
/// findings — the identity, the cells involved, the reported and the computed value.
/// </summary>
public sealed class Diagnostic : IEquatable<Diagnostic>
{
    private string? _message;
    private readonly Func<string>? _messageFactory;

    private Diagnostic(
        DiagnosticDescriptor descriptor,
        DiagnosticSeverity severity,
        DiagnosticLocation location,
        string? message,
        string? identity,
        ImmutableArray<string> cellKeys,
        string? reported,
        string? computed,
        Func<string>? messageFactory = null,
        SuggestedFix? fix = null)
    {
        Descriptor = descriptor;
        Severity = severity;
        Location = location;
        _message = message;
        _messageFactory = messageFactory;
        Identity = identity;
        CellKeys = cellKeys.IsDefault ? ImmutableArray<string>.Empty : cellKeys;
        Reported = reported;
        Computed = computed;
        Fix = fix;
    }

    /// <summary>What kind of finding this is.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>Stable id, same as <c>Descriptor.Id</c>.</summary>
    public string Id => Descriptor.Id;

    /// <summary>Severity of this finding.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>Where it is.</summary>
    public DiagnosticLocation Location { get; }

    /// <summary>Full message, naming the official labels involved (built when first read: bulk runs that only count findings never pay for text).</summary>
    public string Message => _message ??= _messageFactory!();

    /// <summary>Identity instance name (<c>H3[tot]</c>) for identity findings.</summary>
    public string? Identity { get; }

    /// <summary>Keys of the cells involved.</summary>
    public ImmutableArray<string> CellKeys { get; }

    /// <summary>The value as published (for identity findings: the left side).</summary>
    public string? Reported { get; }

    /// <summary>The value computed from the other cells.</summary>
    public string? Computed { get; }

    /// <summary>The repair the finding proposes, if any (error localization, RC1015).</summary>
    public SuggestedFix? Fix { get; }

    /// <summary>True for errors.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Creates a finding from a descriptor and message arguments.</summary>
    public static Diagnostic Create(
        DiagnosticDescriptor descriptor,
        DiagnosticLocation? location,
        params object?[] messageArgs) =>
        new(descriptor, descriptor.DefaultSeverity, location ?? DiagnosticLocation.None, null, null, default, null, null, () => descriptor.Format(messageArgs));

    /// <summary>Creates a finding with every field given.</summary>
    public static Diagnostic Create(
        DiagnosticDescriptor descriptor,
        DiagnosticSeverity severity,
        DiagnosticLocation? location,
        string? identity,
        ImmutableArray<string> cellKeys,
        string? reported,
        string? computed,
        params object?[] messageArgs) =>
        new(descriptor, severity, location ?? DiagnosticLocation.None, null, identity, cellKeys, reported, computed, () => descriptor.Format(messageArgs));

    /// <summary>Creates a finding whose message is formatted from <paramref name="messageArgs"/> only when it is first read.</summary>
    public static Diagnostic CreateDeferred(
        DiagnosticDescriptor descriptor,
        DiagnosticSeverity severity,
        DiagnosticLocation? location,
        string? identity,
        ImmutableArray<string> cellKeys,
        string? reported,
        string? computed,
        Func<object?[]> messageArgs)
    {
        if (messageArgs is null)
        {
            throw new ArgumentNullException(nameof(messageArgs));
        }

        return new(descriptor, severity, location ?? DiagnosticLocation.None, null, identity, cellKeys, reported, computed, () => descriptor.Format(messageArgs()));
    }

    /// <summary>Returns the finding attributed to <paramref name="source"/> (a file name).</summary>
    public Diagnostic WithSource(string? source) =>
        new(Descriptor, Severity, Location.WithSource(source), _message, Identity, CellKeys, Reported, Computed, _messageFactory, Fix);

    /// <summary>Returns the finding with another location.</summary>
    public Diagnostic WithLocation(DiagnosticLocation location) =>
        new(Descriptor, Severity, location, _message, Identity, CellKeys, Reported, Computed, _messageFactory, Fix);

    /// <summary>Returns the finding proposing <paramref name="fix"/>.</summary>
    public Diagnostic WithFix(SuggestedFix? fix) =>
        new(Descriptor, Severity, Location, _message, Identity, CellKeys, Reported, Computed, _messageFactory, fix);

    /// <inheritdoc />
    public bool Equals(Diagnostic? other) =>
        other is not null
        && other.Id == Id
        && other.Severity == Severity
        && other.Message == Message
        && other.Location == Location
        && other.Identity == Identity
        && other.Reported == Reported
        && other.Computed == Computed;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Diagnostic);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Message, Location);

    /// <summary>Roslyn-style text: <c>location: error RC1001: message</c>.</summary>
    public override string ToString()
    {
        DiagnosticLocation shown = Location.Label is not null && Message.Contains(Location.Label) ? Location with { Label = null } : Location;
        string where = shown.ToString();
        string severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return (where.Length == 0 ? string.Empty : where + ": ") + severity + " " + Id + ": " + Message;
    }
}
