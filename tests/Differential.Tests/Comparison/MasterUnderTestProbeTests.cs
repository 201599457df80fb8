using Piuparts.Differential.Tests.Harness;

namespace Piuparts.Differential.Tests.Comparison;

/// <summary>The switch that decides whether the comparison runs: only "not built yet" skips it.</summary>
public sealed class MasterUnderTestProbeTests
{
    [Fact]
    public void A_master_that_says_it_is_not_built_yet_gives_a_skip_reason()
    {
        var placeholder = Shell("placeholder", "echo 'piuparts-site master: not built yet' >&2; exit 3");

        var reason = MasterUnderTest.NotBuiltReason(placeholder);

        Assert.NotNull(reason);
        Assert.Contains("not built yet", reason);
    }

    [Fact]
    public void Debians_master_and_a_master_that_crashes_are_never_skipped()
    {
        Assert.Null(MasterUnderTest.NotBuiltReason(MasterCommand.Debian));
        Assert.Null(MasterUnderTest.NotBuiltReason(Shell("crash", "echo oops >&2; exit 3")));
        Assert.Null(MasterUnderTest.NotBuiltReason(MasterCommand.FromArgv("missing", ["/nonexistent/piuparts-site", "master"])));
    }

    [Fact]
    public void The_skip_reason_is_what_the_master_under_test_answers_today()
    {
        Assert.Equal(MasterUnderTest.NotBuiltReason(MasterUnderTest.Command), MasterUnderTest.SkipReason);
    }

    private static MasterCommand Shell(string name, string script) => MasterCommand.FromArgv(name, ["/bin/sh", "-c", script, "{config}"]);
}
