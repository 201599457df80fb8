using System.Text.RegularExpressions;
using Piuparts.Core.MasterDir;
using Piuparts.Core.Slave;

namespace Piuparts.Core.Tests.Slave;

/// <summary>
/// Whole slave runs in this process against piuparts-site's master on its own thread (over
/// pipes, as through ssh), with a clock that jumps over the slave's waits.
/// </summary>
public sealed class SlaveProgramTests
{
    private sealed record Run(SlaveProgram.Outcome Outcome, string Log, int Connections);

    private static Run RunSlave(SlaveSite site, int workers = 1, Func<int, long?>? dropAfter = null, SlaveControl? control = null,
        TimeSpan? testTimeout = null)
    {
        var clock = new SteppingClock();
        var log = new StringWriter();
        int connections = 0;
        var options = new SlaveOptions
        {
            Clock = clock,
            Sleep = clock.Sleep,
            Once = true,
            Random = new Random(7),
            TestTimeout = testTimeout ?? TimeSpan.FromSeconds(30),
            KillGrace = TimeSpan.FromSeconds(1),
            Connect = _ =>
            {
                int n = Interlocked.Increment(ref connections);
                return new InProcessMasterLink(site.MasterSession, dropAfter?.Invoke(n));
            },
        };
        using var ownControl = control == null ? new SlaveControl() : null;
        var outcome = SlaveProgram.Run(site.Config, site.ConfigPath, site.DistrosPath, options with { Random = Random.Shared },
            control ?? ownControl!, TextWriter.Synchronized(log), workers);
        return new Run(outcome, log.ToString(), connections);
    }

