using System.Diagnostics;
using System.Text.RegularExpressions;
using Piuparts.Core.MasterDir;
using Piuparts.Core.Slave;
using Piuparts.Core.Tests.Slave;

namespace Piuparts.Differential.Tests.Slave;

/// <summary>
/// The signals of `piuparts-site slave --help` on the real program, against piuparts-site's
/// master through the ssh stand-in: the stand-in piuparts holds a "…-wait" package until the
/// test opens its gate, so each signal arrives while a test runs. Every test ends with each
/// package's log landed once.
/// </summary>
[Collection(SlaveCollection.Name)]
public sealed class SlaveSignalTests
{
    private const int SIGHUP = 1, SIGINT = 2, SIGUSR1 = 10, SIGTERM = 15;

    private static readonly string Apphost = Path.Combine(AppContext.BaseDirectory, "piuparts-site");

    private static SlaveProcess Start(SlaveSite site, params string[] arguments) =>
        SlaveProcess.PiupartsSite(site, arguments, path: SshStandIn.Directory(site));

    [Fact]
    public void SIGHUP_submits_the_finished_logs_as_soon_as_the_running_test_ends_and_then_testing_goes_on()
    {
        using var site = SshStandIn.OurMasterSite(["pkg000", "pkg001-wait", "pkg002"], maxReserved: 3);
        using var slave = Start(site, "--once");
        slave.WaitFor("Testing package sid/pkg001-wait 1.0-1");

        slave.Signal(SIGHUP);
        slave.WaitFor("SIGHUP: Will flush finished logs.");
        Assert.Empty(site.Submissions());
        site.OpenGate("pkg001-wait");

        Assert.True(slave.WaitForExit() == 0, slave.Output);
        AssertInOrder(slave.Output, "Sending log file sid/pass/pkg000_1.0-0.log", "Sending log file sid/pass/pkg001-wait_1.0-1.log",
            "Testing package sid/pkg002 1.0-2", "Sending log file sid/pass/pkg002_1.0-2.log");
        Assert.DoesNotContain("Unreserve:", slave.Output);
        site.AssertEveryPackageLandedOnce();
    }

    [Fact]
    public void SIGUSR1_restarts_the_same_process_which_reads_its_configuration_again_and_tests_what_its_spool_holds()
    {
        using var site = SshStandIn.OurMasterSite(["pkg000", "pkg001-wait", "pkg002", "pkg003-wait"], maxReserved: 4);
        using var slave = Start(site, "--once");
        slave.WaitFor("Testing package sid/pkg001-wait 1.0-1");
        // Only a new start reads the list of sections: a tarball-only section comes in.
        File.WriteAllText(site.ConfigPath, File.ReadAllText(site.ConfigPath).Replace("sections = sid", "sections = sid base", StringComparison.Ordinal) +
                                           "\n[base]\ndistro = None\nupgrade-test-distros = sid\narch = amd64\nmax-reserved = 1\n");

        slave.Signal(SIGUSR1);
        slave.WaitFor("SIGUSR1: Will restart.");
        site.OpenGate("pkg001-wait");
        slave.WaitFor("Restarting...");
        slave.WaitFor("Testing package sid/pkg003-wait 1.0-3");

        var output = slave.Output;
        var afterRestart = output[output.IndexOf("Restarting...", StringComparison.Ordinal)..];
        Assert.Contains("Sending log file sid/pass/pkg001-wait_1.0-1.log", output[..^afterRestart.Length]);
        Assert.Contains("Testing package sid/pkg002 1.0-2", afterRestart);
        Assert.DoesNotContain("Reserved for us:", afterRestart);
        Assert.Contains("Creating new tarball ./sid_amd64.tar.gz", afterRestart);
        Assert.True(File.Exists(Path.Combine(site.SlavePath, "1", "base", "sid_amd64.tar.gz")), output);
        Assert.StartsWith($"pid {slave.Id} ", File.ReadAllText(Path.Combine(site.SlavePath, StatusBoard.FileName)));

        // The restarted program still answers signals.
        slave.Signal(SIGTERM);
        slave.WaitFor("Slave interrupted");
        site.OpenGate("pkg003-wait");
        Assert.True(slave.WaitForExit() == 0, slave.Output);
        site.AssertEveryPackageLandedOnce();
    }

    [Fact]
    public void Status_names_the_package_a_live_worker_tests_and_says_stopped_once_SIGTERM_has_stopped_the_slave()
    {
        using var site = SshStandIn.OurMasterSite(["pkg000", "pkg001-wait", "pkg002"], maxReserved: 3);
        using var slave = Start(site);
        slave.WaitFor("Testing package sid/pkg001-wait 1.0-1");
        TestProcessGroup(site); // the test's process has started

        var running = Status(site);

        Assert.StartsWith($"running\npid {slave.Id} since ", running);
        Assert.Matches(@"\nworker 1: \S+Z testing sid/pkg001-wait 1\.0-1 \(pid \d+\)\n$", running);
        slave.Signal(SIGTERM);
        slave.WaitFor("Slave interrupted");
        site.OpenGate("pkg001-wait");
        Assert.True(slave.WaitForExit() == 0, slave.Output);
        var stopped = Status(site);
        Assert.StartsWith("not running (last status below)\n", stopped);
        Assert.Matches(@"\nworker 1: \S+Z stopped\n$", stopped);
    }

