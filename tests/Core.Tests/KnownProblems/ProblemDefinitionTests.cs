using System.Text;
using Piuparts.Core.KnownProblems;

namespace Piuparts.Core.Tests.KnownProblems;

public class ProblemDefinitionTests
{
    private const string Stamp = "0m0.0s INFO: ";

    private static ProblemDefinition Problem(string pattern, string? exclude = null, string where = "fail bugged affected") =>
        new("p_error.conf", pattern, exclude, where.Split(' '), "0", "h", "t");

    private static bool Has(ProblemDefinition problem, string log, string where = "fail") =>
        problem.HasProblem(LogText.Decode(Encoding.UTF8.GetBytes(log)), where);

    [Fact]
    public void A_line_matching_the_pattern_is_a_hit()
    {
        Assert.True(Has(Problem("owned by:"), Stamp + "start\n/etc/x owned by: foo\n"));
        Assert.False(Has(Problem("owned by:"), Stamp + "start\n/etc/x not owned\n"));
    }

    [Fact]
    public void A_definition_answers_the_same_before_and_after_its_expressions_are_compiled()
    {
        var problem = Problem("owned (by|from):", exclude: ",|usr/local/");
        string[] logs =
        [
            Stamp + "\n/etc/a owned by: p, q\n/usr/local/b owned from: p\n",
            Stamp + "\n/etc/a owned by: p, q\n/etc/c owned from: p\n",
            "owned by: x\n",
            Stamp + "nothing here\n",
        ];
        var first = logs.Select(log => Has(problem, log)).ToArray();

        // Interpreted for the first CompileAfter logs, compiled from then on, on every core.
        var later = Enumerable.Range(0, ProblemDefinition.CompileAfter * 2).AsParallel()
            .Select(_ => logs.Select(log => Has(problem, log)).ToArray()).ToList();

        Assert.Equal([false, true, false, false], first);
        Assert.All(later, answers => Assert.Equal(first, answers));
    }

    [Fact]
    public void Only_the_directories_named_in_where_are_checked()
    {
        var problem = Problem("owned by:", where: "fail bugged");

        Assert.True(Has(problem, Stamp + "owned by: x", "bugged"));
        Assert.False(Has(problem, Stamp + "owned by: x", "pass"));
        Assert.False(Has(problem, Stamp + "owned by: x", "affected"));
    }

    [Fact]
    public void The_exclude_pattern_removes_single_lines_not_the_whole_log()
    {
        var problem = Problem("owned by:", exclude: ",|usr/local/");

        Assert.False(Has(problem, Stamp + "\n/etc/a owned by: p, q\n/usr/local/b owned by: p\n"));
        Assert.True(Has(problem, Stamp + "\n/etc/a owned by: p, q\n/etc/c owned by: p\n"));
    }

    [Fact]
    public void A_hit_starting_within_the_first_8_characters_is_not_seen_by_the_pre_check()
    {
        var problem = Problem("owned by:");

        Assert.False(Has(problem, "owned by: x\n"));
        Assert.False(Has(problem, "1234567owned by: x\n"));
        Assert.True(Has(problem, "12345678owned by: x\n"));
        // Once the pre-check passed, every line counts, the first one included.
        Assert.True(Has(Problem("owned"), "owned by: x\nthen owned\n"));
    }

    [Fact]
    public void A_pattern_anchored_with_a_caret_never_matches()
    {
        Assert.False(Has(Problem("^owned"), Stamp + "x\nowned by: x\n"));
    }

    [Fact]
    public void A_dollar_in_the_pre_check_matches_only_at_the_end_of_the_whole_log()
    {
        Assert.True(Has(Problem("owned$"), Stamp + "x\nowned\n"));
        Assert.False(Has(Problem("owned$"), Stamp + "x\nowned\nmore\n"));
    }

    [Fact]
    public void The_pre_check_searches_a_short_log_from_its_end()
    {
        Assert.False(Has(Problem("x"), "abcx"));
        Assert.False(Has(Problem(""), ""));
    }

    [Fact]
    public void A_lookbehind_in_the_pre_check_sees_the_characters_before_offset_8()
    {
        Assert.True(Has(Problem("(?<=12345678)owned"), "12345678owned\n"));
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    [InlineData("\v")]
    [InlineData("\f")]
    [InlineData("\u001c")]
    public void Lines_are_split_at_every_python_line_separator(string separator)
    {
        // The exclude pattern sits on the neighbouring line: only a split keeps the hit.
        var problem = Problem("owned by:", exclude: "usr/local");

        Assert.True(Has(problem, Stamp + "usr/local" + separator + "/etc/x owned by: p\n"));
    }

    [Fact]
    public void Carriage_returns_count_as_newlines_for_the_offset_of_the_pre_check()
    {
        // Four "\r\n" read as four characters, so the hit starts at offset 4, not 8.
        Assert.False(Has(Problem("owned"), "\r\n\r\n\r\n\r\nowned\n"));
        Assert.True(Has(Problem("owned"), "\n\n\n\n\n\n\n\nowned\n"));
    }

    [Fact]
    public void Invalid_utf8_bytes_are_matched_as_backslash_escapes()
    {
        var log = Encoding.UTF8.GetBytes(Stamp + "caf").Concat(new byte[] { 0xe9, (byte)'\n' }).ToArray();
        var text = LogText.Decode(log);

        Assert.True(Problem(@"caf\\xe9$").HasProblem(text, "fail"));
        Assert.False(Problem("café").HasProblem(text, "fail"));
    }

    [Fact]
    public void A_dot_does_not_match_a_newline()
    {
        Assert.False(Has(Problem("a.b"), Stamp + "a\nb\n"));
    }
}
