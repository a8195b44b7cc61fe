using System;
using System.Globalization;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Reports.Core.Cells;
using Reports.Core.Schema;
using Reports.Core.Tests.Support;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// The laws of reading a published number: every way agencies write an integer reads back as that integer, and a
/// number that breaks the rules (groups of two, a stray letter, too many decimals) stays text for validation to report.
/// </summary>
public sealed class CellParserProperties
{
    private const string Pads = " \u3000\u00A0\u200B\uFEFF\t";

    // How one integer may be written: digit set, sign, thousands separator and padding on either side.
    private sealed record Written(long Value, bool FullWidth, int Sign, char? Separator, string Before, string After, string Unit)
    {
        public string Text()
        {
            string digits = Math.Abs(Value).ToString(CultureInfo.InvariantCulture);
            if (Separator is char separator)
            {
                var grouped = new StringBuilder();
                for (int i = 0; i < digits.Length; i++)
                {
                    if (i > 0 && (digits.Length - i) % 3 == 0)
                    {
                        grouped.Append(separator);
                    }

                    grouped.Append(digits[i]);
                }

                digits = grouped.ToString();
            }

            if (FullWidth)
            {
                digits = new string(digits.Select(c => c is >= '0' and <= '9' ? (char)('０' + (c - '0')) : c).ToArray());
            }

            string sign = Value < 0 ? "-−－"[Sign % 3].ToString() : Sign % 2 == 0 ? string.Empty : "+＋"[Sign % 4 / 2].ToString();
            return Before + sign + digits + Unit + After;
        }
    }

    private static readonly Gen<string> Padding =
        Gen.Elements(Pads.ToCharArray()).ArrayOf().Select(cs => new string(cs.Take(3).ToArray()));

    private static readonly Gen<long> AnyMagnitude = Gen.OneOf(
        Gen.Choose(0, 9999).Select(i => (long)i),
        Gen.Choose(0, int.MaxValue).Select(i => (long)i),
        Gen.Choose(0, int.MaxValue).SelectMany(hi => Gen.Choose(0, int.MaxValue).Select(lo => ((long)hi << 31) | (uint)lo)));

    private static readonly Gen<Written> AnyWritten =
        from magnitude in AnyMagnitude
        from negative in Gen.Elements(false, true)
        from fullWidth in Gen.Elements(false, true)
        from sign in Gen.Choose(0, 11)
        from separator in Gen.Elements<char?>(null, ',', '，')
        from before in Padding
        from after in Padding
        from unit in Gen.Elements(string.Empty, "件", "项", "个", "起", "宗")
        select new Written(negative ? -magnitude : magnitude, fullWidth, sign, separator, before, after, unit);

    [Fact]
    public void Every_integer_written_in_any_accepted_form_parses_to_itself()
    {
        Prop.ForAll(AnyWritten.ToArbitrary(), w =>
        {
            string text = w.Text();
            Cell cell = CellParser.Parse(text, 0, default, out string? unit);
            return cell.State == CellState.Number && cell.Value == w.Value && cell.Raw == text && unit == (w.Unit.Length == 0 ? null : w.Unit);
        }).Check(PropertyConfig.Default);
    }

    [Fact]
    public void Every_amount_with_at_most_scale_decimals_reads_as_its_scaled_integer()
    {
        Gen<(long Units, int Scale, int Written, long Fraction)> amounts =
            from units in Gen.Choose(0, 99_999_999).Select(i => (long)i)
            from scale in Gen.Choose(1, 4)
            from written in Gen.Choose(1, scale)
            from fraction in Gen.Choose(0, (int)Pow10(written) - 1).Select(f => (long)f)
            select (units, scale, written, fraction);
        Prop.ForAll(amounts.ToArbitrary(), a =>
        {
            string text = a.Units.ToString(CultureInfo.InvariantCulture) + "." + a.Fraction.ToString(CultureInfo.InvariantCulture).PadLeft(a.Written, '0') + "万元";
            Cell cell = CellParser.Parse(text, a.Scale);
            long expected = (a.Units * Pow10(a.Scale)) + (a.Fraction * Pow10(a.Scale - a.Written));
            return cell.State == CellState.Number && cell.Value == expected && cell.Scale == a.Scale;
        }).Check(PropertyConfig.Default);
    }

