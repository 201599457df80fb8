using System.Text;
using Piuparts.Core.KnownProblems;

namespace Piuparts.Core.Tests.KnownProblems;

public class ProblemScreenTests
{
    private const string Stamp = "0m0.0s INFO: ";
    private const string DebianDefinitions = "/usr/share/piuparts/known_problems";

    // Lines of the kinds piuparts writes, several of which Debian's definitions look for.
    private static readonly string[] Lines =
    [
        "0m5.1s DEBUG: Starting: ['apt-get', 'install', 'foo']",
        "0m9.2s ERROR: FAIL: Processes are running inside chroot",
        "dpkg: error processing package foo (--configure):",
        " installed foo package post-installation script subprocess returned error exit status 1",
        "Unpacking bar (1.0) ...",
        "trying to overwrite '/usr/share/x', which is also in package baz 1.0",
        "/etc/foo.conf owned by: foo, bar",
        "/usr/local/lib/x not owned",
        "E: Broken packages",
        "0m1.0s FAIL: Running adequate resulted in less interesting tags found: foo: broken-symlink /usr/bin/x",
        "/bin/sh: 1: frobnicate: not found",
        "WARN: Broken symlinks:",
        "0m2.0s ERROR: Command failed (status=100): ['chroot', '/tmp/x', 'dpkg', '--purge', '--pending']",
        "Setting up foo (1.0) ...",
        "The following packages have unmet dependencies:",
    ];

    private static ProblemSet Debian()
    {
        if (!Directory.Exists(DebianDefinitions))
            Assert.Fail("piuparts-common is not installed; 'make test' installs it");
        return ProblemSet.Load(DebianDefinitions);
    }

    // Every line alone, every pair of lines, all of them, and a log with none.
    private static IEnumerable<string> Logs()
    {
        yield return Stamp + "start\nSetting up foo (1.0) ...\nPASS: All tests.\n";
        foreach (var line in Lines)
            yield return Stamp + "start\n" + line + "\n";
        for (int i = 0; i < Lines.Length; i++)
            for (int j = i + 1; j < Lines.Length; j++)
                yield return Stamp + "start\n" + Lines[i] + "\n" + Lines[j] + "\n";
        yield return Stamp + "start\n" + string.Join("\n", Lines) + "\n";
    }

    private static bool[] Screen(ProblemSet set, string log)
    {
        var possible = new bool[set.Problems.Count];
        set.Screen.Screen(LogText.Decode(Encoding.UTF8.GetBytes(log)), possible);
        return possible;
    }

    [Fact]
    public void A_log_a_definition_matches_is_never_screened_out_from_it()
    {
        var set = Debian();
        int matches = 0;
        foreach (var log in Logs())
        {
            var possible = Screen(set, log);
            var text = LogText.Decode(Encoding.UTF8.GetBytes(log));
            foreach (var where in new[] { "fail", "pass" })
            {
                for (int p = 0; p < set.Problems.Count; p++)
                {
                    if (set.Problems[p].HasProblem(text, where))
                    {
                        matches++;
                        Assert.True(possible[p], $"{set.Problems[p].Name} matches but was screened out of: {log}");
                    }
                }
            }
        }
        Assert.True(matches > 100, $"only {matches} matches: the lines no longer exercise the definitions");
    }

    [Fact]
    public void A_log_without_the_strings_of_a_definition_is_screened_out_from_it()
    {
        var set = Debian();
        var possible = Screen(set, Stamp + "start\nSetting up foo (1.0) ...\nPASS: All tests.\n");

        // Debian's definitions that list required strings (all but a few) are all ruled out.
        int listed = set.Problems.Count(p => p.RequiredLiterals.Count > 0);
        Assert.True(listed >= set.Problems.Count - 5, $"only {listed} of {set.Problems.Count} definitions list strings");
        Assert.Equal(set.Problems.Count - listed, possible.Count(p => p));
    }

    [Fact]
    public void A_string_in_the_first_eight_characters_does_not_count_as_the_whole_log_check_does_not_see_it()
    {
        var set = new ProblemSet([new ProblemDefinition("p_error.conf", "owned by:", null, ["fail"], "0", "h", "t")]);

        Assert.Equal([false], Screen(set, "owned by: x\nnothing else\n"));
        Assert.Equal([true], Screen(set, "12345678owned by: x\n"));
    }

    [Fact]
    public void Every_clause_must_be_found_and_any_string_of_a_clause_will_do()
    {
        var set = new ProblemSet(
        [
            new ProblemDefinition("a_error.conf", "(FAIL|WARN): Running adequate resulted in .* ldd-failure", null, ["fail"], "0", "h", "t"),
            new ProblemDefinition("b_error.conf", @"\d+ errors", null, ["fail"], "0", "h", "t"),
        ]);

        Assert.Equal([false, true], Screen(set, Stamp + "WARN: Running adequate resulted in tags\n"));
        Assert.Equal([true, true], Screen(set, Stamp + "WARN: Running adequate resulted in x ldd-failure\n"));
        Assert.Equal([false, true], Screen(set, Stamp + "INFO: Running adequate resulted in x ldd-failure\n"));
    }
}
