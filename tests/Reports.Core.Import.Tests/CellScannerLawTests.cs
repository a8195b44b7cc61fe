using Reports.Core.Tests.Support;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Reports.Core.Cells;
using Reports.Core.Import.Tokens;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>
/// Laws of how one cell's text is read, over generated cells: a number after a label in any accepted form is one
/// value, a value cut from words is a number as written, a cell reads the same whatever came before it on the line,
/// a blank is stated exactly when a wide or no-break space is in it; and the boundaries of the numbering marks.
/// </summary>
public class CellScannerLawTests
{
    private static readonly Config Cases = PropertyConfig.Cases(1000);

    private static readonly string[] Labels = { "规章", "行政许可", "收费", "其他事项", "ＡＢ" };

    private static readonly string[] Separators = { " ", "  ", "\u3000", "\u00A0", " \t" };

    private static readonly string[] Signs = { string.Empty, string.Empty, "-", "+", "－", "−", "＋" };

    private static readonly string[] Units = { string.Empty, "元", "万元", "亿元" };

    private const string Counters = "件条项个次篇人家起宗余年月日号%倍份届名户位天期批余多";

    private static List<Token> Scan(string raw, bool explicitCell = false, bool lastCell = false, List<Token>? output = null)
    {
        output ??= new List<Token>();
        CellScanner.Scan(raw, 7, 1, 3, LineLayout.Text, explicitCell, lastCell, output);
        return output;
    }

    private static string Cut(string raw) => string.Join(" ", Scan(raw).Select(t => t.ToString()));

    private static string Fold(string text) => new(text.Select(CharClass.Fold).ToArray());

    /// <summary>A number as a publisher writes one: a sign, digits grouped in threes or not, a decimal part, a unit, in ASCII or full width.</summary>
    private static Gen<string> Numbers =>
        from magnitude in Gen.OneOf(Gen.Choose(0, 9), Gen.Choose(0, 9999), Gen.Choose(0, int.MaxValue))
        from scale in Gen.Elements(1L, 1000L, 1_000_000L)
        from grouped in Gen.Elements(false, true)
        from decimals in Gen.Choose(0, 3)
        from fraction in Gen.Choose(0, 999)
        from sign in Gen.Elements(Signs)
        from unit in Gen.Elements(Units)
        from wide in Gen.Elements(false, true)
        select Widen(sign + Digits(magnitude * scale, grouped) + Decimals(fraction, decimals) + unit, wide);

    private static string Digits(long value, bool grouped) =>
        value.ToString(grouped ? "#,0" : "0", CultureInfo.InvariantCulture);

    private static string Decimals(int fraction, int decimals) =>
        decimals == 0 ? string.Empty : "." + (fraction % (int)System.Math.Pow(10, decimals)).ToString(new string('0', decimals), CultureInfo.InvariantCulture);

    /// <summary>Full-width digits, comma and point (U+FF10…, U+FF0C, U+FF0E) where <paramref name="wide"/>.</summary>
    private static string Widen(string text, bool wide) =>
        wide ? new string(text.Select(c => c is >= '0' and <= '9' or ',' or '.' ? (char)(c + 0xFEE0) : c).ToArray()) : text;

    [Fact]
    public void A_number_after_a_label_is_one_value_in_any_accepted_form()
    {
        Gen<(string Label, string Separator, string Number)> cells =
            from label in Gen.Elements(Labels)
            from separator in Gen.Elements(Separators)
            from number in Numbers
            select (label, separator, number);
        Prop.ForAll(cells.ToArbitrary(), cell =>
        {
            string raw = cell.Label + cell.Separator + cell.Number;
            List<Token> tokens = Scan(raw);
            int at = cell.Label.Length + cell.Separator.Length;
            return tokens.Count == 2
                && tokens[0] == new Token(TokenKind.Label, cell.Label, new SourceSpan(7, 1, cell.Label.Length), 3, LineLayout.Text)
                && tokens[1] == new Token(TokenKind.Value, cell.Number, new SourceSpan(7, 1 + at, cell.Number.Length), 3, LineLayout.Text);
        }).Check(Cases);
    }

    /// <summary>
    /// Pieces of a line of words and numbers: digits, signs, commas and points in odd places, units, counters, spaces (no
    /// numbering mark: before one a number gives its last digit to the next label, see CellScannerTests).
    /// </summary>
    private static readonly string[] Pieces =
    {
        "1", "12", "123", "2024", "05", "0", "１２", ",", ",", ", ", ",a", "，", ".5", "-", "+", " ", " ", "\u3000", "元", "万元", "件",
        "%", "规", "章", "a", "第", "（", "）", "#", "/", "—",
    };

