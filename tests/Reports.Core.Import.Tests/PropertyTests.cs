using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;
using Reports.Core.Synthetic;
using Reports.Core.Schema;
using Reports.Core.Validation;
using Xunit;

namespace Reports.Core.Import.Tests;

public class PropertyTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(200);

    private static bool Produces(string text)
    {
        ImportResult result = ReportImporter.Default.Import(text, "fuzz");
        return result.Draft is not null || result.Diagnostics.Length > 0;
    }

    [Fact]
    public void Random_garbage_never_throws_and_always_reports()
    {
        const string pool = "0123456789０１２３ \t\t\n\n\n|||-—/、，。（）()一二三四五六七八九十第项条年报告申请公开总计行政复议诉讼规章<>tablerd&nbsp;\u3000\f";
        Gen<string> gen = Gen.Choose(0, pool.Length - 1).ArrayOf().Select(ix => new string(ix.Select(i => pool[i]).ToArray()));
        Gen<string> mixed = Gen.OneOf(gen, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty));
        Prop.ForAll(mixed.ToArbitrary(), Produces).Check(Cases);
    }

    [Fact]
    public void Random_truncations_of_every_sample_never_throw()
    {
        string[] texts = Samples.All.Select(Samples.Read).ToArray();
        Gen<(int Sample, double Cut)> gen = Gen.Choose(0, texts.Length - 1).SelectMany(s => Gen.Choose(0, 1000).Select(c => (s, c / 1000.0)));
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            string text = texts[x.Sample];
            return Produces(text.Substring(0, (int)(text.Length * x.Cut)));
        }).Check(Cases);
    }

    [Fact]
    public void Random_line_deletions_of_every_sample_never_throw()
    {
        string[][] lines = Samples.All.Select(n => Samples.Read(n).Split('\n')).ToArray();
        Gen<(int Sample, int[] Drop)> gen = Gen.Choose(0, lines.Length - 1)
            .SelectMany(s => Gen.Choose(0, lines[s].Length - 1).ArrayOf().Select(d => (s, d)));
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var drop = new HashSet<int>(x.Drop);
            string text = string.Join("\n", lines[x.Sample].Where((_, i) => !drop.Contains(i)));
            return Produces(text);
        }).Check(Cases);
    }

    [Fact]
    public void Every_sample_survives_each_single_line_deletion_spot_check()
    {
        foreach (string name in Samples.All)
        {
            string[] lines = Samples.Read(name).Split('\n');
            for (int i = 0; i < lines.Length; i += 7)
            {
                Assert.True(Produces(string.Join("\n", lines.Where((_, k) => k != i))));
            }
        }
    }

    [Fact]
    public void Random_valid_reports_round_trip_through_every_layout()
    {
        ReportEdition[] editions = { Editions.Report2019.Edition, Editions.Report2021.Edition };
        RenderLayout[] layouts = Enum.GetValues<RenderLayout>().Where(l => l != RenderLayout.RunTogether).ToArray();
        Gen<(int Edition, int Seed, int Layout)> gen = Gen.Choose(0, 1)
            .SelectMany(e => Gen.Choose(0, int.MaxValue - 1).SelectMany(s => Gen.Choose(0, layouts.Length - 1).Select(l => (e, s, l))));
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            ReportEdition edition = editions[x.Edition];
            ReportCells cells = RandomReport(edition, new System.Random(x.Seed));
            int year = edition.Id == "2019" ? 2020 : 2023;
            string text = ReportTextRenderer.Render(cells, layouts[x.Layout], "测试区人民政府办公室", year);
            ImportResult result = ReportImporter.Default.Import(text, layouts[x.Layout].ToString());
            if (result.Draft is null || result.Edition != edition)
            {
                throw new InvalidOperationException("edition not detected for " + layouts[x.Layout] + ": " + string.Join("\n", result.Diagnostics));
            }

            for (int i = 0; i < cells.Count; i++)
            {
                Cell expected = cells[i];
                Cell actual = result.Draft.Cells[i];
                if (!actual.IsNumber || actual.Value != expected.Value)
                {
                    throw new InvalidOperationException(layouts[x.Layout] + ": " + edition.Schema.Cells[i].Key + " expected " + expected + " got " + actual + "\n" + string.Join("\n", result.Diagnostics));
                }
            }

            return result.Draft.Info.Year == year && result.Draft.Info.Agency == "测试区人民政府办公室" && edition.Validate(result.Draft).IsValid;
        }).Check(Cases);
    }

    [Fact]
    public void Run_together_rows_import_exactly_or_are_reported_never_silently_wrong()
    {
        ReportEdition[] editions = { Editions.Report2019.Edition, Editions.Report2021.Edition };
        Gen<(int Edition, int Seed)> gen = Gen.Choose(0, 1).SelectMany(e => Gen.Choose(0, int.MaxValue - 1).Select(s => (e, s)));
        int exact = 0;
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            ReportEdition edition = editions[x.Edition];
            ReportCells cells = RandomReport(edition, new System.Random(x.Seed));
            string text = ReportTextRenderer.Render(cells, RenderLayout.RunTogether, "测试区人民政府办公室", edition.Id == "2019" ? 2020 : 2023);
            ImportResult result = ReportImporter.Default.Import(text, "run-together");
            if (result.Draft is null)
            {
                return false;
            }

            foreach (CellInfo cell in edition.Schema.Cells.Where(c => c.TableKey == "t3"))
            {
                Cell actual = result.Draft.Cells[cell.Ordinal];
                bool reported = result.Diagnostics.Any(d =>
                    (d.Id == ReportDiagnostics.AmbiguousSplit.Id || d.Id == ReportDiagnostics.UnsplittableRun.Id) && d.Message.StartsWith("t3." + cell.RowKey + ":", StringComparison.Ordinal));
                bool same = actual.IsNumber && actual.Value == cells[cell.Ordinal].Value;
                if (same)
                {
                    exact++;
                }
                else if (!(actual.State == CellState.Missing && reported))
                {
                    throw new InvalidOperationException(cell.Key + " expected " + cells[cell.Ordinal] + " got " + actual + "\n" + string.Join("\n", result.Diagnostics));
                }
            }

            return true;
        }).Check(Cases);
        Assert.True(exact > 0, "no glued row was ever split back: the property would be vacuous");
    }

    /// <summary>A random report whose totals and balances hold (H1–H4): parts random, totals derived, H3 solved for 新收.</summary>
    internal static ReportCells RandomReport(ReportEdition edition, System.Random random)
    {
        ReportSchema schema = edition.Schema;
        var values = new long[schema.CellCount];
        foreach (CellInfo cell in schema.Cells)
        {
            values[cell.Ordinal] = cell.Kind switch
            {
                ValueKind.Delta => random.Next(-50, 51),
                ValueKind.Money => random.Next(0, 100_000) * (long)Math.Pow(10, Math.Max(0, cell.Scale - 2)),
                _ => random.Next(0, 4) == 0 ? 0 : random.Next(0, 200),
            };
        }

        ReportValidator.Build(edition, ReportInfo.Empty, values);
        foreach (string column in new[] { "np", "biz", "res", "ngo", "law", "oth" })
        {
            long total = values[Ordinal(schema, "t3.r.total." + column)];
            long carriedOut = random.Next(0, 20);
            long carriedIn = random.Next(0, (int)Math.Min(total + carriedOut, 30) + 1);
            values[Ordinal(schema, "t3.carried_out." + column)] = carriedOut;
            values[Ordinal(schema, "t3.carried_in." + column)] = carriedIn;
            values[Ordinal(schema, "t3.new." + column)] = total + carriedOut - carriedIn;
        }

        ReportValidator.Build(edition, ReportInfo.Empty, values);
        return ReportCells.FromValues(schema, values);
    }

    private static int Ordinal(ReportSchema schema, string key) => schema.TryGetCell(key, out CellInfo cell) ? cell.Ordinal : throw new KeyNotFoundException(key);
}
