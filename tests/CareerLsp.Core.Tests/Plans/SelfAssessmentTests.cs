using CareerLsp.Core.Domain.Plans;

namespace CareerLsp.Core.Tests.Plans;

/// <summary>The ratings the editor's self-assessment writes, read back for the report.</summary>
public sealed class SelfAssessmentTests
{
    [Theory]
    [InlineData("2026-W47.md", "2026-W47")]
    [InlineData("2020-w53.md", "2020-W53")]
    [InlineData("2026-W54.md", null)]
    [InlineData("notes.md", null)]
    [InlineData("2026-W4.md", null)]
    public void The_week_comes_from_the_file_name(string file, string? week) => Assert.Equal(week, SelfAssessment.WeekOf(file));

    [Fact]
    public void Ratings_are_read_under_the_self_assessment_heading_only()
    {
        const string text = """
            ## Week 2 Goals
            - [ ] Read: 3/10 of the book

            ## Self-assessment
            - Did I read docs BEFORE implementing?: 8/10
            - Did I test BEFORE committing?: 10/10
            - Did I question assumptions? (Target: 8/10)
            Some prose: 4/10
            - Not rated yet:

            ## Notes
            - 2/10 would not recommend
            """;
        Assert.Equal([8, 10, 8], SelfAssessment.Ratings(text));
        Assert.Equal(8.67, new WeekRatings("2026-W02", SelfAssessment.Ratings(text)).Average, 2);
        Assert.Empty(SelfAssessment.Ratings("# Self assessment\n- 11/10\n- 0/10\n- 1.5/10\n"));
    }
}
