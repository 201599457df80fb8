using System.Globalization;
using System.Security.Cryptography;
using Piuparts.Differential.Tests.Harness;

namespace Piuparts.Differential.Tests.HarnessTests;

/// <summary>The runner: scripted sessions, masters that die, hang or never greet, and a host left alone.</summary>
public sealed class MasterRunnerTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_master_that_dies_mid_session_is_recorded_with_no_reply_and_the_rest_not_sent()
    {
        using var fixture = Scenarios.Demo().Build();

        var transcript = MasterRunner.Run(MasterCommand.Debian, fixture.Single, new SessionScript("section demo", "frobnicate", "status"));

        Assert.Equal(
            [ReplyOutcome.Answered, ReplyOutcome.EndOfOutput, ReplyOutcome.NotSent],
            transcript.Exchanges.Select(e => e.Outcome));
        Assert.Equal(1, transcript.ExitCode);
        Assert.Contains("Unknown command frobnicate", transcript.StandardError);
        Assert.Equal("(no reply: the master closed its output)", transcript.Exchanges[1].ReplyLine);
    }

    [Fact]
    public void A_master_that_stops_answering_is_given_up_after_the_reply_timeout_and_its_process_tree_killed()
    {
        using var fixture = Scenarios.Demo().Build();
        // Answers the first command with the process id of a child, then never again.
        var silent = Shell("silent", "echo hello; read line; sleep 300 & echo $!; wait");

        var transcript = MasterRunner.Run(silent, fixture.Single, new SessionScript("section demo", "idle", "status"), Short, Short);

        Assert.Equal([ReplyOutcome.Answered, ReplyOutcome.TimedOut, ReplyOutcome.NotSent], transcript.Exchanges.Select(e => e.Outcome));
        Assert.Null(transcript.ExitCode);
        Assert.InRange(transcript.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        var child = int.Parse(transcript.Replies[0]!, CultureInfo.InvariantCulture);
        Assert.True(SpinWait.SpinUntil(() => !IsRunning(child), TimeSpan.FromSeconds(10)), $"process {child} outlived the session");
    }

    [Fact]
    public void A_master_that_never_greets_gets_nothing_sent()
    {
        using var fixture = Scenarios.Demo().Build();

        var transcript = MasterRunner.Run(Shell("mute", "exit 0"), fixture.Single, new SessionScript("section demo"), Short, Short);

        Assert.Null(transcript.Greeting);
        Assert.Equal([ReplyOutcome.NotSent], transcript.Exchanges.Select(e => e.Outcome));
        Assert.Equal(0, transcript.ExitCode);
    }

    [Fact]
    public void Output_after_the_last_reply_and_carriage_returns_are_kept_visible()
    {
        using var fixture = Scenarios.Demo().Build();
        var chatty = Shell("chatty", "printf 'hello\\r\\n'; read line; echo ok; echo extra; printf partial");

        var transcript = MasterRunner.Run(chatty, fixture.Single, new SessionScript("section demo"), Short, Short);

        Assert.Equal(
            ["<< hello\\r", ">> section demo", "<< ok", "(after the last reply) << extra",
             "(after the last reply) << partial (no newline at the end of the output)", "exit 0"],
            transcript.Render());
    }

    [Fact]
    public void Commands_and_long_parts_go_out_as_a_slave_writes_them()
    {
        using var fixture = Scenarios.Demo().Build();
        // Records what it reads; answers "ok" to each command, to a submission after its ".".
        var recorder = MasterCommand.FromArgv("recorder", ["/bin/sh", "-c",
            "echo hello; while IFS= read -r line; do printf '%s\\n' \"$line\" >> \"$1\"; " +
            "case \"$line\" in ' '*|'pass '*|'fail '*) ;; *) echo ok ;; esac; done",
            "recorder", "{master}/wire.txt"]);

        var transcript = MasterRunner.Run(recorder, fixture.Single,
            new SessionScript("section demo").Submit("pass", "aa", "1.0", "one\n  two\n").Submit("fail", "bb", "2", ""), Short, Short);

        Assert.Equal(["ok", "ok", "ok"], transcript.Replies);
        Assert.Equal("section demo\npass aa 1.0\n one\n   two\n.\nfail bb 2\n.\n", File.ReadAllText(fixture.Single.PathOf("wire.txt")));
        Assert.Equal([">> section demo", "<< ok", ">> pass aa 1.0", ">>  one", ">>    two", ">> .", "<< ok", ">> fail bb 2", ">> .", "<< ok"],
            transcript.Render().Skip(1).SkipLast(1));
    }

    [Fact]
    public void Running_Debians_master_reads_the_test_configuration_and_leaves_the_hosts_etc_piuparts_untouched()
    {
        var before = EtcPiupartsState();
        using var fixture = Scenarios.Demo().Build();

        var transcript = MasterRunner.Run(MasterCommand.Debian, fixture.Single, new SessionScript("section demo", "status"));

        // The host's piuparts.conf has no [demo]: "ok" means the test's file was read.
        Assert.Equal("ok", transcript.Replies[0]);
        Assert.StartsWith("ok ", transcript.Replies[1]);
        Assert.Equal(before, EtcPiupartsState());
        Assert.DoesNotContain(File.ReadLines("/proc/self/mountinfo"), line => line.Contains(MasterCommand.EtcPiuparts, StringComparison.Ordinal));
    }

    private static MasterCommand Shell(string name, string script) =>
        MasterCommand.FromArgv(name, ["/bin/sh", "-c", script, "{config}"]);

    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            // A zombie (state Z) waits only for its parent to reap it.
            return File.Exists(stat) && File.ReadAllText(stat).Split(") ")[1][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static List<string> EtcPiupartsState() =>
        new[] { "piuparts.conf", "distros.conf" }.Select(name =>
        {
            var path = Path.Combine(MasterCommand.EtcPiuparts, name);
            return File.Exists(path)
                ? $"{name} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))} {File.GetLastWriteTimeUtc(path):O}"
                : $"{name} absent";
        }).ToList();
}
