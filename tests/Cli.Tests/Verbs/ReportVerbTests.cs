namespace Piuparts.Cli.Tests.Verbs;

/// <summary>The report verb's own argument handling; what the report builds is tested in tests/SitePipeline.Tests.</summary>
public sealed class ReportVerbTests
{
    [Fact]
    public void A_now_that_is_no_date_is_bad_input_and_named()
    {
        var run = CliRun.Of("report", "--config", CliRun.Sample("piuparts.conf"), "--now", "yesterday");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--now 'yesterday'", run.Error);
    }

    [Fact]
    public void A_master_directory_that_does_not_exist_is_bad_input_and_named()
    {
        var config = Path.Combine(Path.GetTempPath(), $"piuparts-report-{Guid.NewGuid():N}.conf");
        File.WriteAllText(config, "[global]\nsections = sid\nmaster-directory = /nonexistent/master\n[sid]\ndistro = sid\n");
        try
        {
            var run = CliRun.Of("report", "--config", config, "--distros", config, "--now", "0");

            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.Contains("/nonexistent/master does not exist", run.Error);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Theory]
    [InlineData("1764000000", 1764000000)]
    [InlineData("2025-11-24T16:00:00Z", 1764000000)]
    public void Now_is_read_as_unix_seconds_or_iso_8601(string text, long seconds)
    {
        Assert.True(Cli.Verbs.ReportVerb.TryParseNow(text, out var now, out _));
        Assert.Equal(seconds, now.ToUnixTimeSeconds());
    }
}
