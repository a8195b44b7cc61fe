using System;
using Microsoft.CodeAnalysis;

namespace Reports.Core.Generators.Diagnostics;

/// <summary>Every diagnostic the generator reports about a schema file. Ids are stable and documented in docs/diagnostics.md.</summary>
internal static class GeneratorDiagnostics
{
    private const string Category = "Reports.Core.Schema";

    public static readonly DiagnosticDescriptor InvalidJson = Error("RCG001", "Schema file is not valid JSON", "The schema file is not valid JSON: {0}");

    public static readonly DiagnosticDescriptor DuplicateKey = Error("RCG002", "Duplicate key", "Duplicate {0} '{1}'{2}");

    public static readonly DiagnosticDescriptor MissingProperty = Error("RCG003", "Required property missing", "'{0}' is required in {1}");

    public static readonly DiagnosticDescriptor InvalidValue = Error("RCG004", "Invalid value", "'{0}' {1}");

    public static readonly DiagnosticDescriptor UnknownReference = Error("RCG005", "Identity refers to a missing cell", "Identity {0} refers to '{1}', which is not {2} of table '{3}'");

    public static readonly DiagnosticDescriptor MixedUnits = Error("RCG006", "Identity mixes units", "Identity {0} mixes {1} and {2}");

    public static readonly DiagnosticDescriptor UnknownProperty = new(
        "RCG007", "Unknown property", "Unknown property '{0}' in {1} is ignored", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor CyclicIdentities = Error("RCG008", "Summations form a cycle", "The summations form a cycle through cell '{0}'; no total can be derived");

    public static readonly DiagnosticDescriptor IdentityNeverApplies = new(
        "RCG009", "Identity applies nowhere", "Identity {0} applies to no row or column of table '{1}'", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnexpectedFailure = Error("RCG010", "Generator failure", "The schema could not be processed: {0}");

    public static readonly DiagnosticDescriptor UnknownCrossYearKey = Error(
        "RCG011", "Cross-year identity refers to a missing cell", "Cross-year identity {0} refers to '{1}', which matches no cell of this schema");

    public static readonly DiagnosticDescriptor ReservedName = Error(
        "RCG012", "Name collides with a generated member",
        "The C# name of {0} is '{1}' (from {2}), which the generated types already use; give it another \"name\"");

    public static readonly DiagnosticDescriptor UnknownStatementCell = Error(
        "RCG013", "Narrative statement refers to a missing cell", "Statement {0} refers to '{1}', which matches no cell of this schema");

    public static readonly DiagnosticDescriptor DuplicateEdition = Error(
        "RCG014", "Two schemas declare the same edition", "Edition '{0}' is also declared by {1} ({2}); the edition registry looks editions up by id, so each needs its own");

    private static readonly DiagnosticDescriptor[] All =
    {
        InvalidJson, DuplicateKey, MissingProperty, InvalidValue, UnknownReference, MixedUnits, UnknownProperty, CyclicIdentities, IdentityNeverApplies, UnexpectedFailure,
        UnknownCrossYearKey, ReservedName, UnknownStatementCell, DuplicateEdition,
    };

    public static DiagnosticDescriptor ById(string id)
    {
        foreach (DiagnosticDescriptor descriptor in All)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown generator diagnostic id.");
    }

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
