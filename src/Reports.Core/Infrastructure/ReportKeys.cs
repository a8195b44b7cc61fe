using System.Collections.Generic;
using System.ComponentModel;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Validation;

namespace Reports.Core.Infrastructure;

/// <summary>Key lookups shared by the generated types.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ReportKeys
{
    /// <summary>The ordinal of the cell with <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">The schema has no such cell.</exception>
    public static int Ordinal(ReportSchema schema, string key) => schema.TryGetCell(key, out CellInfo cell)
        ? cell.Ordinal
        : throw new KeyNotFoundException("The schema " + schema.TypeName + " has no cell '" + key + "'.");
}
