using System.Diagnostics;
using Piuparts.Core.Slave;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Slave;

public sealed class CommandRunnerTests
{
    private readonly TemporaryDirectory _temp = new();

    private CommandResult Run(string script, CommandRunner? runner = null, CancellationToken abort = default) =>
        (runner ?? new CommandRunner()).Run(["sh", "-c", script], _temp.Path, abort);

    [Fact]
    public void Standard_output_and_error_arrive_merged_in_order_with_universal_newlines()
    {
        var result = Run("echo one; echo two >&2; printf 'three\\r\\nfour\\rfive'");

        Assert.Equal((0, "one\ntwo\nthree\nfour\nfive"), (result.Ret, result.Output));
    }

    [Fact]
    public void The_command_runs_in_the_given_directory_in_a_process_group_of_its_own()
    {
        var result = Run("pwd; ps -o pgid= -p $$; echo $$");

        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(_temp.Path, lines[0]);
        Assert.Equal(lines[2].Trim(), lines[1].Trim());
        Assert.NotEqual(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), lines[1].Trim());
    }

    [Theory]
    [InlineData("exit 3", 3)]
    [InlineData("exit 124", -124)]
    [InlineData("exit 137", -137)]
    [InlineData("kill -TERM $$", -15)]
    public void Return_codes_are_those_piuparts_slave_reports(string script, int ret)
    {
        Assert.Equal(ret, Run(script).Ret);
    }

    [Fact]
    public void A_test_over_the_time_limit_is_killed_with_its_whole_process_group_and_its_output_kept()
    {
        var runner = new CommandRunner { Timeout = TimeSpan.FromSeconds(1), Grace = TimeSpan.FromSeconds(1) };
        var watch = Stopwatch.StartNew();

        // The background child ignores SIGINT (as background jobs of sh do) and even SIGTERM.
        var result = Run("trap '' TERM; (trap '' INT TERM; exec sleep 300) >/dev/null 2>&1 & echo $! > child; echo started; exec sleep 300", runner);

        Assert.True(result.TimedOut);
        Assert.Equal(-1, result.Ret);
        Assert.Equal("started\n", result.Output);
        var child = int.Parse(File.ReadAllText(_temp.Combine("child")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(IsRunning(child), $"the test's child {child} survived");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void An_abort_kills_the_running_test_at_once()
    {
        using var abort = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var runner = new CommandRunner { Grace = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();

        var result = Run("echo begun; sleep 300", runner, abort.Token);

        Assert.True(result.Aborted);
        Assert.Equal((-1, "begun\n"), (result.Ret, result.Output));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Output_that_is_not_utf8_is_kept_with_replacement_characters()
    {
        Assert.Equal("a\uFFFDb\n", Run("printf 'a\\377b\\n'").Output);
    }

    private static bool IsRunning(int pid)
    {
        // A zombie is gone for our purposes; /proc says which.
        var stat = $"/proc/{pid}/stat";
        for (int i = 0; i < 50; i++)
        {
            if (!File.Exists(stat) || File.ReadAllText(stat).Split(' ')[2] == "Z")
                return false;
            Thread.Sleep(20);
        }
        return true;
    }
}
