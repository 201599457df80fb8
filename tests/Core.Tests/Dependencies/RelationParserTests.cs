using Piuparts.Core.Dependencies;

namespace Piuparts.Core.Tests.Dependencies;

public class RelationParserTests
{
    private static IReadOnlyList<RelationGroup> Groups(string text)
    {
        var result = RelationParser.Parse(text);
        Assert.True(result.Succeeded, result.Describe("Depends", text));
        return result.Groups;
    }

    [Fact]
    public void Groups_are_split_on_commas_and_alternatives_on_bars()
    {
        var groups = Groups("libc6 (>= 2.34), debconf (>= 0.5) | debconf-2.0, perl:any");

        Assert.Equal([["libc6"], ["debconf", "debconf-2.0"], ["perl"]], groups.Select(g => g.Alternatives.Select(r => r.Name)));
        Assert.Equal((">=", "2.34"), (groups[0].First.Operator, groups[0].First.Version));
        Assert.Equal("any", groups[2].First.ArchQualifier);
    }

    [Fact]
    public void An_empty_field_has_no_groups()
    {
        Assert.Empty(Groups(""));
        Assert.Empty(Groups("  \n "));
    }

    [Fact]
    public void Continuation_lines_are_plain_white_space()
    {
        var groups = Groups("aa,\n bb (<< 2:1.0~rc1-1),\n\tcc");

        Assert.Equal(["aa", "bb", "cc"], groups.Select(g => g.First.Name));
        Assert.Equal("2:1.0~rc1-1", groups[1].First.Version);
    }

    [Fact]
    public void One_trailing_comma_and_a_trailing_bar_are_tolerated_as_in_piuparts()
    {
        Assert.Equal(2, Groups("aa, bb,").Count);
        Assert.Equal(["aa"], Groups("aa |").Single().Alternatives.Select(r => r.Name));
    }

    [Fact]
    public void All_operators_are_recognised_including_the_obsolete_ones()
    {
        var groups = Groups("a1 (<< 1), a2 (<= 1), a3 (= 1), a4 (>= 1), a5 (>> 1), a6 (< 1), a7 (> 1), a8(>=1)");

        Assert.Equal(["<<", "<=", "=", ">=", ">>", "<", ">", ">="], groups.Select(g => g.First.Operator));
    }

    [Fact]
    public void Architecture_restrictions_and_build_profiles_are_kept_where_piuparts_would_crash()
    {
        var relation = Groups("debhelper-compat (= 13), libfoo-dev [amd64 !i386] <!nocheck> <stage1 cross>")[1].First;

        Assert.Equal("amd64 !i386", relation.Architectures);
        Assert.Equal(["!nocheck", "stage1 cross"], relation.Profiles);
        Assert.Equal("libfoo-dev [amd64 !i386] <!nocheck> <stage1 cross>", relation.ToString());
    }

    [Theory]
    [InlineData("foo bar", 4, "expected ',' or the end")]
    [InlineData("a", 0, "shorter than two characters")]
    [InlineData("aa, , bb", 4, "empty entry between commas")]
    [InlineData(", aa", 0, "empty entry before ','")]
    [InlineData("foo:", 4, "empty architecture qualifier")]
    [InlineData("foo (>= )", 8, "missing version")]
    [InlineData("foo (~ 1)", 5, "expected a version operator")]
    [InlineData("foo (>= 1", 9, "expected ')'")]
    [InlineData("foo [amd64", 5, "not closed")]
    [InlineData("${shlibs:Depends}", 0, "cannot start with '$'")]
    public void Malformed_fields_give_the_first_error_and_its_column(string text, int column, string message)
    {
        var result = RelationParser.Parse(text);

        Assert.False(result.Succeeded);
        Assert.Equal(column, result.ErrorColumn);
        Assert.Contains(message, result.Error);
        Assert.Contains($"column {column + 1} of '{text}'", result.Describe("Depends", text));
    }
}
