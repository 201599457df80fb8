using System.Diagnostics;
using Piuparts.Core.Tests.Slave;
using Piuparts.Differential.Tests.Harness;

namespace Piuparts.Differential.Tests.Slave;

/// <summary>
/// Wire compatibility with Debian's piuparts 1.1.7 both ways: Debian's piuparts-slave against
/// piuparts-site's master, and piuparts-site's slave against Debian's piuparts-master-backend,
/// each through an ssh stand-in on PATH that runs the remote command here.
/// </summary>
[Collection(SlaveCollection.Name)]
public sealed class SlaveCompatibilityTests
{
    private static readonly string[] Packages = ["pkg000", "fail001", "pkg002", "pkg003", "fail004", "pkg005"];

    [Fact]
    public void Debians_slave_tests_every_package_of_our_master_and_each_log_lands_once()
    {
        using var site = SshStandIn.OurMasterSite(Packages, maxReserved: 4);
        // Debian's slave, too, reads only Packages.xz from a file:// mirror.
        Compress(Path.Combine(site.Root, "mirror/dists/sid/main/binary-amd64/Packages"));

        using var slave = SlaveProcess.Debian(site, SshStandIn.Directory(site));
        slave.WaitFor("Nothing to do, sleeping");

        Assert.True(site.Submissions().Count == Packages.Length, slave.Output);
        site.AssertEveryPackageLandedOnce();
        Assert.Contains("Reserved for us: pkg000 1.0-0", slave.Output);
        var log = File.ReadAllText(site.MasterSection.LogPath(Core.MasterDir.LogDirectory.Fail, "fail001", "1.0-1"));
        Assert.Contains(" *** PIUPARTS OUTPUT INCOMPLETE ***\n\nret=1025\n", log);
    }

    [Fact]
    public void Our_slave_tests_every_package_of_debians_master_and_each_log_lands_once()
    {
        using var site = new SlaveSite(Packages, maxReserved: 4, masterCommand: "DEBIAN-MASTER");
        // Debian's master reads only Packages.xz from a file:// mirror.
        Compress(Path.Combine(site.Root, "mirror/dists/sid/main/binary-amd64/Packages"));
        var master = site.WriteScript("bin/debian-master",
            $"#!/bin/sh\nexec /usr/bin/unshare --mount --propagation private /bin/sh -c " +
            $"'mount --bind \"$1\" {MasterCommand.EtcPiuparts} && cd \"$2\" && exec /usr/bin/python3 {MasterCommand.DebianBackend}' " +
            $"debian-master {site.ConfDirectory} {site.MasterPath}\n");
        Directory.CreateDirectory(site.MasterPath);
        File.WriteAllText(site.ConfigPath, File.ReadAllText(site.ConfigPath).Replace("DEBIAN-MASTER", master, StringComparison.Ordinal));

        using var slave = SlaveProcess.PiupartsSite(site, ["--once"], path: SshStandIn.Directory(site));

        Assert.True(slave.WaitForExit() == 0, slave.Output);
        site.AssertEveryPackageLandedOnce();
        Assert.Contains("Master sid status: successfully-tested=", slave.Output);
    }

    private static void Compress(string path)
    {
        var info = new ProcessStartInfo("/usr/bin/xz") { UseShellExecute = false };
        foreach (var argument in (string[])["-k", "-f", path])
            info.ArgumentList.Add(argument);
        using var xz = Process.Start(info)!;
        xz.WaitForExit();
        Assert.Equal(0, xz.ExitCode);
    }
}
