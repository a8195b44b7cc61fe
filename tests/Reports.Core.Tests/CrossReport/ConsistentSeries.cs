using System;
using System.Collections.Generic;
using System.Linq;
using Reports.Core.Editions;
using Reports.Core.Infrastructure;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Tests.Support;

namespace Reports.Core.Tests.CrossReport;

/// <summary>
/// Random series of one agency's valid reports, consistent across years by construction: each year's Table 3
/// starts from last year's 结转下年度 (the flow model of <see cref="RandomReports"/> with a given carry-in), each
/// year's 现行有效件数 is last year's plus 本年制发 minus 本年废止, and each 2019-edition year's 上一年项目数量 is last
/// year's plus last year's 本年增/减. The edition follows the year (2019 edition up to 2020, 2021 edition after).
/// </summary>
internal static class ConsistentSeries
{
    public static ReportEdition EditionFor(int year) => year <= 2020 ? Report2019.Edition : Report2021.Edition;

    public static List<IValidatedReport> Build(int seed, int firstYear, int count, string agency = "测试市测试区人民政府")
    {
        var random = new Random(seed);
        var reports = new List<IValidatedReport>();
        IValidatedReport? previous = null;
        for (int year = firstYear; year < firstYear + count; year++)
        {
            ReportEdition edition = EditionFor(year);
            previous = Next(random, edition, new ReportInfo { Agency = agency, Year = year, Source = "report-" + year + ".json" }, previous);
            reports.Add(previous);
        }

        return reports;
    }

    public static IValidatedReport Next(Random random, ReportEdition edition, ReportInfo info, IValidatedReport? previous)
    {
        ReportSchema schema = edition.Schema;
        var parts = new Dictionary<string, decimal>(StringComparer.Ordinal);
        RandomReports.FillParts(schema, random, (key, value) => parts[key] = value);

        string[] columns = schema.Cells.Where(c => c.TableKey == "t3" && c.RowKey == "new" && !c.IsDerived).Select(c => c.ColumnKey).ToArray();
        string[] fates = schema.Cells
            .Where(c => c.TableKey == "t3" && !c.IsDerived && (c.RowKey.StartsWith("r.", StringComparison.Ordinal) || c.RowKey == "carried_out"))
            .Select(c => c.RowKey).Distinct().ToArray();
        foreach (string column in columns)
        {
            decimal carriedIn = previous is null ? parts["t3.carried_in." + column] : previous["t3.carried_out." + column];
            decimal total = fates.Sum(row => parts["t3." + row + "." + column]);
            if (total < carriedIn)
            {
                parts["t3.r.granted." + column] += carriedIn - total;
                total = carriedIn;
            }

            parts["t3.carried_in." + column] = carriedIn;
            parts["t3.new." + column] = total - carriedIn;
        }

        if (previous is not null)
        {
            foreach (CellInfo cell in schema.Cells.Where(c => c.ColumnKey == "in_force"))
            {
                string row = "t2." + cell.RowKey + ".";
                if (!previous.Edition.Schema.TryGetCell(cell.Key, out _))
                {
                    continue;
                }

                decimal stock = previous[cell.Key] + parts[row + "issued"];
                decimal repealed = random.Next(0, (int)Math.Min(stock, 50) + 1);
                parts[row + "repealed"] = repealed;
                parts[cell.Key] = stock - repealed;
            }

            foreach (CellInfo cell in schema.Cells.Where(c => c.ColumnKey == "prev_items"))
            {
                if (previous.Edition.Schema.TryGetCell(cell.Key, out _))
                {
                    parts[cell.Key] = previous[cell.Key] + previous["t2." + cell.RowKey + ".delta_items"];
                }
            }
        }

        // Keep 上一年项目数量 + 本年增/减 ≥ 0 so next year's 上一年项目数量 is a count.
        foreach (CellInfo cell in schema.Cells.Where(c => c.ColumnKey == "delta_items"))
        {
            decimal stock = parts["t2." + cell.RowKey + ".prev_items"];
            if (stock + parts[cell.Key] < 0)
            {
                parts[cell.Key] = -stock;
            }
        }

        var values = new long[schema.CellCount];
        foreach (KeyValuePair<string, decimal> pair in parts)
        {
            CellInfo cell = schema.TryGetCell(pair.Key, out CellInfo c) ? c : throw new InvalidOperationException(pair.Key);
            values[cell.Ordinal] = (long)(pair.Value * Pow10(cell.Scale));
        }

        var diagnostics = global::Reports.Core.Infrastructure.ReportValidator.Build(edition, info, values);
        if (diagnostics.Any(d => d.IsError))
        {
            throw new InvalidOperationException("Generated report is not valid: " + string.Join("; ", diagnostics.Where(d => d.IsError)));
        }

        return edition.Validate(edition.CreateDraft(info, ReportCells.FromValues(schema, values))).Report!;
    }

    private static long Pow10(int scale)
    {
        long p = 1;
        for (int i = 0; i < scale; i++)
        {
            p *= 10;
        }

        return p;
    }
}
