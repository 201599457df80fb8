namespace Piuparts.Cli.Tests;

public class SiteCommandTests
{
    [Fact]
    public void Help_lists_every_verb_of_the_server_side()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var verb in new[] { "master", "slave", "reschedule", "expire", "reschedule-untestable", "release-reserved", "archive", "backup", "detect-problems", "rotate-logs", "cleanup", "report", "config", "check" })
            Assert.Matches($@"(?m)^\s+{verb}\s", run.Output);
        Assert.Contains("--config", run.Output);
    }

    [Fact]
    public void Every_verb_the_sample_crontab_runs_exists_with_its_options()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "samples", "cron", "crontab"))
            .Where(l => !l.StartsWith('#') && l.Contains("piuparts-site ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("piuparts-site ", StringComparison.Ordinal) + "piuparts-site ".Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToArray();

        Assert.Contains(lines, words => words[0] == "daily-report");
        foreach (var words in lines)
        {
            var run = CliRun.Of([.. words, "--help"]);
            Assert.True(run.ExitCode == ExitCodes.Ok, $"{string.Join(' ', words)}: {run.Error}");
        }
    }

    [Fact]
    public void An_unknown_verb_is_bad_input()
    {
        var run = CliRun.Of("frobnicate");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("frobnicate", run.Error);
    }
}