    private static Gen<string> Words =>
        Gen.Elements(Pieces).ArrayOf().Select(pieces => string.Concat(pieces.Take(8)));

    private static readonly Regex WrittenNumber = new(
        @"^[+-]?[0-9]+(,[0-9]{3})*(\.[0-9]+)?([+-][0-9]+(\.[0-9]+)?)*(元|万元|亿元|[" + Counters + @"])?$", RegexOptions.CultureInvariant);

    private static readonly Regex SpacedDigits = new(@"^[0-9]+(\s+[0-9]+)+$", RegexOptions.CultureInvariant);

    [Fact]
    public void A_value_cut_from_words_is_a_number_as_written_and_a_comma_in_it_is_followed_by_exactly_three_digits()
    {
        // Whatever stands around it, a value read off a line of words is a number: its sign, digits, groups of three
        // after a comma, one decimal part and a unit or counter; or a run of spaced digits. "1, 23" or "1,a23" is no
        // number of one value: the comma ends the 1.
        Gen<string> lines = from words in Words select "规章 " + words;
        Prop.ForAll(lines.ToArbitrary(), raw =>
            Scan(raw).Where(t => t.Kind == TokenKind.Value).Select(t => Fold(t.Text))
                .All(v => WrittenNumber.IsMatch(v) || SpacedDigits.IsMatch(v))).Check(PropertyConfig.Cases(2000));
    }

    [Theory]
    [InlineData("规章 1, 23", "L:规章 V:1 L:, V:23")]
    [InlineData("规章 1,a23", "L:规章 V:1 L:,a23")]
    [InlineData("规章 -1,234", "L:规章 V:-1,234")]
    [InlineData("规章 +1,234,567.5万元", "L:规章 V:+1,234,567.5万元")]
    public void A_comma_groups_only_the_three_digits_right_after_it(string raw, string expected) =>
        Assert.Equal(expected, Cut(raw));

