using Reports.Core.Tests.Support;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Reports.Core.Cells;
using Reports.Core.Import.Matching;
using Reports.Core.Import.Tokens;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>
/// How the importer cuts one cell of published text: a number standing alone is a value with its place in the line,
/// a number that belongs to the words around it (a counter, 第…条, a page number, a numbering mark) stays words.
/// </summary>
public class CellScannerTests
{
    private static readonly Config Cases = PropertyConfig.Cases(1000);

    private static List<Token> Scan(string raw, bool explicitCell = false, bool lastCell = false, int column = 1)
    {
        var output = new List<Token>();
        CellScanner.Scan(raw, 7, column, 3, LineLayout.Text, explicitCell, lastCell, output);
        return output;
    }

    private static string Cut(string raw, bool explicitCell = false, bool lastCell = false) =>
        string.Join(" ", Scan(raw, explicitCell, lastCell).Select(t => t.ToString()));

    [Fact]
    public void Every_integer_standing_alone_in_a_cell_is_one_value_in_any_accepted_form()
    {
        Gen<string> written =
            from value in Gen.Choose(0, int.MaxValue)
            from form in Gen.Choose(0, 4)
            from pad in Gen.Elements(string.Empty, " ", "\u3000", "\u00A0", "\t")
            select pad + Form(value, form) + pad;
        Prop.ForAll(written.ToArbitrary(), text =>
        {
            List<Token> tokens = Scan(text);
            string trimmed = text.Trim(' ', '\u3000', '\u00A0', '\t');
            return tokens.Count == 1 && tokens[0].Kind == TokenKind.Value && tokens[0].Text == trimmed
                && tokens[0].Span == new SourceSpan(7, 1 + text.IndexOf(trimmed[0]), trimmed.Length) && !tokens[0].Glued;
        }).Check(Cases);
    }

    private static string Form(int value, int form)
    {
        string digits = value.ToString(CultureInfo.InvariantCulture);
        return form switch
        {
            0 => digits,
            1 => new string(digits.Select(c => (char)('０' + (c - '0'))).ToArray()),       // full-width
            2 => value.ToString("#,0", CultureInfo.InvariantCulture),                       // grouped in threes
            3 => "-" + digits,
            _ => digits + "万元",
        };
    }

    [Fact]
    public void A_number_after_a_label_is_cut_off_as_a_value_and_its_column_is_where_it_stands()
    {
        List<Token> tokens = Scan("行政事业性收费 592万元", column: 11);
        Assert.Equal("L:行政事业性收费 V:592万元", string.Join(" ", tokens));
        Assert.Equal(new SourceSpan(7, 11, 7), tokens[0].Span);
        Assert.Equal(new SourceSpan(7, 19, 5), tokens[1].Span);
        Assert.False(tokens[1].Glued);
        Assert.All(tokens, t => Assert.Equal((3, LineLayout.Text), (t.Line, t.Layout)));
    }

    [Theory]
    [InlineData("收到申请154件，办结148件。", "L:收到申请154件，办结148件。")]    // counters inside a sentence
    [InlineData("2020 年度本机关", "L:2020 年度本机关")]                          // a counter after a space
    [InlineData("依据第20条规定", "L:依据第20条规定")]
    [InlineData("H5页面", "L:H5页面")]
    [InlineData("— 5 —", "L:— 5 —")]                                              // a page number between dashes
    [InlineData("- 12 -", "L:- 12 -")]
    [InlineData("占比35%以上", "L:占比35%以上")]
    [InlineData("编号 12a", "L:编号 12a")]
    [InlineData("2024/12/31 截止", "L:2024/12/31 截止")]
    [InlineData("时间 10:30", "L:时间 10:30")]
    [InlineData("区间 3~5", "L:区间 3~5")]
    [InlineData("文件#12", "L:文件#12")]
    [InlineData("编码_12", "L:编码_12")]
    [InlineData("版本 1.2.3", "L:版本 1.2.3")]
    [InlineData("其中 3.属于国家秘密", "L:其中 3.属于国家秘密")]                    // a one-digit numbering mark
    [InlineData("（12、部分公开", "L:（12、部分公开")]                                // a two-digit numbering mark after a bracket
    [InlineData("12.部分公开", "L:12.部分公开")]
    public void Numbers_that_belong_to_the_words_stay_words(string raw, string expected) =>
        Assert.Equal(expected, Cut(raw));

