using Reports.Core.Tests.Support;
using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Infrastructure;
using Reports.Core.Reports;
using Reports.Core.Synthetic;
using Reports.Core.Schema;
using Reports.Core.Validation;
using Xunit;

namespace Reports.Core.Import.Tests;

public class PropertyTests
{
    private static readonly Config Cases = PropertyConfig.Cases(200);

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

    private static readonly RenderLayout[] TextLayouts = { RenderLayout.Pipe, RenderLayout.Tab, RenderLayout.CellPerLine, RenderLayout.Layout };

    private static readonly ReportEdition[] BuiltIn = { Editions.Report2019.Edition, Editions.Report2021.Edition };

    /// <summary>Every cell read equals the original; the count of cells read equal is returned.</summary>
    private static int SameOrMissing(ReportCells original, ImportResult result, string what)
    {
        if (result.Draft is null)
        {
            throw new InvalidOperationException(what + ": no draft\n" + string.Join("\n", result.Diagnostics));
        }

        int same = 0;
        for (int i = 0; i < original.Count; i++)
        {
            Cell actual = result.Draft.Cells[i];
            if (actual.State == CellState.Missing)
            {
                continue;
            }

            if (!actual.IsNumber || actual.Value != original[i].Value)
            {
                throw new InvalidOperationException(what + ": " + original.Schema.Cells[i].Key + " expected " + original[i] + " got " + actual + "\n" + string.Join("\n", result.Diagnostics));
            }

            same++;
        }

        return same;
    }

    [Fact]
    public void Mixed_layouts_within_one_document_round_trip_every_cell()
    {
        Gen<(int Edition, int Seed, int A, int B, int C)> gen =
            from e in Gen.Choose(0, 1)
            from s in Gen.Choose(0, int.MaxValue - 1)
            from a in Gen.Choose(0, TextLayouts.Length - 1)
            from b in Gen.Choose(0, TextLayouts.Length - 1)
            from c in Gen.Choose(0, TextLayouts.Length - 1)
            select (e, s, a, b, c);
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            ReportEdition edition = BuiltIn[x.Edition];
            ReportCells cells = RandomReport(edition, new System.Random(x.Seed));
            int year = edition.Id == "2019" ? 2020 : 2023;

            // Table 2 in one layout, Table 3 in another, Table 4 in a third: cut each rendering at the table headings.
            string[][] docs = new[] { x.A, x.B, x.C }.Select(l => ReportTextRenderer.Render(cells, TextLayouts[l], "测试区人民政府办公室", year).Split('\n')).ToArray();
            string[] labels = edition.Schema.Tables.Select(t => t.Label).ToArray();
            int At(string[] lines, string label) => Array.FindIndex(lines, l => l.Trim() == label);
            var mixed = docs[0].Take(At(docs[0], labels[1]))
                .Concat(docs[1].Skip(At(docs[1], labels[1])).Take(At(docs[1], labels[2]) - At(docs[1], labels[1])))
                .Concat(docs[2].Skip(At(docs[2], labels[2])));
            string what = string.Join("+", TextLayouts[x.A], TextLayouts[x.B], TextLayouts[x.C]);
            ImportResult result = ReportImporter.Default.Import(string.Join("\n", mixed), what);
            return SameOrMissing(cells, result, what) == cells.Count && result.Edition == edition;
        }).Check(Cases);
    }

    [Fact]
    public void Truncation_at_any_row_never_misreads_a_cell_and_says_so_once_per_table()
    {
        Gen<(int Edition, int Seed, int Layout, double Cut)> gen =
            from e in Gen.Choose(0, 1)
            from s in Gen.Choose(0, int.MaxValue - 1)
            from l in Gen.Choose(0, TextLayouts.Length - 1)
            from c in Gen.Choose(20, 100)
            select (e, s, l, c / 100.0);
        int read = 0;
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            ReportEdition edition = BuiltIn[x.Edition];
            ReportCells cells = RandomReport(edition, new System.Random(x.Seed));
            string[] lines = ReportTextRenderer.Render(cells, TextLayouts[x.Layout], "测试区人民政府办公室", 2023).Split('\n');
            string text = string.Join("\n", lines.Take((int)(lines.Length * x.Cut)));
            ImportResult result = ReportImporter.Default.Import(text, TextLayouts[x.Layout] + " cut");
            if (result.Draft is null)
            {
                return true; // cut before any table: said once (RC2001)
            }

            read += SameOrMissing(cells, result, TextLayouts[x.Layout] + " cut at " + x.Cut);
            var errors = result.Edition!.Validate(result.Draft).Diagnostics.Where(d => d.IsError).ToList();
            return errors.All(d => d.Id == ReportDiagnostics.MissingCell.Id)
                && errors.Count <= edition.Schema.Tables.Length
                && result.Diagnostics.Count(d => d.Id == ImportDiagnostics.TableEndsEarly.Id) <= edition.Schema.Tables.Length;
        }).Check(Cases);
        Assert.True(read > 0, "no cell was read back: the property would be vacuous");
    }

    [Fact]
    public void Traditional_characters_round_trip_every_cell()
    {
        IReadOnlyDictionary<char, char> traditional = Matching.LabelText.TraditionalForms();
        Gen<(int Edition, int Seed, int Layout)> gen = Gen.Choose(0, 1).SelectMany(e => Gen.Choose(0, int.MaxValue - 1).SelectMany(s => Gen.Choose(0, TextLayouts.Length - 1).Select(l => (e, s, l))));
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            ReportEdition edition = BuiltIn[x.Edition];
            ReportCells cells = RandomReport(edition, new System.Random(x.Seed));
            string text = ReportTextRenderer.Render(cells, TextLayouts[x.Layout], "测试区人民政府办公室", edition.Id == "2019" ? 2020 : 2023);
            string mirrored = new string(text.Select(c => traditional.TryGetValue(c, out char t) ? t : c).ToArray());
            if (mirrored == text)
            {
                throw new InvalidOperationException("nothing was written in traditional characters");
            }

            ImportResult result = ReportImporter.Default.Import(mirrored, "traditional " + TextLayouts[x.Layout]);
            return SameOrMissing(cells, result, "traditional " + TextLayouts[x.Layout]) == cells.Count && result.Edition == edition;
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
                    (d.Id == ImportDiagnostics.AmbiguousSplit.Id || d.Id == ImportDiagnostics.UnsplittableRun.Id) && d.Message.StartsWith("t3." + cell.RowKey + ":", StringComparison.Ordinal));
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
