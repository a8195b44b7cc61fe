using System;
using System.Linq;
using Reports.Core.Cells;
using Reports.Core.Editions;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Synthetic;
using Reports.Core.Validation;

namespace Reports.Core.Tests.Support;

/// <summary>
/// Reproducible random reports: part cells drawn by <see cref="SyntheticValues"/>, which balances the schema's declared
/// equations (H3) itself, so the data is consistent without the tests restating an identity.
/// </summary>
internal static class RandomReports
{
    public static ReportEdition[] Editions { get; } = ReportEditions.All.ToArray();

    public static ValidationResult<Report2021> Build2021(int seed)
    {
        var builder = new Report2021Builder { Info = new ReportInfo { Agency = "测试机关" + seed, Year = 2021 + (Math.Abs(seed) % 4) } };
        FillParts(Report2021.Schema, new Random(seed), (key, value) => builder.Set(key, value));
        return builder.Build();
    }

    public static ValidationResult<Report2019> Build2019(int seed)
    {
        var builder = new Report2019Builder { Info = new ReportInfo { Agency = "测试机关" + seed, Year = 2019 + (Math.Abs(seed) % 2) } };
        FillParts(Report2019.Schema, new Random(seed), (key, value) => builder.Set(key, value));
        return builder.Build();
    }

    /// <summary>The values of a valid report of <paramref name="edition"/> built from <paramref name="seed"/>.</summary>
    public static IValidatedReport Build(ReportEdition edition, int seed) =>
        ReferenceEquals(edition, Report2021.Edition) ? Build2021(seed).Report! : Build2019(seed).Report!;

    /// <summary>The parts of a consistent report, drawn by the library (<see cref="SyntheticValues"/>).</summary>
    public static void FillParts(ReportSchema schema, Random random, Action<string, decimal> set) => SyntheticValues.FillParts(schema, random, set);

    /// <summary>A random cell in any state, with or without raw text and a location.</summary>
    public static Cell AnyCell(Random random, CellInfo info)
    {
        var span = random.Next(3) == 0 ? new SourceSpan(random.Next(1, 500), random.Next(1, 80), random.Next(0, 10)) : default;
        switch (random.Next(6))
        {
            case 0:
                return Cell.Blank(random.Next(2) == 0 ? null : "\u3000", span);
            case 1:
                return Cell.NotApplicable(random.Next(2) == 0 ? "/" : "—", span);
            case 2:
                return Cell.Text("无法识别" + random.Next(100), span);
            case 3:
                return Cell.Missing;
            default:
                long value = info.Kind == ValueKind.Delta ? random.Next(-1000, 1000) : random.Next(0, 100_000);
                return Cell.Number(value, info.Scale, random.Next(2) == 0 ? null : Cell.FormatScaled(value, info.Scale) + " 件", span);
        }
    }

}