    [Theory]
    [InlineData("申请 5件", "L:申请 V:5件")]                                        // a counter closing the cell
    [InlineData("申请 5件  ", "L:申请 V:5件")]
    [InlineData("规章 +3", "L:规章 V:+3")]                                          // a sign at the start of a word
    [InlineData("规章 -14", "L:规章 V:-14")]
    [InlineData("规章 1,234", "L:规章 V:1,234")]
    [InlineData("规章 1,234.5", "L:规章 V:1,234.5")]
    [InlineData("规章 1,23", "L:规章 V:1 L:, V:23")]                                // a group of two is no group
    [InlineData("收费 3亿元", "L:收费 V:3亿元")]
    [InlineData("收费 3元整", "L:收费 V:3元 L:整")]
    [InlineData("规章000", "L:规章 V:000")]
    [InlineData("2648-18538", "V:2648-18538")]                                      // signed parts glued on
    [InlineData("数量 26.55", "L:数量 V:26.55")]
    [InlineData("甲 12 乙 34", "L:甲 V:12 L:乙 V:34")]
    [InlineData("（一）予以公开 123", "L:（一）予以公开 V:123")]
    [InlineData("（二）12、部分公开", "L:（二） V:1 L:2、部分公开")]                   // two digits glued to a bracket: the last begins the label
    [InlineData("占比 35%", "L:占比 V:35%")]                                        // a counter closing the cell
    public void Numbers_standing_apart_from_the_words_are_values(string raw, string expected) =>
        Assert.Equal(expected, Cut(raw));

    [Fact]
    public void A_long_number_before_a_numbering_mark_gives_its_last_digit_to_the_next_label()
    {
        List<Token> tokens = Scan("1.属于国家秘密00000002.其他法律行政法规禁止公开0000000");
        Assert.Equal("L:1.属于国家秘密 V:0000000 L:2.其他法律行政法规禁止公开 V:0000000", string.Join(" ", tokens));
        Assert.True(tokens[1].Glued);
        Assert.True(tokens[3].Glued);
        Assert.Equal(new SourceSpan(7, 9, 7), tokens[1].Span);
        Assert.Equal("L:其中 V:80 L:2.申请人", Cut("其中 802.申请人"));
        Assert.Equal("L:其中 82.申请人", Cut("其中 82.申请人")); // two digits standing free are a numbering mark
    }

    [Fact]
    public void A_sign_glued_to_a_word_is_part_of_the_word()
    {
        Assert.Equal("L:a-3 乙", Cut("a-3 乙"));
        Assert.Equal("L:减 V:4", Cut("减 4"));
        Assert.Equal("V:减4", Cut("减4")); // one glued character is no label: words in a number cell
    }

    [Fact]
    public void An_explicit_cell_is_one_thing_unless_it_is_the_last_with_a_value_glued_to_its_label()
    {
        Assert.Equal("L:甲 12 乙 34", Cut("甲 12 乙 34", explicitCell: true));
        Assert.Equal("L:规章 12", Cut("规章 12", explicitCell: true));
        Assert.Equal("L:规章 V:12", Cut("规章 12", explicitCell: true, lastCell: true));
        Assert.Equal("L:甲 12 乙 34", Cut("甲 12 乙 34", explicitCell: true, lastCell: true));
        Assert.Equal("V:12", Cut("12", explicitCell: true));
    }

    [Fact]
    public void A_blank_cell_is_kept_only_when_it_is_explicit_or_stated_with_a_wide_space()
    {
        Assert.Equal("E", Cut("   ", explicitCell: true));
        Assert.Equal("E", Cut("\u3000"));
        Assert.Equal("E", Cut(" \u00A0 "));
        Assert.Equal(string.Empty, Cut("  \t "));
        Assert.Equal(string.Empty, Cut(string.Empty));
        Assert.Equal(new SourceSpan(7, 1, 0), Scan("\u3000")[0].Span);
    }

    [Theory]
    [InlineData("123", true)]
    [InlineData("１２３", true)]
    [InlineData("00000000000000000000000000", true)]   // a run of digits of any length
    [InlineData("/", true)]
    [InlineData("_", true)]
    [InlineData("＿", true)]
    [InlineData("—", true)]
    [InlineData("12.5万元", true)]
    [InlineData("-3", true)]
    [InlineData("1,234", true)]
    [InlineData("", false)]
    [InlineData("12a", false)]
    [InlineData("__", false)]
    [InlineData("规章", false)]
    [InlineData("1,23", false)]
    public void A_whole_value_is_a_number_a_marker_or_a_run_of_digits(string text, bool expected) =>
        Assert.Equal(expected, CellScanner.IsWholeValue(text));

    [Fact]
    public void Folding_maps_full_width_ascii_to_ascii_and_every_kind_of_space_to_a_space()
    {
        for (char c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            Assert.Equal((char)(c - 0xFEE0), CharClass.Fold(c));
        }

        Assert.Equal('\uFF00', CharClass.Fold('\uFF00'));
        Assert.Equal('\uFF5F', CharClass.Fold('\uFF5F'));
        foreach (char space in "\u3000\u00A0\u200B\uFEFF\f\t\r\v")
        {
            Assert.Equal(' ', CharClass.Fold(space));
            Assert.True(CharClass.IsSpace(space));
        }

        Assert.Equal('-', CharClass.Fold('−'));
        Assert.Equal('-', CharClass.Fold('–'));
        Assert.Equal('规', CharClass.Fold('规'));
        Assert.True(CharClass.IsSpace('\n'));
        Assert.False(CharClass.IsSpace('_'));
    }

