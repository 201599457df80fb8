using Piuparts.Core.KnownProblems;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.KnownProblems;

public class ProblemSetTests
{
    internal static string Definition(string pattern, string where = "fail bugged affected", string? exclude = null) =>
        $"PATTERN='{pattern}'\n" + (exclude == null ? "" : $"EXCLUDE_PATTERN='{exclude}'\n") +
        $"WHERE='{where}'\nISSUE=0\nHEADER='h'\nHELPTEXT='t'\n";

    [Fact]
    public void Definitions_are_loaded_in_ordinal_order_of_their_file_names()
    {
        using var dir = new TemporaryDirectory();
        foreach (var name in new[] { "b_error.conf", "B_error.conf", "a_issue.conf", "a_error.conf" })
            File.WriteAllText(dir.Combine(name), Definition("x"));
        File.WriteAllText(dir.Combine("README"), "not a definition");
        File.WriteAllText(dir.Combine("c_error.conf.orig"), "not a definition");

        var set = ProblemSet.Load(dir.Path);

        Assert.Equal(["B_error.conf", "a_error.conf", "a_issue.conf", "b_error.conf"], set.Problems.Select(p => p.Name));
        Assert.Empty(set.Errors);
    }

    [Fact]
    public void Invalid_definitions_are_left_out_with_their_errors()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.Combine("good_error.conf"), Definition("x"));
        File.WriteAllText(dir.Combine("nowhere_error.conf"), "PATTERN=x\nISSUE=0\nHEADER=h\nHELPTEXT=t\n");

        var set = ProblemSet.Load(dir.Path);

        Assert.Equal("good_error.conf", Assert.Single(set.Problems).Name);
        var error = Assert.Single(set.Errors);
        Assert.Equal("nowhere_error.conf", error.File);
        Assert.Equal("WHERE", error.Key);
    }

    [Fact]
    public void A_section_can_exclude_problems_by_file_name()
    {
        using var dir = new TemporaryDirectory();
        foreach (var name in new[] { "a_error.conf", "b_error.conf", "c_issue.conf" })
            File.WriteAllText(dir.Combine(name), Definition("x"));
        var set = ProblemSet.Load(dir.Path);

        var filtered = set.Without(["b_error.conf", "c_issue", "unknown.conf"]);

        Assert.Equal(["a_error.conf", "c_issue.conf"], filtered.Problems.Select(p => p.Name));
        Assert.Equal(3, set.Problems.Count);
        Assert.NotNull(set.Find("b_error.conf"));
        Assert.Null(filtered.Find("b_error.conf"));
    }

    [Fact]
    public void A_missing_directory_gives_no_problems_and_an_error()
    {
        var set = ProblemSet.Load("/nonexistent/known_problems");

        Assert.Empty(set.Problems);
        Assert.Single(set.Errors);
    }
}
