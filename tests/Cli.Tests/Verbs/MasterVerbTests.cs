namespace Piuparts.Cli.Tests.Verbs;

public sealed class MasterVerbTests
{
    [Fact]
    public void Help_gives_the_limits_on_logs_and_command_lines()
    {
        var run = CliRun.Of("master", "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("a submitted log of at most 64 MiB, a command line of at most 64 KiB", run.Output);
        Assert.Contains("ends the connection without a reply", run.Output);
    }
}
