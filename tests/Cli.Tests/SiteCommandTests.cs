namespace Piuparts.Cli.Tests;

public class SiteCommandTests
{
    [Fact]
    public void Help_lists_every_verb_of_the_server_side()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var verb in new[] { "master", "slave", "reschedule", "expire", "backup", "report", "config" })
            Assert.Matches($@"(?m)^\s+{verb}\s", run.Output);
        Assert.Contains("--config", run.Output);
    }

    [Theory]
    [InlineData("reschedule")]
    [InlineData("expire")]
    [InlineData("backup")]
    public void A_verb_not_built_yet_says_so_and_fails(string verb)
    {
        var run = CliRun.Of(verb, "--config", CliRun.Sample("piuparts.conf"));

        Assert.Equal(ExitCodes.NotBuilt, run.ExitCode);
        Assert.Equal($"piuparts-site {verb}: not built yet", run.Error.Trim());
    }

    [Fact]
    public void An_unknown_verb_is_bad_input()
    {
        var run = CliRun.Of("frobnicate");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("frobnicate", run.Error);
    }
}
