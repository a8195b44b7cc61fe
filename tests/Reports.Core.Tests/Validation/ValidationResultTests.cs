using System.Collections.Immutable;
using Reports.Core.Diagnostics;
using Reports.Core.Validation;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>A result separates its findings into errors and warnings, and a result made without findings has none.</summary>
public sealed class ValidationResultTests
{
    [Fact]
    public void Errors_and_warnings_are_split_by_severity_keeping_their_order()
    {
        Diagnostic error = Diagnostic.Create(ReportDiagnostics.MissingCell, new DiagnosticLocation { CellKey = "a" }, "a");
        Diagnostic warning = Diagnostic.Create(ReportDiagnostics.BlankCountedAsZero, new DiagnosticLocation { CellKey = "b" }, "b");
        Diagnostic warning2 = Diagnostic.Create(ReportDiagnostics.BlankCountedAsZero, new DiagnosticLocation { CellKey = "c" }, "c");
        var result = new ValidationResult<string>(null, ImmutableArray.Create(warning, error, warning2));

        Assert.Equal(new[] { error }, result.Errors);
        Assert.Equal(new[] { warning, warning2 }, result.Warnings);
        Assert.Equal(new[] { warning, error, warning2 }, result.Diagnostics);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void A_result_made_with_a_default_array_has_no_findings()
    {
        // default(ImmutableArray) throws on use; a result given one stands for "nothing found".
        var result = new ValidationResult<string>("report", default);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.True(result.IsValid);
        Assert.Equal("report", result.Report);
    }
}
