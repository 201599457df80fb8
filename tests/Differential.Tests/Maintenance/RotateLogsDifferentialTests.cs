using System.Globalization;

namespace Piuparts.Differential.Tests.Maintenance;

/// <summary>maintenance.md §2.7: rotate_master_logs and piuparts-site rotate-logs on identical copies.</summary>
public sealed class RotateLogsDifferentialTests
{
    private const string Script = "rotate_master_logs";

    [Fact]
    public void Rotate_logs_renames_compresses_and_deletes_the_same_files_as_piuparts()
    {
        DebianScript.Require(Script);
        using var master = new MaintenanceMaster("""
            [global]
            sections = sid small
            master-directory = {master}
            output-directory = {output}

            [sid]
            [small]
            """);
        var big = string.Concat(Enumerable.Range(0, 40000).Select(i => $"{i} reserve sid package-{i % 977} 1.{i}\n"));
        Assert.True(big.Length > 1 << 20);
        master.File("sid/master.log", 0.01, big);
        master.File("sid/master.20261001.log", 30.5, "rotated in October\n");
        master.File("sid/master.20260901.log", 60.5, "rotated in September\n");
        // Compressed logs: newest first, the first four stay whatever their age.
        for (int i = 0; i < 8; i++)
            master.File($"sid/master.2025{i + 1:D2}01.log.xz", 85.5 + 3 * i, $"fake xz {i}\n");
        master.File("small/master.log", 0.01, "small\n");
        master.File("small/master.20261101.log", 20.5, "old\n");
        master.File("small/master.20261101.log.xz", 20.5, "already\n");
        // What cron published a week ago.
        var weekAgo = master.Now.UtcDateTime.AddDays(-7).ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
        master.File($"../html-seed/logs/{weekAgo}/reschedule_oldest_logs.txt", 7, "Rescheduled 3 logs.\n");
        var debian = master.Copy("debian");
        var ours = master.Copy("ours");
        foreach (var copy in new[] { debian, ours })
            Core.Tests.Support.DebianTools.Run("/bin/cp", ["-a", Path.Combine(master.Template, "..", "html-seed"), copy.Output]);

        DebianScript.RunShell(Script, debian.Config);
        ours.RunOurs("rotate-logs", "--now", master.Now.ToUnixTimeSeconds().ToString());

        var theirs = FileTree.Of(debian.Master);
        Assert.Equal(theirs.ToString(), FileTree.Of(ours.Master).ToString());
        var today = master.Now.ToLocalTime().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.Contains($"sid/master.{today}.log", theirs.Files.Keys);
        Assert.Contains("sid/master.20261001.log.xz", theirs.Files.Keys);
        Assert.DoesNotContain("sid/master.20250801.log.xz", theirs.Files.Keys);
        // Debian's script also publishes its own report below logs/ of today: compare a week ago only.
        Func<string, bool> weekOld = path => path.StartsWith($"logs/{weekAgo}/", StringComparison.Ordinal);
        Assert.Equal(FileTree.Of(debian.Output).Without(p => !weekOld(p)).ToString(), FileTree.Of(ours.Output).Without(p => !weekOld(p)).ToString());
        Assert.Contains($"logs/{weekAgo}/reschedule_oldest_logs.txt.xz", FileTree.Of(ours.Output).Files.Keys);
    }
}