    [Fact]
    public void SIGTERM_lets_the_running_test_finish_submits_it_gives_back_the_rest_and_the_next_start_tests_the_rest_once()
    {
        using var site = SshStandIn.OurMasterSite(["pkg000", "pkg001-wait", "pkg002", "pkg003"], maxReserved: 4);
        using (var slave = Start(site))
        {
            slave.WaitFor("Testing package sid/pkg001-wait 1.0-1");

            slave.Signal(SIGTERM);
            slave.WaitFor("Slave interrupted");
            Assert.Empty(site.Submissions());
            site.OpenGate("pkg001-wait");

            Assert.True(slave.WaitForExit() == 0, slave.Output);
            Assert.Equal([("pass", "pkg000", "1.0-0"), ("pass", "pkg001-wait", "1.0-1")], site.Submissions());
            Assert.Contains("Unreserve: pkg002 1.0-2", slave.Output);
            Assert.Contains("Unreserve: pkg003 1.0-3", slave.Output);
            Assert.DoesNotContain("Testing package sid/pkg002", slave.Output);
            Assert.Empty(site.MasterSection.ListLogs(LogDirectory.Reserved));
            site.AssertSpoolEmpty(1);
        }

        using var again = Start(site, "--once");

        Assert.True(again.WaitForExit() == 0, again.Output);
        site.AssertEveryPackageLandedOnce();
        Assert.DoesNotContain("Testing package sid/pkg001-wait", again.Output);
    }

    [Fact]
    public void A_second_SIGINT_kills_the_whole_hung_test_and_the_next_start_submits_and_tests_what_was_left_once()
    {
        using var site = SshStandIn.OurMasterSite(["pkg000", "pkg001-wait", "pkg002"], maxReserved: 3);
        int group;
        using (var slave = Start(site))
        {
            slave.WaitFor("Testing package sid/pkg001-wait 1.0-1");
            group = TestProcessGroup(site);

            slave.Signal(SIGINT);
            slave.WaitFor("Slave interrupted");
            slave.Signal(SIGINT);

            Assert.True(slave.WaitForExit() == 1, slave.Output);
            Assert.Contains("Slave interrupted again", slave.Output);
        }
        Assert.Empty(LiveMembers(group));
        Assert.Empty(site.Submissions());
        Assert.Equal(["pkg001-wait", "pkg002"], site.Spool().Reservations().Select(r => r.Name));
        Assert.Contains(("pkg001-wait", "1.0-1"), site.MasterSection.ListLogs(LogDirectory.Reserved));
        Assert.True(File.Exists(site.Spool().NewLogPath("pkg001-wait", "1.0-1")), "the killed test's log stays in new/");
        site.OpenGate("pkg001-wait");

        using var again = Start(site, "--once");

        Assert.True(again.WaitForExit() == 0, again.Output);
        site.AssertEveryPackageLandedOnce();
        Assert.DoesNotContain("Testing package sid/pkg000", again.Output);
    }

    // `piuparts-site slave --status` as a person runs it.
    private static string Status(SlaveSite site)
    {
        var info = new ProcessStartInfo(Apphost) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in (string[])["slave", "--config", site.ConfigPath, "--distros", site.DistrosPath, "--status"])
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(SlaveProcess.Timeout));
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    // The process group of the running test, from the status file ("testing … (pid N)"). The
    // "Testing package" line comes before the test's process exists, so the pid is waited for.
    private static int TestProcessGroup(SlaveSite site)
    {
        var deadline = DateTime.UtcNow + SlaveProcess.Timeout;
        while (true)
        {
            var status = File.ReadAllText(Path.Combine(site.SlavePath, StatusBoard.FileName));
            var match = Regex.Match(status, @"testing \S+ \S+ \(pid (\d+)\)");
            if (match.Success)
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(DateTime.UtcNow < deadline, status);
            Thread.Sleep(50);
        }
    }

    // Processes of the group that are not zombies (a zombie waits only for its parent to reap it).
    private static List<int> LiveMembers(int group)
    {
        var members = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out int pid))
                continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            // pid (comm) state ppid pgrp ...: comm may hold spaces, so count from its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[0] != "Z" && fields[2] == group.ToString(System.Globalization.CultureInfo.InvariantCulture))
                members.Add(pid);
        }
        return members;
    }

    private static void AssertInOrder(string text, params string[] parts)
    {
        int at = 0;
        foreach (var part in parts)
        {
            int found = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{part}' is missing after position {at}:\n{text}");
            at = found + part.Length;
        }
    }
}
