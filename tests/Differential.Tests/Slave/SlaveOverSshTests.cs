using Piuparts.Core.Tests.Slave;

namespace Piuparts.Differential.Tests.Slave;

/// <summary>
/// piuparts-site's slave and master as they are deployed: the slave runs the real OpenSSH
/// client, a test sshd forces `piuparts-site master` as the key's command (forwardings off),
/// and the stand-in piuparts passes or fails packages by name.
/// </summary>
[Collection(SlaveCollection.Name)]
public sealed class SlaveOverSshTests
{
    private static readonly string Apphost = Path.Combine(AppContext.BaseDirectory, "piuparts-site");

    private static (SlaveSite Site, TestSshd Sshd) Start(IReadOnlyList<string> packages, int maxReserved)
    {
        // The forced command needs the configuration, which needs the site; the site names the host only.
        var site = new SlaveSite(packages, maxReserved, masterHost: TestSshd.HostAlias, masterCommand: null);
        var sshd = new TestSshd($"{Apphost} master --config {site.ConfigPath} --distros {site.DistrosPath}");
        return (site, sshd);
    }

    [Fact]
    public void Our_slave_reaches_our_master_through_OpenSSH_and_every_log_lands_once()
    {
        var (site, sshd) = Start(["pkg000", "fail001", "pkg002", "pkg003", "fail004"], maxReserved: 2);
        using var _ = site;
        using var __ = sshd;

        using var slave = SlaveProcess.PiupartsSite(site, ["--once", "--ssh", sshd.SshClient]);

        Assert.True(slave.WaitForExit() == 0, slave.Output + sshd.Errors);
        site.AssertEveryPackageLandedOnce();
        Assert.Contains("Connecting to piuparts-test-master", slave.Output);
        Assert.Contains("sid/fail001 1.0-1: fail (ret=1025", slave.Output);
    }

    [Fact]
    public void A_slave_killed_with_SIGKILL_in_the_middle_of_a_test_loses_nothing_at_its_next_start()
    {
        var (site, sshd) = Start(["pkg000", "slow001", "fail002", "pkg003"], maxReserved: 4);
        using var _ = site;
        using var __ = sshd;
        File.WriteAllText(site.FakePiupartsPath, File.ReadAllText(site.FakePiupartsPath)
            .Replace("    fail*)", "    slow*) sleep 3 ;;\n    fail*)", StringComparison.Ordinal));

        using (var first = SlaveProcess.PiupartsSite(site, ["--once", "--ssh", sshd.SshClient]))
        {
            first.WaitFor("Testing package sid/slow001");
            first.Signal(9);
            Assert.Equal(128 + 9, first.WaitForExit());
        }
        Assert.Empty(site.Submissions());
        Assert.Contains(("slow001", "1.0-1"), site.Spool().Reservations().Select(r => (r.Name, r.Version)));

        using var second = SlaveProcess.PiupartsSite(site, ["--once", "--ssh", sshd.SshClient]);

        Assert.True(second.WaitForExit() == 0, second.Output);
        site.AssertEveryPackageLandedOnce();
        Assert.DoesNotContain("Testing package sid/pkg000", second.Output);
    }

    [Fact]
    public void A_connection_that_drops_during_a_submission_loses_nothing_and_a_stop_submits_the_rest()
    {
        var (site, sshd) = Start(["pkg000", "fail001", "pkg002"], maxReserved: 3);
        using var _ = site;
        using var __ = sshd;
        // The second connection carries the three logs; it is cut after 1000 bytes, as when
        // the network or ssh dies: ssh loses its input there and the master its connection.
        var counter = Path.Combine(site.Root, "connections");
        var dropping = site.WriteScript("bin/dropping-ssh", $"""
            #!/bin/sh
            n=$(( $(cat {counter} 2>/dev/null || echo 0) + 1 )); echo $n > {counter}
            if [ $n -eq 2 ]; then dd bs=1 count=1000 status=none | {sshd.SshClient} "$@"; exit 255; fi
            exec {sshd.SshClient} "$@"

            """);

        using var slave = SlaveProcess.PiupartsSite(site, ["--once", "--ssh", dropping]);
        slave.WaitFor("communication with master failed");
        slave.WaitFor("Nothing to do, sleeping");
        Assert.True(site.Submissions().Count < 3, "the cut connection submitted everything");
        slave.Signal(15);

        Assert.True(slave.WaitForExit() == 0, slave.Output);
        site.AssertEveryPackageLandedOnce();
    }
}
