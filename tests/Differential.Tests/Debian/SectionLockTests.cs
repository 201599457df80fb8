using Piuparts.Differential.Tests.Harness;

namespace Piuparts.Differential.Tests.Debian;

/// <summary>The section lock of protocol.md §3.1, with two of Debian's masters at once.</summary>
public sealed class SectionLockTests
{
    [Fact]
    public void A_second_master_on_a_locked_section_answers_busy_and_can_still_take_another_section()
    {
        using var fixture = Scenarios.Demo().Section("other", "demo").Build();
        var copy = fixture.Single;
        using var first = MasterConnection.Start(MasterCommand.Debian, copy);
        Assert.Equal("ok", first.Send("section demo"));

        var second = MasterRunner.Run(MasterCommand.Debian, copy, new SessionScript("section demo", "section demo", "section other", "idle"));

        Assert.Equal(["busy", "busy", "ok", "ok 0"], second.Replies);
        Assert.Equal(0, second.ExitCode);
        Assert.True(first.Alive);
        Assert.Equal(0, first.Close().ExitCode);
    }

    [Fact]
    public void After_busy_only_another_section_command_is_accepted()
    {
        using var fixture = Scenarios.Demo().Build();
        var copy = fixture.Single;
        using var first = MasterConnection.Start(MasterCommand.Debian, copy);
        Assert.Equal("ok", first.Send("section demo"));

        var second = MasterRunner.Run(MasterCommand.Debian, copy, new SessionScript("section demo", "idle"));

        Assert.Equal("busy", second.Replies[0]);
        Assert.Equal(ReplyOutcome.EndOfOutput, second.Exchanges[1].Outcome);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("Expected 'section' command", second.StandardError);
        first.Close();
    }

    [Fact]
    public void The_lock_is_free_again_once_the_first_master_has_exited()
    {
        using var fixture = Scenarios.Demo().Build();
        var copy = fixture.Single;
        using (var first = MasterConnection.Start(MasterCommand.Debian, copy))
        {
            Assert.Equal("ok", first.Send("section demo"));
            Assert.Equal(0, first.Close().ExitCode);
        }

        var second = MasterRunner.Run(MasterCommand.Debian, copy, new SessionScript("section demo"));

        Assert.Equal(["ok"], second.Replies);
    }
}