    private static string[] Names(int count, int failEvery = 5) =>
        Enumerable.Range(0, count).Select(i => (i % failEvery == 3 ? "fail" : "pkg") + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void A_slave_tests_every_package_and_each_log_lands_once_in_its_directory()
    {
        using var site = new SlaveSite(Names(7), maxReserved: 3);

        var run = RunSlave(site);

        Assert.Equal(new SlaveProgram.Outcome(0, false), run.Outcome);
        site.AssertEveryPackageLandedOnce();
        Assert.Equal(7, Regex.Matches(run.Log, @"Testing package sid/\S+ \S+\n").Count);
        Assert.Matches(@"sid/fail003 1\.0-3: fail \(ret=1025, \d+ s\)", run.Log);
        Assert.Contains("Nothing to do, stopping (--once).", run.Log);
        var log = File.ReadAllText(site.MasterSection.LogPath(LogDirectory.Pass, "pkg000", "1.0-0"));
        Assert.Matches(@"^Start: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\n\nPackage: pkg000\nVersion: 1\.0-0\nArchitecture: amd64\n\nExecuting: \S+/fake-piuparts " +
                       @"--mirror file:///\S+ --arch amd64 -b \./sid_amd64\.tar\.gz -d sid --no-upgrade-test --apt pkg000=1\.0-0\n" +
                       @"(.*\n)*0m0\.1s DEBUG: \[ESC\]\[1mInstalling\[ESC\]\[0m pkg000=1\.0-0\n(.*\n)*0m0\.3s INFO: piuparts run ends\.\n\nret=0\nEnd: .* GMT\n$", log);
        Assert.True(File.Exists(Path.Combine(site.Spool().Path, "sid_amd64.tar.gz")), "the base tarball was made at start-up");
    }

    [Fact]
    public void A_connection_dropped_in_the_middle_of_a_submission_loses_nothing_and_submits_nothing_twice()
    {
        using var site = new SlaveSite(Names(4), maxReserved: 4);

        // The second connection submits the four logs: it breaks inside the second one.
        var run = RunSlave(site, dropAfter: n => n == 2 ? 1200 : null);

        Assert.Contains("communication with master failed", run.Log);
        site.AssertEveryPackageLandedOnce();
    }

    [Fact]
    public void A_restart_submits_what_a_killed_slave_left_and_tests_the_rest_once()
    {
        using var site = new SlaveSite(Names(5), maxReserved: 5);
        // What SIGKILL can leave: the master reserved all five; pkg000 finished and waits for
        // submission; fail003 finished but its marker was not removed yet; pkg002 was being
        // tested (its log half written in new/); the others were not started.
        Reserve(site, 5);
        var spool = site.Spool();
        spool.EnsureCreated();
        foreach (var (name, version) in site.Packages)
            spool.Remember(new Reservation(name, version));
        File.WriteAllText(Path.Combine(spool.ResultDirectory(ResultKind.Pass), "pkg000_1.0-0.log"),
            "Start: x\nExecuting: x --apt pkg000=1.0-0\n0m0.3s INFO: piuparts run ends.\n\nret=0\nEnd: 2026-11-24 05:00:00 GMT\n");
        spool.Forget("pkg000", "1.0-0");
        File.WriteAllText(Path.Combine(spool.ResultDirectory(ResultKind.Fail), "fail003_1.0-3.log"),
            "Start: x\nExecuting: x --apt fail003=1.0-3\n\nret=1\nEnd: 2026-11-24 05:00:00 GMT\n");
        File.WriteAllText(spool.NewLogPath("pkg002", "1.0-2"), "Start: x\nExecuting: half");

        var run = RunSlave(site);

        site.AssertEveryPackageLandedOnce();
        Assert.DoesNotContain("Testing package sid/pkg000", run.Log);
        Assert.DoesNotContain("Testing package sid/fail003", run.Log);
        Assert.Contains("Testing package sid/pkg002", run.Log);
    }

    [Fact]
    public void A_stop_lets_the_running_test_finish_submits_it_and_gives_back_the_rest()
    {
        using var site = new SlaveSite(["pkg000", "pkg001", "pkg002"], maxReserved: 3);
        using var control = new SlaveControl();
        File.WriteAllText(site.FakePiupartsPath, File.ReadAllText(site.FakePiupartsPath).Replace("package=\"\";", "sleep 0.5; package=\"\";"));
        var stopper = new Thread(() =>
        {
            SpinWait.SpinUntil(() => Directory.Exists(site.Spool().NewDirectory) && Directory.EnumerateFiles(site.Spool().NewDirectory).Any(),
                TimeSpan.FromSeconds(20));
            control.RequestStop();
        });
        stopper.Start();

        var run = RunSlave(site, control: control);
        stopper.Join();

        Assert.Equal(0, run.Outcome.ExitCode);
        Assert.Single(site.Submissions());
        Assert.Equal(2, Regex.Matches(run.Log, "Unreserve: ").Count);
        Assert.Empty(site.MasterSection.ListLogs(LogDirectory.Reserved));
        site.AssertSpoolEmpty(1);
    }

    [Fact]
    public void A_second_stop_kills_the_hung_test_and_keeps_its_reservation_for_the_next_start()
    {
        using var site = new SlaveSite(["hang000"], maxReserved: 1);
        using var control = new SlaveControl();
        var stopper = new Thread(() =>
        {
            SpinWait.SpinUntil(() => Directory.Exists(site.Spool().NewDirectory) && Directory.EnumerateFiles(site.Spool().NewDirectory).Any(),
                TimeSpan.FromSeconds(20));
            control.RequestStop();
            control.RequestStop();
        });
        stopper.Start();

        var run = RunSlave(site, control: control);
        stopper.Join();

        Assert.Equal(1, run.Outcome.ExitCode);
        Assert.Empty(site.Submissions());
        Assert.Equal([new Reservation("hang000", "1.0-0")], site.Spool().Reservations());
        Assert.Equal([("hang000", "1.0-0")], site.MasterSection.ListLogs(LogDirectory.Reserved));
    }

    [Fact]
    public void A_hung_test_is_killed_after_the_time_limit_and_failed()
    {
        using var site = new SlaveSite(["hang000", "pkg001"], maxReserved: 2);

        var run = RunSlave(site, testTimeout: TimeSpan.FromSeconds(1));

        Assert.Contains("Sending SIGINT...", run.Log);
        var log = File.ReadAllText(site.MasterSection.LogPath(LogDirectory.Fail, "hang000", "1.0-0"));
        Assert.Contains("0m0.2s INFO: hanging\n *** Process KILLED - exceed maximum run time ***\n\nret=-1\n", log);
        Assert.True(site.MasterSection.Exists(LogDirectory.Pass, "pkg001", "1.0-1"));
        Assert.Equal(2, site.Submissions().Count);
    }

    [Fact]
    public void Eight_workers_share_one_section_without_reserving_a_package_twice_or_losing_a_log()
    {
        using var site = new SlaveSite(Names(240), maxReserved: 4);

        var run = RunSlave(site, workers: 8);

        site.AssertEveryPackageLandedOnce(workers: 8);
        var reserved = Regex.Matches(run.Log, @"Reserved for us: (\S+) ").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(reserved.Count, reserved.Distinct().Count());
        Assert.Equal(240, reserved.Count);
        foreach (var worker in Enumerable.Range(1, 8))
            Assert.Contains($"[{worker}] ", run.Log);
        // Workers met each other's connections: every busy was retried, since every log landed.
        Assert.Contains("master is busy", run.Log);
    }

    [Fact]
    public void A_worker_that_fails_ends_alone_and_the_others_test_every_package()
    {
        using var site = new SlaveSite(Names(6), maxReserved: 2);
        // Worker 1's spool cannot be made: "pass" is a file.
        Directory.CreateDirectory(site.Spool(1).Path);
        File.WriteAllText(site.Spool(1).ResultDirectory(ResultKind.Pass), "");

        var run = RunSlave(site, workers: 2);

        Assert.Equal(1, run.Outcome.ExitCode);
        Assert.Contains("worker 1 failed and ends: IOException: ", run.Log);
        Assert.Equal(6, site.Submissions().Count);
        Assert.Equal(6, Regex.Matches(run.Log, @"\[2\] Testing package ").Count);
        site.AssertSpoolEmpty(2);
    }

    private static void Reserve(SlaveSite site, int count)
    {
        var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("section sid\n" + string.Concat(Enumerable.Repeat("reserve\n", count))));
        var output = new MemoryStream();
        using (var session = site.MasterSession(input, output))
            Assert.Equal(0, session.Run());
        Assert.Equal(count, site.MasterSection.ListLogs(LogDirectory.Reserved).Count);
    }
}
