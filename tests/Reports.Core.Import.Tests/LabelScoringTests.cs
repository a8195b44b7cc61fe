using Reports.Core.Tests.Support;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Reports.Core.Editions;
using Reports.Core.Import.Alignment;
using Reports.Core.Import.Matching;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>
/// The label scoring the alignment asks for every gap of words against every row: a probe's bigram set answers exactly
/// what its text holds, and a score memoized per label is the score computed afresh, for every edition's rows.
/// </summary>
public class LabelScoringTests
{
    private static readonly Config Cases = PropertyConfig.Cases(1000);

    // Characters of the labels' script and of the text around them, with repeats, so that bigrams recur.
    private static readonly Gen<string> Texts =
        from chars in Gen.ArrayOf(Gen.Elements("政府信息公开申请本年新收结转予以部分不处理其他总计行政复议诉讼（）、一二三 1a\uFFFF".ToCharArray()))
        select new string(chars);

    [Fact]
    public void A_bigram_set_contains_exactly_the_bigrams_of_its_text()
    {
        Prop.ForAll(Texts.ToArbitrary(), Texts.ToArbitrary(), (text, other) =>
        {
            var set = BigramSet.Of(text);
            var bigrams = new HashSet<int>(Enumerable.Range(0, System.Math.Max(0, text.Length - 1)).Select(i => text[i] << 16 | text[i + 1]));
            bool ownFound = bigrams.All(b => b == -1 || set.Contains(b)); // U+FFFF U+FFFF is the one bigram never stored
            bool othersRight = Enumerable.Range(0, System.Math.Max(0, other.Length - 1))
                .Select(i => other[i] << 16 | other[i + 1])
                .All(b => set.Contains(b) == (bigrams.Contains(b) && b != -1));
            return ownFound && othersRight;
        }).Check(Cases);
    }

    [Fact]
    public void Rows_named_alike_in_both_editions_share_a_label_id_and_rows_named_apart_do_not()
    {
        var ids = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var rows = global::Reports.Core.Editions.ReportEditions.All
            .SelectMany(e => e.Schema.Tables.Select(t => TableTargets.Create(e.Schema, t, ids)))
            .SelectMany(t => t.Rows)
            .ToList();
        foreach (var group in rows.GroupBy(r => r.LabelId))
        {
            Assert.Single(group.Select(r => string.Join("|", r.Bodies) + "#" + r.Numbering).Distinct());
        }

        Assert.Equal(rows.Select(r => string.Join("|", r.Bodies) + "#" + r.Numbering).Distinct().Count(), rows.Select(r => r.LabelId).Distinct().Count());
        Assert.Contains(rows.GroupBy(r => r.LabelId), g => g.Select(r => r.Path).Distinct().Count() == 1 && g.Count() == 2); // a row of both editions
    }

    [Fact]
    public void A_memoized_score_is_the_score_of_a_fresh_probe_for_every_row_of_every_edition()
    {
        var ids = new Dictionary<string, int>(System.StringComparer.Ordinal);
        List<RowTarget> rows = global::Reports.Core.Editions.ReportEditions.All
            .SelectMany(e => e.Schema.Tables.Select(t => TableTargets.Create(e.Schema, t, ids)))
            .SelectMany(t => t.Rows)
            .ToList();
        Gen<string> gaps = Gen.Elements(rows.Select(r => r.Label).ToArray()).SelectMany(label => Texts.Select(noise => label + noise));
        Prop.ForAll(gaps.ToArbitrary(), text =>
        {
            var memo = new LabelProbe(text);
            double[] first = rows.Select(memo.Score).ToArray();
            double[] again = rows.Select(memo.Score).ToArray();
            double[] fresh = rows.Select(r => new LabelProbe(text).Score(r)).ToArray();
            return first.SequenceEqual(again) && first.SequenceEqual(fresh) && first.Any(s => s > 0);
        }).Check(PropertyConfig.Cases(100));
    }
}