    [Fact]
    public void A_cell_reads_the_same_whatever_tokens_the_line_already_holds()
    {
        // The tokenizer scans every cell of a line into one list: what a cell gives may not depend on what is there.
        Gen<string> cells = Gen.OneOf(
            from label in Gen.Elements(Labels)
            from separator in Gen.Elements(Separators)
            from number in Numbers
            select label + separator + number,
            Words,
            from words in Words select "规章 " + words);
        Gen<(string Raw, bool Explicit, bool Last, int Before)> cases =
            from raw in cells
            from explicitCell in Gen.Elements(false, true)
            from lastCell in Gen.Elements(false, true)
            from before in Gen.Choose(1, 4)
            select (raw, explicitCell, lastCell, before);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            List<Token> alone = Scan(c.Raw, c.Explicit, c.Last);
            List<Token> held = Enumerable.Range(0, c.Before)
                .Select(i => new Token(i % 2 == 0 ? TokenKind.Label : TokenKind.Value, i % 2 == 0 ? "甲" : "1", new SourceSpan(7, 90 + i, 1), 3, LineLayout.Text))
                .ToList();
            List<Token> prefix = held.ToList();
            List<Token> after = Scan(c.Raw, c.Explicit, c.Last, held);
            return after.Take(c.Before).SequenceEqual(prefix) && after.Skip(c.Before).SequenceEqual(alone);
        }).Check(Cases);
    }

    [Fact]
    public void The_last_pipe_cell_of_a_row_splits_a_value_glued_to_its_label_after_the_cells_before_it()
    {
        Assert.Equal(new[] { "1", "12" }, Tokenizer.Read("| 甲 | 1 | 规章 12 |").Tokens.Where(t => t.Kind == TokenKind.Value).Select(t => t.Text));
        Assert.Equal(new[] { "1" }, Tokenizer.Read("| 甲 | 规章 12 | 1 |").Tokens.Where(t => t.Kind == TokenKind.Value).Select(t => t.Text));
    }

    private const string AsciiSpaces = " \t\r\n\f\v";

    private const string WideSpaces = "\u3000\u00A0\u200B\uFEFF";

    [Fact]
    public void A_blank_is_stated_exactly_when_a_wide_or_no_break_space_is_in_it()
    {
        Gen<string> blanks = Gen.Elements((AsciiSpaces + WideSpaces).ToCharArray()).ArrayOf().Select(cs => new string(cs));
        Prop.ForAll(blanks.ToArbitrary(), blank =>
        {
            bool stated = blank.Any(c => WideSpaces.Contains(c));
            List<Token> tokens = Scan(blank);
            return CharClass.IsStatedBlank(blank) == stated
                && !CharClass.IsStatedBlank(blank + "x")
                && (stated ? tokens.Count == 1 && tokens[0].Kind == TokenKind.Empty : tokens.Count == 0);
        }).Check(Cases);
        Assert.True(CharClass.IsStatedBlank("\u3000\u3000"));
        Assert.True(CharClass.IsStatedBlank("\u00A0 \u3000"));
    }

    [Fact]
    public void One_or_two_digits_and_a_numbering_mark_alone_are_a_label_in_ascii_or_full_width()
    {
        Gen<string> numberings =
            from n in Gen.Choose(0, 99)
            from mark in Gen.Elements(".", "、", "．")
            from wide in Gen.Elements(false, true)
            select Widen(n.ToString(CultureInfo.InvariantCulture), wide) + mark;
        Prop.ForAll(numberings.ToArbitrary(), text =>
        {
            List<Token> tokens = Scan(text);
            return tokens.Count == 1 && tokens[0] == new Token(TokenKind.Label, text, new SourceSpan(7, 1, text.Length), 3, LineLayout.Text);
        }).Check(Cases);
    }

    [Theory]
    [InlineData("5 .", "V:5 L:.")]
    [InlineData("5 、", "V:5 L:、")]
    [InlineData("5元、", "V:5元 L:、")]
    [InlineData("a.", "L:a.")]
    [InlineData("123.", "V:123.")]
    public void Only_digits_before_the_mark_make_a_numbering_a_value_then_a_stray_mark_keeps_its_value(string raw, string expected) =>
        Assert.Equal(expected, Cut(raw));

    [Theory]
    [InlineData("规章 12- 3", "L:规章 12- V:3")]
    [InlineData("规章 12-a", "L:规章 12-a")]
    [InlineData("规章 2648-18538", "L:规章 V:2648-18538")]
    public void A_sign_after_a_number_joins_it_only_with_digits_right_after_the_sign(string raw, string expected) =>
        Assert.Equal(expected, Cut(raw));

    [Fact]
    public void A_zero_with_decimals_or_a_unit_is_a_value_like_any_other_not_a_run_of_glued_cells()
    {
        // Only digits opening with a zero (000023) are cells run together; 0.5 and 0元 are amounts.
        Assert.False(Scan("规章 0.5")[1].Glued);
        Assert.False(Scan("规章 0万元")[1].Glued);
        List<Token> amounts = Scan("收费 0元 5元");
        Assert.Equal("L:收费 V:0元 V:5元", string.Join(" ", amounts));
        Assert.All(amounts, t => Assert.False(t.Chained || t.Glued));
    }

    [Fact]
    public void A_value_written_against_the_words_after_it_is_glued_and_one_with_space_around_it_is_not()
    {
        Assert.True(Scan("其中 802.申请人")[1].Glued);   // 80, then the label 2.申请人 with no space
        Assert.True(Scan("收费 3元整")[1].Glued);
        Assert.False(Scan("收费 3元 整")[1].Glued);
        Assert.False(Scan("收费 3元")[1].Glued);
    }

    [Fact]
    public void A_cell_of_digits_opening_with_a_zero_is_glued_cells_and_a_zero_alone_or_an_amount_is_not()
    {
        Assert.True(Scan("000023")[0].Glued);        // 0|0|0|0|23 run together
        Assert.True(Scan("０５")[0].Glued);
        Assert.False(Scan("0")[0].Glued);
        Assert.False(Scan("0.5")[0].Glued);
        Assert.False(Scan("230")[0].Glued);
    }

    [Theory]
    [InlineData("其中 802.A类", "L:其中 V:80 L:2.A类")]
    [InlineData("其中 802、b项", "L:其中 V:80 L:2、b项")]
    [InlineData("其中 802.属于", "L:其中 V:80 L:2.属于")]
    public void A_numbering_mark_before_a_latin_letter_begins_a_label_as_before_a_chinese_word(string raw, string expected) =>
        Assert.Equal(expected, Cut(raw));

    [Theory]
    [InlineData("申请 5件 其他", "L:申请 5件 其他")]
    [InlineData("申请5件 其他5件", "L:申请5件 其他 V:5件")]
    public void A_count_followed_by_words_after_a_space_stays_words_and_closing_the_cell_it_is_a_value(string raw, string expected) =>
        Assert.Equal(expected, Cut(raw));
}
