using FsCheck;
using FsCheck.Fluent;

namespace Reports.Core.Tests.Support;

/// <summary>Shared FsCheck settings: 1,000 cases; on failure FsCheck throws with the seed and the shrunk input so the case replays.</summary>
internal static class PropertyConfig
{
    public static Config Default { get; } = Config.QuickThrowOnFailure.WithMaxTest(1000);

    public static Arbitrary<int> Seeds { get; } = Gen.Choose(int.MinValue / 2, int.MaxValue / 2).ToArbitrary();
}