    [Fact]
    public void A_number_with_a_character_that_is_no_digit_sign_or_separator_inside_it_is_text()
    {
        Gen<(long Value, int At, char Stray)> broken =
            from value in Gen.Choose(10, int.MaxValue).Select(i => (long)i)
            from at in Gen.Choose(1, 9)
            from stray in Gen.Elements('a', 'O', 'l', '零', '〇', '#', '%', '元', '-', '+', ':', 'e')
            select (value, at, stray);
        Prop.ForAll(broken.ToArbitrary(), b =>
        {
            string digits = b.Value.ToString(CultureInfo.InvariantCulture);
            string text = digits.Insert(Math.Min(b.At, digits.Length - 1), b.Stray.ToString());
            Cell cell = CellParser.Parse(text);
            return cell.State == CellState.Text && cell.Raw == text;
        }).Check(PropertyConfig.Default);
    }

    [Fact]
    public void Digits_grouped_other_than_in_threes_are_text()
    {
        Gen<string> badlyGrouped =
            from head in Gen.Choose(1, 999)
            from count in Gen.Choose(1, 3)
            from sizes in Gen.Elements(1, 2, 3, 4, 5).Three()
            let groups = new[] { sizes.Item1, sizes.Item2, sizes.Item3 }.Take(count).ToArray()
            where groups.Any(n => n != 3)
            from separator in Gen.Elements(",", "，")
            select head.ToString(CultureInfo.InvariantCulture) + string.Concat(groups.Select(n => separator + new string('7', n)));
        Prop.ForAll(badlyGrouped.ToArbitrary(), text => CellParser.Parse(text).State == CellState.Text).Check(PropertyConfig.Default);
    }

    [Theory]
    [InlineData("1,234", 1234L)]
    [InlineData("12,345,678", 12345678L)]
    [InlineData("123,456.5", 1234565L)]
    [InlineData("１２，３４５", 12345L)]
    [InlineData("9,223,372,036,854,775,807", long.MaxValue)]
    [InlineData("-9,223,372,036,854,775,807", -long.MaxValue)]
    [InlineData("+ 12", 12L)]
    [InlineData("0012", 12L)]
    public void Grouped_and_padded_integers_read_at_the_right_magnitude(string text, long expected)
    {
        int scale = text.Contains('.') ? 1 : 0;
        Cell cell = CellParser.Parse(text, scale);
        Assert.Equal(CellState.Number, cell.State);
        Assert.Equal(expected, cell.Value);
    }

    [Theory]
    [InlineData("1,2")]       // a group of one
    [InlineData("1234,567")]  // four digits before the first separator
    [InlineData(",123")]      // a separator before any digit
    [InlineData("1,234,")]    // a separator at the end
    [InlineData("12,34.5")]   // a decimal point after a short group
    [InlineData("1.234,5")]   // a separator in the decimals
    [InlineData(".5")]        // no digit before the point
    [InlineData("1..5")]
    [InlineData("+")]
    [InlineData("-+3")]
    [InlineData("1 2")]       // a space between digits
    [InlineData("3元")]       // a money unit in a count
    [InlineData("件")]        // a unit with no number
    public void Malformed_numbers_stay_text(string text)
    {
        Cell cell = CellParser.Parse(text, text.Contains('.') ? 1 : 0);
        Assert.Equal(CellState.Text, cell.State);
        Assert.Equal(text, cell.Raw);
    }

