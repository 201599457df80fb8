using Piuparts.Core.KnownProblems;

namespace Piuparts.Core.Tests.KnownProblems;

public class RequiredLiteralsTests
{
    private static string[][] Of(string pattern) => [.. RequiredLiterals.Of(pattern)];

    [Fact]
    public void A_plain_pattern_requires_itself()
    {
        Assert.Equal([["owned by:"]], Of("owned by:"));
    }

    [Fact]
    public void Branches_of_an_alternation_make_one_clause_of_which_any_string_will_do()
    {
        Assert.Equal([["command not found", ": not found"]], Of("command not found|: not found"));
    }

    [Fact]
    public void Every_part_of_a_sequence_that_must_occur_is_a_clause()
    {
        Assert.Equal(
            [["FAIL", "WARN"], [": Running adequate resulted in "], [" ldd-failure"]],
            Of("(FAIL|WARN): Running adequate resulted in .* ldd-failure"));
    }

    [Fact]
    public void Optional_parts_and_short_runs_require_nothing()
    {
        Assert.Equal(
            [["pre", "post"], ["installation", "removal"], [" script"], [" returned error"]],
            Of("(pre|post)-(installation|removal) script( subprocess)? returned error"));
        Assert.Equal([["colo"]], Of("colou?r"));
        Assert.Equal([["abb"], ["bcd"]], Of("abb+cd"));
        Assert.Empty(Of("ab"));
    }

    [Fact]
    public void An_escaped_punctuation_character_is_itself()
    {
        Assert.Equal(
            [["(WARN|FAIL): File(s) moved between /"], [" and /usr/"]],
            Of(@"\(WARN\|FAIL\): File\(s\) moved between /.* and /usr/.*:"));
        Assert.Equal([["/etc/logrotate.d/"]], Of(@"/etc/logrotate\.d/.*"));
    }

    [Fact]
    public void A_branch_that_may_be_empty_makes_its_alternation_require_nothing()
    {
        Assert.Equal([["def"]], Of("(abc|)def"));
    }

    [Theory]
    [InlineData(@"\d+ errors found")]
    [InlineData("(?i)error found")]
    [InlineData("(?<name>error) found")]
    [InlineData("error{2} found")]
    [InlineData("[[:space:]]error found")]
    [InlineData("error found[")]
    [InlineData("(error found")]
    [InlineData("error) found")]
    public void A_construct_it_does_not_know_makes_the_pattern_require_nothing(string pattern)
    {
        Assert.Empty(Of(pattern));
    }

    [Fact]
    public void Character_classes_and_dots_end_a_run_without_requiring_anything()
    {
        Assert.Equal(
            [["ERROR: Command failed "], ["dpkg"], ["--purge"]],
            Of("ERROR: Command failed [^]x]*.dpkg., .--purge."));
    }
}
