using System.ComponentModel;
using System.Linq;
using System.Reflection;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>What only generated code calls is in Reports.Core.Infrastructure or marked, and hidden from IntelliSense.</summary>
public sealed class LayeringTests
{
    private static readonly Assembly Core = typeof(ReportEdition).Assembly;

    [Fact]
    public void Every_public_infrastructure_type_is_hidden_from_intellisense()
    {
        var types = Core.GetExportedTypes().Where(t => t.Namespace == "Reports.Core.Infrastructure").ToList();
        Assert.Equal(
            new[] { "IdentityFinding", "IdentityFindings", "ReportBuilderValues", "ReportKeys", "ReportValidator" },
            types.Select(t => t.Name).OrderBy(n => n, System.StringComparer.Ordinal));
        Assert.All(types, t => Assert.True(Hidden(t), t.FullName + " is not [EditorBrowsable(Never)]"));
    }

    [Fact]
    public void Constructors_and_members_that_generated_code_calls_are_hidden()
    {
        foreach (System.Type type in new[] { typeof(ReportSchema), typeof(CellInfo), typeof(IdentityInfo), typeof(TableInfo), typeof(RowInfo), typeof(ColumnInfo), typeof(StatementInfo) })
        {
            Assert.All(type.GetConstructors(), c => Assert.True(Hidden(c), type.Name + "'s constructor is not hidden"));
        }

        foreach (string name in new[] { nameof(ReportEdition.HoldsAll), nameof(ReportEdition.EvaluateIdentities), "CreateValidated" })
        {
            MemberInfo member = typeof(ReportEdition).GetMember(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Single();
            Assert.True(Hidden(member), "ReportEdition." + name + " is not hidden");
        }

        // What users call stays visible.
        Assert.False(Hidden(typeof(ReportEdition).GetMethod(nameof(ReportEdition.Validate))!));
        Assert.False(Hidden(typeof(ReportSchema)));
    }

    private static bool Hidden(MemberInfo member) =>
        member.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never;
}
