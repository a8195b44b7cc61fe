using System.Collections.Generic;

namespace Reports.Core.Generators.Emit;

/// <summary>
/// The member names the emitter itself puts on the report, draft, builder and view types (and those every type has), in
/// one list: a table, row or column whose C# name is one of them would not compile, so the parser rejects it (RCG012).
/// A test compiles the generated code and checks that this list is exactly what the types declare.
/// </summary>
internal static class GeneratedMembers
{
    public static readonly HashSet<string> Names = new()
    {
        // Validated report, draft and builder.
        "Edition", "Schema", "Info", "Cells", "Empty", "Item", "GetValues", "Validate", "TryCreate", "IsValid", "FromJson", "ToJson",
        "ToDraft", "FromChecked", "Set", "Build", "EditionImpl",

        // Fields of the generated types and views.
        "_values", "_info", "_cells", "_s", "_o",

        // Records and System.Object.
        "Equals", "GetHashCode", "ToString", "GetType", "EqualityContract", "PrintMembers", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };
}
