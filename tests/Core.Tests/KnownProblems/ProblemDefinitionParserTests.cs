using Piuparts.Core.KnownProblems;

namespace Piuparts.Core.Tests.KnownProblems;

public class ProblemDefinitionParserTests
{
    private const string Minimal = "PATTERN='owned by:'\nWHERE='fail bugged affected'\nISSUE=0\nHEADER='Header'\nHELPTEXT='<p>help</p>'\n";

    private static ProblemDefinition Valid(string text, string name = "x_error.conf")
    {
        var (definition, errors) = ProblemDefinitionParser.Parse(text, name);
        Assert.Empty(errors);
        return Assert.IsType<ProblemDefinition>(definition);
    }

    private static IReadOnlyList<InputError> Invalid(string text, string name = "x_error.conf")
    {
        var (definition, errors) = ProblemDefinitionParser.Parse(text, name);
        Assert.Null(definition);
        Assert.NotEmpty(errors);
        return errors;
    }

    [Fact]
    public void A_minimal_definition_has_all_its_keys()
    {
        var problem = Valid("#\n# comment before the first key\n#\n" + Minimal, "owned_files_after_purge_error.conf");

        Assert.Equal("owned_files_after_purge_error.conf", problem.Name);
        Assert.Equal("owned_files_after_purge_error", problem.ShortName);
        Assert.Equal("owned by:", problem.Pattern);
        Assert.Null(problem.ExcludePattern);
        Assert.Equal(["fail", "bugged", "affected"], problem.Where);
        Assert.Equal("0", problem.Issue);
        Assert.Equal("Header", problem.Header);
        Assert.Equal("<p>help</p>", problem.HelpText);
        Assert.Null(problem.Explain);
        Assert.Null(problem.Priority);
        Assert.False(problem.IsIssue);
    }

    [Fact]
    public void A_value_in_quotes_loses_its_first_and_last_character()
    {
        Assert.Equal("a 'b' c", Valid(Minimal + "EXPLAIN='a 'b' c'\n").Explain);
        Assert.Equal("a \"b\" c", Valid(Minimal + "EXPLAIN=\"a \"b\" c\"\n").Explain);
    }

    [Fact]
    public void An_unquoted_value_is_kept_as_written()
    {
        Assert.Equal("a 'b' c", Valid(Minimal + "EXPLAIN=a 'b' c\n").Explain);
        Assert.Equal("'unbalanced", Valid(Minimal + "EXPLAIN='unbalanced\n").Explain);
    }

    [Fact]
    public void A_multi_line_value_in_quotes_loses_only_the_outer_characters()
    {
        var problem = Valid(Minimal.Replace("HELPTEXT='<p>help</p>'", "HELPTEXT=\"\n<a href=\"x\">link</a>\n\""));

        Assert.Equal("\n<a href=\"x\">link</a>\n", problem.HelpText);
    }

    [Fact]
    public void Quote_removal_needs_a_line_starting_and_a_line_ending_with_the_quote_not_a_quoted_whole()
    {
        // One line starts with ', a later one ends with ': the first and last characters go, whatever they are.
        var problem = Valid(Minimal + "EXPLAIN=x\n'a\nb'\ny\n");

        Assert.Equal("\n'a\nb'\n", problem.Explain);
    }

    [Fact]
    public void A_comment_after_a_key_belongs_to_its_value()
    {
        var problem = Valid(Minimal.Replace("PATTERN='owned by:'\n", "PATTERN=owned by:\n# note\n\n"));

        Assert.Equal("owned by:\n# note", problem.Pattern);
    }

    [Fact]
    public void Trailing_newlines_are_stripped_from_a_value()
    {
        Assert.Equal("text", Valid(Minimal + "EXPLAIN=text\n\n\n").Explain);
    }

    [Fact]
    public void An_empty_value_is_an_empty_string()
    {
        var problem = Valid(Minimal + "EXPLAIN=\nPRIORITY=\n\n");

        Assert.Equal("", problem.Explain);
        Assert.Equal("", problem.Priority);
    }

    [Fact]
    public void A_key_must_start_its_line()
    {
        var problem = Valid(Minimal + "EXPLAIN=a\n PRIORITY=1\nlower=2\n");

        Assert.Equal("a\n PRIORITY=1\nlower=2", problem.Explain);
        Assert.Null(problem.Priority);
    }

