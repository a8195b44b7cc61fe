using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Reports.Core.Import.Matching;
using Reports.Core.Import.Tokens;
using Xunit;

namespace Reports.Core.Import.Tests;

/// <summary>Every layout becomes one token stream: label and value cells, each with its source span.</summary>
public class TokenizerTests
{
    private static string Kinds(string text) =>
        string.Join(" ", Tokenizer.Read(text).Tokens.Select(t => t.Kind switch { TokenKind.Label => "L", TokenKind.Value => "V", _ => t.Soft ? "s" : "E" }));

    private static string[] Values(string text) =>
        Tokenizer.Read(text).Tokens.Where(t => t.Kind == TokenKind.Value).Select(t => t.Text).ToArray();

    [Theory]
    [InlineData("| 规章 | 0 | 1 | 2 |")]          // outer bars
    [InlineData("规章 | 0 | 1 | 2")]              // no outer bars
    [InlineData("规章 | 0 | 1 | 2 |")]            // a trailing bar only
    [InlineData("规章\t0\t1\t2")]                 // tabs
    [InlineData("规章        0       1      2")]   // aligned columns
    [InlineData("规章\n0\n1\n2")]                  // one cell per line
    [InlineData("规章\n\n0\n\n1\n\n2")]            // one cell per line, blank lines between
    public void Every_layout_gives_the_same_tokens(string text) => Assert.Equal("L V V V", Kinds(text));

    [Fact]
    public void Empty_cells_between_bars_and_tabs_are_kept_and_markdown_rules_dropped()
    {
        Assert.Equal("L E V V", Kinds("| 一、本年新收 | | 40 | 0 |\n|---|---|---|---|"));
        Assert.Equal("L V E V", Kinds("规章\t0\t\t2\t"));
    }

    [Fact]
    public void A_line_of_ideographic_space_is_a_blank_cell_and_a_blank_line_is_a_separator()
    {
        Assert.Equal("L E V", Kinds("\t一、本年新收\n\t\u3000\n\n\t0\n"));
    }

    [Fact]
    public void Glued_digits_are_cut_from_their_labels_and_a_numbering_mark_goes_with_the_next_label()
    {
        var tokens = Tokenizer.Read("1.属于国家秘密00000002.其他法律行政法规禁止公开0000000").Tokens;
        Assert.Equal(new[] { "1.属于国家秘密", "0000000", "2.其他法律行政法规禁止公开", "0000000" }, tokens.Select(t => t.Text));
        Assert.True(tokens[1].Glued);
        Assert.Equal(new[] { "5845546", "4166.241619", "2648-18538" }, Values("行政规范性文件5845546第二十条行政事业性收费4166.241619行政许可2648-18538"));
    }

    [Fact]
    public void Numbers_in_sentences_stay_words()
    {
        Assert.Empty(Values("2024年，我局共收到申请154件，办结148件；第20条、H5页面、2020 年度。"));
        Assert.Equal(new[] { "592万元" }, Values("行政事业性收费 592万元"));
    }

    [Fact]
    public void Full_width_digits_signs_and_grouping_are_values_with_their_raw_text()
    {
        Assert.Equal(new[] { "１２", "+3", "-14", "1,234", "26.55" }, Values("甲 １２ +3 -14 1,234 26.55"));
        var token = Tokenizer.Read("甲\n  乙    42").Tokens.Single(t => t.Kind == TokenKind.Value);
        Assert.Equal(2, token.Span.Line);
        Assert.Equal(8, token.Span.Column);
    }

    [Fact]
    public void Words_glued_to_one_character_are_a_text_cell()
    {
        Assert.Equal("L V V V", Kinds("行政许可\n6\n减4\n2"));
    }

    [Fact]
    public void A_bar_ending_each_cell_makes_a_lone_bar_an_empty_cell()
    {
        Assert.Equal("L E E V L V", Kinds("规章 |\n|\n|\n0 |\n行政许可 |\n5 |\n||||"));
    }

    [Fact]
    public void A_lone_bar_after_a_terminated_line_is_an_empty_cell_in_a_page_of_bars_between_cells()
    {
        // Most rows part their cells by bars (规范性文件 | 2 | 0 | 83 |); one row puts each empty cell on a line of its own.
        const string page = "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n规章 |\n|\n|\n|\n规范性文件 | 2 | 0 | 83 |\n行政许可 | 71 | -11 | 0 |";
        Assert.Equal("L L L L L E E E L V V V L V V V", Kinds(page));

        // A lone bar after a row of bars between cells is no cell.
        Assert.Equal("L V V V L V V V L V V V", Kinds("规范性文件 | 2 | 0 | 83 |\n|\n行政许可 | 71 | -11 | 0 |\n甲 | 1 | 2 | 3 |"));
    }

    [Fact]
    public void Bars_on_lines_of_their_own_separate_cells()
    {
        Assert.Equal("L V E V", Kinds("规章\n|\n0\n|\n|\n2\n|"));
    }

    [Fact]
    public void Extra_blank_lines_between_cells_are_soft_empty_cells()
    {
        Assert.Equal("L V V s s V", Kinds("一、本年新收\n\n103\n\n3\n\n\n\n107\n\n8\n"[..^3]));
    }

    [Fact]
    public void Html_tables_are_read_cell_by_cell_with_spans_unfolded()
    {
        Assert.Equal("L V E V", Kinds("<table><tr><td>规章</td><td>1</td><td></td><td>3</td></tr></table>"));
        Assert.Equal("L L V E L V", Kinds("<table><tr><td rowspan=2>行政处罚</td><td>件数</td><td>5</td></tr><tr><td>金额</td><td>6</td></tr></table>"));
    }

    [Theory]
    [InlineData("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "(二) 部分公开(区分处理的,只计这一情形,不计其他情形)")]
    [InlineData("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1、申请人无正当理由逾期不补\n正，行政机关不再处理其政府信息公开申请")]
    [InlineData("5.要求行政机关确认或重新出具已获取信息", "5. 要求行政機關確認或重新出具 已獲取信息")]
    [InlineData("结果维持", "结 果 维 持")]
    public void Label_variants_normalize_alike(string label, string variant)
    {
        Assert.Equal(LabelText.Body(label), LabelText.Body(variant));
        Assert.Equal(LabelText.NumberingTokens(label), LabelText.NumberingTokens(variant));
    }

    [Fact]
    public void Core_drops_parentheticals_and_numbering_reads_ascii_digits_only()
    {
        Assert.Equal("部分公开", LabelText.Core("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"));
        Assert.Equal(new[] { "c3", "p3", "a1" }, LabelText.NumberingTokens("三、本年度办理结果（三）不予公开1.属于国家秘密"));
        Assert.Empty(LabelText.NumberingTokens("٣. 危及“三安全一稳定”"));
    }

    [Fact]
    public void Tokens_taken_from_a_stream_are_the_takers_and_the_stream_no_longer_reads_them()
    {
        TokenStream read = Tokenizer.Read("一、本年新收政府信息公开申请数量 | 12 | 3 | 15");
        ImmutableArray<Token> before = read.Tokens;
        List<Token> taken = read.TakeTokens();
        Assert.Equal(read.Count, taken.Count);
        Assert.Equal(before, taken);
        taken.Clear();
        Assert.Equal(3, before.Count(t => t.Kind == TokenKind.Value)); // read before the take: kept as it was

        TokenStream other = Tokenizer.Read("一、本年新收政府信息公开申请数量 | 12");
        other.TakeTokens();
        Assert.Throws<System.InvalidOperationException>(() => other.Tokens);
        Assert.Throws<System.InvalidOperationException>(() => other.TakeTokens());
    }
}