    [Fact]
    public void Character_classes_have_their_edges_where_the_scripts_do()
    {
        Assert.True(CharClass.IsDigit('0') && CharClass.IsDigit('9'));
        Assert.False(CharClass.IsDigit('/') || CharClass.IsDigit(':') || CharClass.IsDigit('５'));
        Assert.True(CharClass.IsAsciiLetter('a') && CharClass.IsAsciiLetter('z') && CharClass.IsAsciiLetter('A') && CharClass.IsAsciiLetter('Z'));
        Assert.False(CharClass.IsAsciiLetter('@') || CharClass.IsAsciiLetter('[') || CharClass.IsAsciiLetter('`') || CharClass.IsAsciiLetter('{'));
        Assert.True(CharClass.IsCjk('\u3400') && CharClass.IsCjk('\u9FFF') && CharClass.IsCjk('\uF900') && CharClass.IsCjk('\uFAFF'));
        Assert.False(CharClass.IsCjk('\u33FF') || CharClass.IsCjk('\uA000') || CharClass.IsCjk('\uF8FF') || CharClass.IsCjk('\uFB00'));
        Assert.True(CharClass.IsCounter('件') && CharClass.IsCounter('%'));
        Assert.False(CharClass.IsCounter('元'));
    }

    [Fact]
    public void A_stated_blank_is_white_space_with_at_least_one_wide_or_no_break_space()
    {
        Assert.True(CharClass.IsStatedBlank("\u3000"));
        Assert.True(CharClass.IsStatedBlank(" \u00A0\t"));
        Assert.False(CharClass.IsStatedBlank("  \t"));
        Assert.False(CharClass.IsStatedBlank(string.Empty));
        Assert.False(CharClass.IsStatedBlank("\u3000x"));
    }

    [Fact]
    public void The_year_is_the_statistics_period_first_then_the_year_the_narrative_names_most_ties_to_the_earlier()
    {
        Assert.Equal(2024, YearReader.Read(new[] { "本局2023年工作", "统计期限自2024年1月1日起至2024年12月31日止。" }));
        Assert.Equal(2024, YearReader.Read(new[] { "统计期限自２０２４年01月01日至２０２４年12月31日" })); // full-width digits, padded months
        Assert.Equal(2023, YearReader.Read(new[] { "自2023年1月1日至2024年12月31日", "2023年度", "2023 年" }));  // a period over two years is no period
        Assert.Equal(2022, YearReader.Read(new[] { "2022年本局", "2022年度报告", "2023年计划" }));
        Assert.Equal(2022, YearReader.Read(new[] { "2023年计划", "2022年本局" }));
        Assert.Equal(2021, YearReader.Read(new[] { "12021年", "2021年" }));                    // a year glued to more digits is none
        Assert.Null(YearReader.Read(new[] { "本局依法公开政府信息", "1899年" }));
        Assert.Null(YearReader.Read(new string[0]));
    }

    [Fact]
    public void Spaced_digits_one_of_which_opens_with_a_zero_are_one_run_and_other_spaced_numbers_stay_apart()
    {
        // A flattened page sprinkles spaces into cells run together: 23|0|0|0|0|0|23 as "23 0 00 0 023". The run keeps
        // its spaces as written (each is a boundary the split must respect).
        Assert.Equal("L:（七）总计 V:23 0 00 0 023", Cut("（七）总计23 0 00 0 023"));
        Token run = Scan("（七）总计23 0 00 0 023")[1];
        Assert.True(run.Glued);
        Assert.False(run.Chained);
        Assert.Equal(new SourceSpan(7, 6, 13), run.Span); // from the first digit to the last, spaces included
        Assert.Equal("V:0 0 0 0 0 00", Cut("0 0 0 0 0 00"));

        // Counts written as counts, however many, keep their boundaries; so do numbers parted by words.
        Assert.Equal("V:0 V:1 V:1 V:0 V:2 V:1 V:0", Cut("0 1 1 0 2 1 0"));
        Assert.Equal("V:12 L:项 V:05", Cut("12 项 05"));
    }

    [Fact]
    public void Spaced_digits_glued_to_words_at_both_ends_stay_values_marked_as_a_chain()
    {
        // Cells or one run: the tokens stay apart, and the aligner decides by the row's cells.
        List<Token> tokens = Scan("情形）500000 5（三）不予公开");
        Assert.Equal(new[] { "500000", "5" }, tokens.Where(t => t.Kind == TokenKind.Value).Select(t => t.Text));
        Assert.All(tokens.Where(t => t.Kind == TokenKind.Value), t => Assert.True(t.Chained));

        // So are spaced values elsewhere; a value alone, or one parted from the next by words, is no chain.
        Assert.All(Scan("情形 5 0 0 0 0 0 5").Where(t => t.Kind == TokenKind.Value), t => Assert.True(t.Chained));
        Assert.All(Scan("情形 5 件 3").Where(t => t.Kind == TokenKind.Value), t => Assert.False(t.Chained));
    }
}