    [Fact]
    public void Decimals_beyond_the_scale_are_accepted_only_when_they_are_zero()
    {
        Assert.Equal(1230L, CellParser.Parse("12.300", 2).Value);
        Assert.Equal(CellState.Number, CellParser.Parse("12.300", 2).State);
        Assert.Equal(CellState.Text, CellParser.Parse("12.301", 2).State);
        Assert.Equal(CellState.Text, CellParser.Parse("1.5").State);
        Assert.Equal((CellState.Number, 1L), (CellParser.Parse("1.0").State, CellParser.Parse("1.0").Value));
        Assert.Equal(500L, CellParser.Parse("5", 2).Value);
        Assert.Equal(550L, CellParser.Parse("5.5", 2).Value);
        Assert.Equal(505L, CellParser.Parse("5.05", 2).Value);
    }

    [Fact]
    public void The_largest_64_bit_magnitude_reads_and_one_more_is_out_of_range()
    {
        Assert.True(CellParser.TryParseScaled("9223372036854775807", 0, out long max));
        Assert.Equal(long.MaxValue, max);
        Assert.True(CellParser.TryParseScaled("9223372036854775799", 0, out long nearMax)); // the last step with a digit below the limit's
        Assert.Equal(long.MaxValue - 8, nearMax);
        Assert.False(CellParser.TryParseScaled("9223372036854775808", 0, out long none));
        Assert.Equal(0L, none);
        Assert.True(CellParser.IsOutOfRangeNumber("9223372036854775808", 0));
        Assert.True(CellParser.IsOutOfRangeNumber(" 99,999,999,999,999,999,999 件", 0));
        Assert.False(CellParser.IsOutOfRangeNumber("9223372036854775807", 0));
        Assert.False(CellParser.IsOutOfRangeNumber("12a", 0));
        Assert.False(CellParser.IsOutOfRangeNumber(null, 0));
    }

    [Fact]
    public void Scaling_a_number_that_then_no_longer_fits_is_out_of_range()
    {
        // 922337203685477580 × 10 fits, × 100 does not.
        Assert.True(CellParser.TryParseScaled("922337203685477580", 1, out long tenfold));
        Assert.Equal(9223372036854775800L, tenfold);
        Assert.False(CellParser.TryParseScaled("922337203685477580", 2, out _));
        Assert.True(CellParser.IsOutOfRangeNumber("922337203685477580", 2));
        Assert.True(CellParser.TryParseScaled("92233720368547758.0", 2, out long withDecimal)); // a written decimal is one step less
        Assert.Equal(9223372036854775800L, withDecimal);
        Assert.False(CellParser.TryParseScaled("92233720368547758.5", 2, out _));
    }

