using System.Runtime.CompilerServices;
using Reports.Core.Validation;

namespace Reports.Core.Tests.Support;

/// <summary>
/// Switches that keep the library's caches from hiding mutants. Stryker.NET runs many mutants in one test host: a
/// value cached while one mutant (or none) was active would be reused under the next, so the mutated code never ran.
/// Every test of this assembly therefore builds identity labels afresh; <c>IdentityMessageTests</c> checks that the
/// cached path gives the same messages.
/// </summary>
internal static class MutationTestingSwitches
{
    [ModuleInitializer]
    internal static void TurnOffCaches() => IdentityMessages.CacheLabels = false;
}
