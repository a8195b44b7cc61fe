using Reports.Core.Tests.Support;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Reports.Core.Import.Matching;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>Which year a report's narrative states where no statistics period gives it.</summary>
public class YearReaderTests
{
    private static readonly Config Cases = PropertyConfig.Cases(1000);

    private static readonly string[] Phrases = { "本局{0}年工作", "{0}年度报告", "{0} 年，本机关", "截至{0}年底" };

    [Fact]
    public void The_year_named_most_is_read_and_a_tie_goes_to_the_earlier_year_whatever_order_the_texts_come_in()
    {
        Gen<(int[] Years, int[] Times, int Seed)> narratives =
            from count in Gen.Choose(1, 4)
            from first in Gen.Choose(1990, 2030)
            from steps in Gen.Choose(1, 3).ArrayOf(count)
            from times in Gen.Choose(1, 3).ArrayOf(count)
            from seed in PropertyConfig.Seeds.Generator
            select (steps.Select((_, i) => first + steps.Take(i + 1).Sum()).ToArray(), times, seed);
        Prop.ForAll(narratives.ToArbitrary(), n =>
        {
            var random = new System.Random(n.Seed);
            List<string> texts = n.Years
                .SelectMany((year, i) => Enumerable.Range(0, n.Times[i]).Select(_ => string.Format(CultureInfo.InvariantCulture, Phrases[random.Next(Phrases.Length)], year)))
                .OrderBy(_ => random.Next())
                .ToList();
            int most = n.Times.Max();
            int expected = n.Years.Where((_, i) => n.Times[i] == most).Min();
            return YearReader.Read(texts) == expected;
        }).Check(Cases);
    }

    [Theory]
    [InlineData(new[] { "2022年本局", "2023年计划" }, 2022)]
    [InlineData(new[] { "2023年计划", "2022年本局" }, 2022)]
    [InlineData(new[] { "2021年、2022年、2023年" }, 2021)]
    [InlineData(new[] { "2023年", "2021年、2022年" }, 2021)]
    public void Years_named_equally_often_give_the_earliest(string[] texts, int expected) =>
        Assert.Equal(expected, YearReader.Read(texts));

    [Theory]
    [InlineData(new[] { "2023年工作回顾", "2023年度", "统计期限自2024年1月1日起至2024年12月31日止" }, 2024)]
    [InlineData(new[] { "本报告中所列数据的统计期限自２０２２年１月１日起至２０２２年１２月３１日止。", "2023年计划", "2023年目标" }, 2022)]
    [InlineData(new[] { "统计期限自2021年01月01日至2021年12月31日", "2020年", "2020年" }, 2021)]
    public void A_statistics_period_of_one_calendar_year_gives_the_year_whatever_years_the_narrative_names(string[] texts, int expected) =>
        Assert.Equal(expected, YearReader.Read(texts));

    [Fact]
    public void A_period_from_one_year_into_the_next_is_no_reporting_year_so_the_year_named_most_decides() =>
        Assert.Equal(2023, YearReader.Read(new[] { "统计期限自2022年1月1日至2023年12月31日", "2023年工作", "2023年计划" }));
}