    [Fact]
    public void Where_is_split_on_single_spaces()
    {
        var problem = Valid(Minimal.Replace("WHERE='fail bugged affected'", "WHERE='pass  fail'"));

        Assert.Equal(["pass", "", "fail"], problem.Where);
    }

    [Fact]
    public void A_repeated_key_keeps_its_last_value()
    {
        Assert.Equal("second", Valid(Minimal + "EXPLAIN=first\nEXPLAIN=second\n").Explain);
    }

    [Fact]
    public void Windows_line_ends_read_as_newlines()
    {
        var problem = Valid(Minimal.Replace("\n", "\r\n"));

        Assert.Equal("owned by:", problem.Pattern);
        Assert.Equal("<p>help</p>", problem.HelpText);
    }

    [Fact]
    public void An_unknown_key_makes_the_file_invalid_with_its_line()
    {
        var error = Assert.Single(Invalid(Minimal + "\nCOLOR=red\n", "bad.conf"));

        Assert.Equal("bad.conf", error.File);
        Assert.Equal(7, error.Line);
        Assert.Equal("COLOR", error.Key);
        Assert.Contains("unknown key", error.Message);
    }

    [Theory]
    [InlineData("WHERE")]
    [InlineData("PATTERN")]
    [InlineData("ISSUE")]
    [InlineData("HEADER")]
    [InlineData("HELPTEXT")]
    public void A_missing_required_key_makes_the_file_invalid(string key)
    {
        var text = string.Join('\n', Minimal.Split('\n').Where(l => !l.StartsWith(key + "=", StringComparison.Ordinal)));

        var error = Assert.Single(Invalid(text, "missing.conf"));

        Assert.Equal("missing.conf", error.File);
        Assert.Equal(key, error.Key);
        Assert.Contains("missing", error.Message);
    }

    [Theory]
    [InlineData("PATTERN", 1)]
    [InlineData("EXCLUDE_PATTERN", 6)]
    public void A_pattern_that_is_no_regular_expression_is_reported_with_file_and_line(string key, int line)
    {
        var text = key == "PATTERN" ? Minimal.Replace("'owned by:'", "'owned (by:'") : Minimal + "EXCLUDE_PATTERN='[a-'\n";

        var error = Assert.Single(Invalid(text, "regex.conf"));

        Assert.Equal(key, error.Key);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"regex.conf:{line}:", error.ToString());
        Assert.Contains("invalid regular expression", error.Message);
    }

    [Fact]
    public void All_problems_of_a_file_are_reported_together()
    {
        var errors = Invalid("PATTERN=(\nCOLOR=red\n");

        Assert.Equal(6, errors.Count); // unknown key, 4 missing keys, bad regex
    }

    [Fact]
    public void A_file_without_any_key_is_invalid()
    {
        Assert.Equal(5, Invalid("# only a comment\n").Count);
        Assert.Equal(5, Invalid("").Count);
    }

    [Theory]
    [InlineData("PATTERN=a", "grep -E \"a\"")]
    [InlineData("PATTERN=a\nEXCLUDE_PATTERN=b|c", "grep -E \"a\" | grep -v -E \"b|c\"")]
    public void The_command_shows_the_patterns_unescaped(string patterns, string command)
    {
        var problem = Valid(patterns + "\nWHERE=pass\nISSUE=1\nHEADER=h\nHELPTEXT=t\n");

        Assert.Equal(command, problem.Command);
    }

    [Theory]
    [InlineData("owned_files_after_purge_issue.conf", true)]
    [InlineData("owned_files_after_purge_error.conf", false)]
    [InlineData("unclassified_failures.conf", false)]
    public void Issues_are_told_from_errors_by_the_file_name(string name, bool isIssue)
    {
        Assert.Equal(isIssue, Valid(Minimal, name).IsIssue);
    }

    [Fact]
    public void Every_shipped_definition_of_Debian_parses()
    {
        const string directory = "/usr/share/piuparts/known_problems";
        if (!Directory.Exists(directory))
            Assert.Fail("piuparts-common is not installed; 'make test' installs it");

        foreach (var file in Directory.EnumerateFiles(directory, "*.conf"))
        {
            var (definition, errors) = ProblemDefinitionParser.Load(file);
            Assert.True(definition != null, $"{file}: {string.Join("; ", errors)}");
        }
    }
}
