using Piuparts.Core.KnownProblems;

namespace Piuparts.Core.Tests.KnownProblems;

public class KprFileTests
{
    [Fact]
    public void Each_hit_is_a_line_with_the_log_path_and_the_problem_name()
    {
        var text = KprFile.Format("fail", "xorg-docs_1:1.6-1", ["broken_symlinks_error.conf", "owned_files_after_purge_error.conf"]);

        Assert.Equal("fail/xorg-docs_1:1.6-1.log broken_symlinks_error.conf\nfail/xorg-docs_1:1.6-1.log owned_files_after_purge_error.conf\n", text);
    }

    [Fact]
    public void A_passing_log_without_hits_has_an_empty_report()
    {
        Assert.Equal("", KprFile.Format("pass", "a_1", []));
    }

    [Theory]
    [InlineData("fail")]
    [InlineData("bugged")]
    [InlineData("affected")]
    [InlineData("untestable")]
    public void Any_other_log_without_hits_is_an_unclassified_failure(string where)
    {
        Assert.Equal($"{where}/a_1.log unclassified_failures.conf\n", KprFile.Format(where, "a_1", []));
    }

    [Fact]
    public void A_line_parses_into_where_and_the_problem_after_the_last_space()
    {
        Assert.True(KprLine.TryParse("bugged/a b_1.log x_error.conf", "a b_1", out var line));

        Assert.Equal(new KprLine("bugged", "x_error.conf", "a b_1"), line);
    }

    [Theory]
    [InlineData("fail/a_1.log p.conf", "fail", "p.conf")]
    [InlineData("fail/a_1.log p.conf ", "fail", "p.conf ")]
    [InlineData("fail/x/a_1.log p", "fail", "p")]
    public void The_report_rule_decides_the_fields(string text, string where, string problem)
    {
        Assert.True(KprLine.TryParse(text, "a_1", out var line));

        Assert.Equal((where, problem), (line.Where, line.Problem));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Fail/a_1.log p.conf")]
    [InlineData("fail/a_1.log")]
    [InlineData("/a_1.log p.conf")]
    public void A_line_of_another_shape_does_not_parse(string text)
    {
        Assert.False(KprLine.TryParse(text, "a_1", out _));
    }

    [Fact]
    public void A_file_parses_line_by_line_and_reports_bad_lines_with_their_number()
    {
        var (lines, errors) = KprFile.Parse("fail/a_1.log p.conf\nnonsense\nfail/a_1.log q.conf", "a_1", "fail/a_1.kpr");

        Assert.Equal(["p.conf", "q.conf"], lines.Select(l => l.Problem));
        var error = Assert.Single(errors);
        Assert.Equal(("fail/a_1.kpr", 2), (error.File, error.Line));
    }

    [Fact]
    public void An_empty_file_has_no_lines()
    {
        var (lines, errors) = KprFile.Parse("", "a_1", "pass/a_1.kpr");

        Assert.Empty(lines);
        Assert.Empty(errors);
    }
}
