using Reports.Core.Cells;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>How a place in the source is written in messages and logs, and which of two places comes later.</summary>
public sealed class SourceSpanTests
{
    [Fact]
    public void A_known_place_is_written_as_line_colon_column_and_an_unknown_one_as_a_question_mark()
    {
        Assert.Equal("12:5", new SourceSpan(12, 5, 3).ToString());
        Assert.Equal("1:1", SourceSpan.ForLine(1).ToString());
        Assert.Equal("?", default(SourceSpan).ToString());
        Assert.Equal("?", new SourceSpan(0, 7, 2).ToString()); // line 0 is no line: the column alone says nothing
    }

    [Fact]
    public void The_later_of_two_places_is_the_one_on_the_later_line_and_on_one_line_the_first_given()
    {
        var early = new SourceSpan(3, 9, 1);
        var late = new SourceSpan(5, 1, 1);
        Assert.Equal(late, SourceSpan.Max(early, late));
        Assert.Equal(late, SourceSpan.Max(late, early));

        // Only lines are compared: of two places on one line, the first argument is kept.
        var sameLine = new SourceSpan(3, 1, 4);
        Assert.Equal(early, SourceSpan.Max(early, sameLine));
        Assert.Equal(sameLine, SourceSpan.Max(sameLine, early));
    }
}
