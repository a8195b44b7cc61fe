using System;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Reports.Core.Tests.Support;

/// <summary>
/// Shared FsCheck settings: 1,000 cases; on failure FsCheck throws with the seed and the shrunk input so the case replays.
/// <c>REPORTS_PROPERTY_SCALE</c> (a fraction, e.g. <c>0.1</c>) scales every property's number of cases down: the mutation
/// runs (docs/testing.md) set it, since Stryker runs the covering properties once per mutant. Fewer cases can only
/// kill fewer mutants, so a score measured with it is a lower bound of the score with the full counts.
/// </summary>
internal static class PropertyConfig
{
    private static readonly double Scale = ReadScale();

    public static Config Default { get; } = Cases(1000);

    public static Arbitrary<int> Seeds { get; } = Gen.Choose(int.MinValue / 2, int.MaxValue / 2).ToArbitrary();

    /// <summary>FsCheck's throwing configuration with <paramref name="count"/> cases, scaled (at least 10 remain).</summary>
    public static Config Cases(int count) => Config.QuickThrowOnFailure.WithMaxTest(Scaled(count));

    private static int Scaled(int count) => Scale >= 1 ? count : Math.Max(Math.Min(count, 10), (int)Math.Ceiling(count * Scale));

    private static double ReadScale() =>
        double.TryParse(Environment.GetEnvironmentVariable("REPORTS_PROPERTY_SCALE"), NumberStyles.Float, CultureInfo.InvariantCulture, out double scale)
        && scale > 0 ? scale : 1;
}
