namespace Piuparts.Cli.Tests;

public class SiteCommandTests
{
    [Fact]
    public void Help_lists_every_verb_of_the_server_side()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var verb in new[] { "master", "slave", "reschedule", "expire", "reschedule-untestable", "release-reserved", "archive", "backup", "detect-problems", "rotate-logs", "cleanup", "report", "config" })
            Assert.Matches($@"(?m)^\s+{verb}\s", run.Output);
        Assert.Contains("--config", run.Output);
    }

    [Fact]
    public void An_unknown_verb_is_bad_input()
    {
        var run = CliRun.Of("frobnicate");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("frobnicate", run.Error);
    }
}