    [Fact]
    public void A_json_number_with_an_exponent_too_large_to_hold_is_out_of_range_and_a_small_one_is_not()
    {
        Assert.True(CellParser.IsOutOfRangeNumber("1e30", 0));
        Assert.True(CellParser.IsOutOfRangeNumber("1E30万元", 2));
        Assert.False(CellParser.IsOutOfRangeNumber("1e3", 0));
        Assert.False(CellParser.IsOutOfRangeNumber("１e30", 0)); // not ASCII: not a JSON number
        Assert.False(CellParser.IsOutOfRangeNumber("e", 0));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("／")]
    [InlineData("—")]
    [InlineData("——")]
    [InlineData("-")]
    [InlineData("－")]
    [InlineData("–")]
    [InlineData("─")]
    [InlineData("\\")]
    [InlineData("_")]
    [InlineData("＿")]
    [InlineData("\u3000/\u00A0")]
    public void Not_applicable_markers_are_read_as_such_padded_or_not(string text)
    {
        Cell cell = CellParser.Parse(text);
        Assert.Equal(CellState.NotApplicable, cell.State);
        Assert.Equal(text, cell.Raw);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u3000")]
    [InlineData(" \u00A0\u200B\uFEFF\t")]
    public void Padding_alone_is_a_blank_cell_and_null_is_missing(string text)
    {
        Assert.Equal(CellState.Blank, CellParser.Parse(text).State);
        Assert.Equal(text, CellParser.Parse(text).Raw);
        Assert.Equal(CellState.Missing, CellParser.Parse(null).State);
    }

    [Fact]
    public void Trim_removes_padding_from_both_ends_only()
    {
        Assert.Equal("1 2", CellParser.Trim("\u3000\u00A0 1 2\u200B\uFEFF\t".AsSpan()).ToString());
        Assert.Equal(string.Empty, CellParser.Trim("\u3000".AsSpan()).ToString());
    }

    [Fact]
    public void A_unit_is_returned_and_must_fit_the_kind_of_cell()
    {
        Cell money = CellParser.Parse("12.5 万元", 2, default, out string? moneyUnit);
        Assert.Equal((CellState.Number, 1250L, "万元"), (money.State, money.Value, moneyUnit));
        Cell yuan = CellParser.Parse("12元", 2, default, out string? yuanUnit);
        Assert.Equal((CellState.Number, 1200L, "元"), (yuan.State, yuan.Value, yuanUnit));
        Assert.Equal(CellState.Text, CellParser.Parse("12件", 2).State);
        Cell count = CellParser.Parse("7 件", 0, default, out string? countUnit);
        Assert.Equal((CellState.Number, 7L, "件"), (count.State, count.Value, countUnit));
        Assert.Equal(CellState.Text, CellParser.Parse("元", 2).State);
    }

    [Theory]
    [InlineData("件", 0)]
    [InlineData("　元 ", 2)]
    public void A_unit_alone_is_text_and_no_unit_is_reported(string text, int scale)
    {
        // A unit needs a number before it: the cell is unreadable as written, not an empty number in that unit.
        Cell cell = CellParser.Parse(text, scale, default, out string? unit);
        Assert.Equal((CellState.Text, text), (cell.State, cell.Raw));
        Assert.Null(unit);
    }

    [Theory]
    [InlineData("Ｏ")]      // U+FF2F, full-width O, read for 0 by OCR
    [InlineData("１Ｏ")]
    [InlineData("ｌ２")]    // U+FF4C, full-width l, read for 1
    [InlineData("１：")]    // U+FF1A, the code point right after ９
    [InlineData("～３")]
    public void Full_width_letters_and_signs_past_the_full_width_digits_are_not_digits(string text)
    {
        Assert.False(CellParser.TryParseScaled(text, 0, out long value));
        Assert.Equal(0L, value);
        Assert.Equal(CellState.Text, CellParser.Parse(text).State);
        Assert.Equal(CellState.Text, CellParser.Parse(text + "件").State);
    }

    [Theory]
    [InlineData("1.,5")]
    [InlineData("1.,")]
    [InlineData("1,234.,5")]
    [InlineData("1.5,0")]
    public void A_thousands_separator_after_the_decimal_point_makes_text(string text)
    {
        Assert.False(CellParser.TryParseScaled(text, 2, out _));
        Assert.Equal(CellState.Text, CellParser.Parse(text, 2).State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData("－ ")]
    public void No_digits_after_an_optional_sign_is_no_number(string text)
    {
        Assert.False(CellParser.TryParseScaled(text, 0, out _));
        Assert.False(CellParser.TryParseScaled(text, 2, out _));
        Assert.False(CellParser.IsOutOfRangeNumber(text, 0));
    }

    [Fact]
    public void Padding_written_as_text_is_not_an_out_of_range_number()
    {
        // A cell made as text of padding alone (Cell.Text("  ")) reaches the out-of-range test with nothing left.
        Assert.False(CellParser.IsOutOfRangeNumber("\u3000 ", 0));
        Assert.False(CellParser.IsOutOfRangeNumber("件", 0));
    }

    [Fact]
    public void Parsing_for_a_cell_requires_the_cell()
    {
        var e = Assert.Throws<ArgumentNullException>(() => CellParser.Parse("1", (CellInfo)null!, default, out _));
        Assert.Equal("cell", e.ParamName);
    }

    private static long Pow10(int n)
    {
        long p = 1;
        for (int i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }
}
