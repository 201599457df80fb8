using Piuparts.Differential.Tests.Harness;

namespace Piuparts.Differential.Tests.Comparison;

/// <summary>
/// Debian's master against the master under test (<see cref="MasterUnderTest"/>: piuparts-site
/// as built with these tests unless PIUPARTS_MASTER_UNDER_TEST says otherwise), on identical
/// copies: the same sessions must give the same normalized replies, leave the same files, and
/// afterwards give the same <c>_list</c> for every state, <c>status</c> and query answers
/// (<c>_state</c> of sampled packages, <c>_depends</c> and friends).
/// </summary>
public sealed class MasterComparisonTests
{
    [Theory]
    [MemberData(nameof(Scenarios.Names), MemberType = typeof(Scenarios))]
    public void The_master_under_test_answers_and_leaves_files_as_Debians_master_does(string name)
    {
        var comparison = MasterComparison.Run(Scenarios.Named(name), MasterCommand.Debian, MasterUnderTest.Command);

        comparison.AssertSame();
    }

    // protocol.md §3.8 lets a reimplementation answer "error" where piuparts dies: _state of a
    // name that is not a package of the section.
    [Fact]
    public void State_of_a_non_package_kills_Debians_master_and_is_an_error_answer_in_ours()
    {
        var script = new SessionScript("section demo", "status", "_state nosuch", "_list waiting-to-be-tested");
        using var fixture = Scenarios.Demo().Build(copies: 2);

        var debian = MasterRunner.Run(MasterCommand.Debian, fixture.Copies[0], script);
        var ours = MasterRunner.Run(MasterUnderTest.Command, fixture.Copies[1], script);

        Assert.Equal(1, debian.ExitCode);
        Assert.Equal(2, debian.Replies.Count(r => r != null));
        Assert.Equal("error", ours.Replies[2]);
        Assert.StartsWith("ok ", ours.Replies[3]);
        Assert.Equal(0, ours.ExitCode);
    }

    [Fact]
    public void A_section_locked_by_Debians_master_is_busy_for_the_master_under_test()
    {
        using var fixture = Scenarios.Demo().Build();
        var copy = fixture.Single;
        using var debian = MasterConnection.Start(MasterCommand.Debian, copy);
        Assert.Equal("ok", debian.Send("section demo"));

        var ours = MasterRunner.Run(MasterUnderTest.Command, copy, new SessionScript("section demo"));

        Assert.Equal(["busy"], ours.Replies);
        debian.Close();
    }

    [Fact]
    public void A_section_locked_by_the_master_under_test_is_busy_for_Debians_master()
    {
        using var fixture = Scenarios.Demo().Build();
        var copy = fixture.Single;
        using var ours = MasterConnection.Start(MasterUnderTest.Command, copy);
        Assert.Equal("ok", ours.Send("section demo"));

        var debian = MasterRunner.Run(MasterCommand.Debian, copy, new SessionScript("section demo"));

        Assert.Equal(["busy"], debian.Replies);
        ours.Close();
    }
}
