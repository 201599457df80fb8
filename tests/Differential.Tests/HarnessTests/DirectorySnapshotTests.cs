using Piuparts.Core.MasterDir;
using Piuparts.Differential.Tests.Harness;

namespace Piuparts.Differential.Tests.HarnessTests;

/// <summary>The builder's copies and the normalized snapshot of a master directory.</summary>
public sealed class DirectorySnapshotTests
{
    [Fact]
    public void The_copies_of_a_fixture_are_identical_but_for_their_paths()
    {
        using var fixture = Builder().Build(copies: 2);

        var (one, two) = (fixture.Copies[0], fixture.Copies[1]);

        HarnessAssert.Equal(DirectorySnapshot.Take(one.MasterDirectory), DirectorySnapshot.Take(two.MasterDirectory));
        Assert.NotEqual(one.MasterDirectory, two.MasterDirectory);
        Assert.Equal(File.ReadAllText(one.DistrosConf), File.ReadAllText(two.DistrosConf));
        Assert.Equal(File.ReadAllText(one.PiupartsConf).Replace(one.MasterDirectory, "M"), File.ReadAllText(two.PiupartsConf).Replace(two.MasterDirectory, "M"));
    }

    [Fact]
    public void The_snapshot_masks_times_temporary_names_stamps_and_the_lock_and_notes_a_missing_newline()
    {
        using var fixture = Builder()
            .File("s/submissions.txt", "1795499083 pass liwc 1.2.3-4\n1795499084 fail aa 1\n")
            .File("s/pass/tmpab_De9x0", "half written")
            .File("s/idle.stamp", "ignored")
            .File("s/master.lock")
            .File("s/master.log", "[2026-11-24 05:44:43] connected\n")
            .Build();

        var lines = DirectorySnapshot.Take(fixture.Single.MasterDirectory).Lines;

        Assert.Contains("  | <time> pass liwc 1.2.3-4", lines);
        Assert.Contains("  | <time> fail aa 1", lines);
        Assert.Contains(lines, l => l.StartsWith("file s/pass/tmp???????? ", StringComparison.Ordinal));
        Assert.Contains("  | half written", lines);
        Assert.Contains("  (no newline at the end)", lines);
        Assert.Contains("stamp s/idle.stamp", lines);
        Assert.Contains("lock s/master.lock", lines);
        Assert.Contains("log s/master.log", lines);
        Assert.DoesNotContain(lines, l => l.Contains("connected", StringComparison.Ordinal));
    }

    [Fact]
    public void A_normalized_master_log_keeps_its_lines_without_times_or_idle_seconds()
    {
        using var fixture = Builder().File("s/master.log", "[2026-11-24 05:44:43] connected\n<< ok\n>> idle\n<< ok 3712\n>> idle\n<< ok 0\n").Build();

        var lines = DirectorySnapshot.Take(fixture.Single.MasterDirectory, new SnapshotOptions { MasterLog = MasterLogMode.Normalized }).Lines;

        Assert.Equal(
            ["log s/master.log", "  | [<time>] connected", "  | << ok", "  | >> idle", "  | << ok <positive>", "  | >> idle", "  | << ok 0"],
            lines.SkipWhile(l => l != "log s/master.log").TakeWhile(l => l == "log s/master.log" || l.StartsWith("  | ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Two_different_directories_fail_with_a_diff_that_names_the_difference()
    {
        using var one = Builder().Build();
        using var two = Builder().Log("s", LogDirectory.Fail, "aa", "1.0", "it broke\n").Build();

        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
            HarnessAssert.Equal(DirectorySnapshot.Take(one.Single.MasterDirectory), DirectorySnapshot.Take(two.Single.MasterDirectory), "one", "two"));

        Assert.Contains("--- one", failure.Message);
        Assert.Contains("+ file s/fail/aa_1.0.log", failure.Message);
        Assert.Contains("+   | it broke", failure.Message);
    }

    [Fact]
    public void The_mirror_holds_an_xz_Packages_file_per_distro_and_the_configuration_points_at_it()
    {
        using var fixture = Builder().Build();
        var index = Path.Combine(fixture.MirrorDirectory, "dists", "s", "main", "binary-amd64", "Packages.xz");

        var text = Core.Tests.Support.DebianTools.Run("/usr/bin/xz", ["-dc", index]);

        Assert.Equal("Package: aa\nVersion: 1.0\n\nPackage: bb\nVersion: 2\nDepends: aa\n", text);
        var conf = File.ReadAllText(fixture.Single.PiupartsConf);
        Assert.Contains($"master-directory = {fixture.Single.MasterDirectory}\n", conf);
        Assert.Contains($"mirror = {fixture.MirrorUrl}\n", conf);
        Assert.Contains("[s]\ndistro = s\narch = amd64\narea = main\n", conf);
        Assert.False(File.Exists(Path.ChangeExtension(index, null)));
    }

    [Fact]
    public void A_Packages_xz_may_sit_below_a_mirror_subdirectory_that_distros_conf_names_with_the_mirror_placeholder()
    {
        using var source = new Core.Tests.Support.TemporaryDirectory();
        var xz = source.Combine("Packages.xz");
        File.WriteAllBytes(xz, Core.Tests.Support.DebianTools.RunBytes("/usr/bin/xz", ["-c"], "Package: aa\nVersion: 1\n"u8.ToArray()));

        using var fixture = new MasterDirectoryBuilder()
            .DistrosConf("[sec]\nuri = {mirror}/security\n")
            .PackagesXz("sec", xz, under: "security")
            .Build();

        Assert.True(File.Exists(Path.Combine(fixture.MirrorDirectory, "security", "dists", "sec", "main", "binary-amd64", "Packages.xz")));
        Assert.Equal($"[sec]\nuri = {fixture.MirrorUrl}/security\n", File.ReadAllText(fixture.Single.DistrosConf));
    }

    private static MasterDirectoryBuilder Builder() => new MasterDirectoryBuilder()
        .Section("s")
        .Packages("s", [MasterDirectoryBuilder.Stanza("aa", "1.0"), MasterDirectoryBuilder.Stanza("bb", "2", "Depends: aa")])
        .PrepareSection("s")
        .Log("s", LogDirectory.Pass, "aa", "1.0", "fine\n", TimeSpan.FromHours(1));
}
