namespace Piuparts.Differential.Tests.Maintenance;

/// <summary>
/// maintenance.md §2.2: reschedule_oldest_logs and piuparts-site reschedule on identical
/// copies of a master directory must link, delete and keep the same files. The one difference
/// on purpose: piuparts leaves the recycle mark of an expired log for its next run to drop as
/// obsolete, piuparts-site drops it with the log.
/// </summary>
public sealed class RescheduleDifferentialTests : IClassFixture<RescheduleDifferentialTests.Seed>
{
    private const string Script = "reschedule_oldest_logs";
    private readonly Seed _seed;

    public RescheduleDifferentialTests(Seed seed) => _seed = seed;

    /// <summary>
    /// s1: the example of the specification (settings in the section). s2: global settings, a
    /// recycle/ that was idle (so passed logs expire too), equal times, bugged and untestable
    /// logs. s3: auto-reschedule = no. s4: no directory. One seed for both tests.
    /// </summary>
    public sealed class Seed : IDisposable
    {
        public MaintenanceMaster Master { get; } = new("""
            [global]
            sections = s1 s2 s3 s4
            master-directory = {master}
            output-directory = {output}
            reschedule-old-days = 20
            reschedule-old-count = 4
            expire-old-days = 30
            reschedule-fail-days = 10
            reschedule-fail-count = 3
            expire-fail-days = +5

            [s1]
            reschedule-old-days = 10
            reschedule-old-count = 3
            expire-old-days = +5
            reschedule-fail-days = 5
            reschedule-fail-count = 2
            expire-fail-days = 8

            [s2]
            description = global settings

            [s3]
            auto-reschedule = no

            [s4]
            description = no directory
            """);

        public Seed()
        {
            var m = Master;
            // s1
            foreach (var (name, days) in new[] { ("p1", 11.5), ("p2", 13.5), ("p3", 15.5), ("p4", 17.5), ("p5", 19.5), ("p6", 20.5) })
                m.File($"s1/pass/{name}_1.log", days);
            foreach (var (name, days) in new[] { ("f1", 6.5), ("f2", 7.5), ("f3", 9.5), ("f4", 10.5) })
                m.File($"s1/fail/{name}_1.log", days);
            m.Link("s1/pass/p6_1.log", "s1/recycle/p6_1.log");
            m.Link("s1/fail/f4_1.log", "s1/recycle/f4_1.log");
            m.File("s1/recycle/gone_1.log", 3);
            m.File("s1/idle.stamp", 0.5);

            // s2: old pass logs, some with the same time (ls -t then orders by name).
            for (int i = 0; i < 12; i++)
                m.File($"s2/pass/pkg{i:D2}_1.0-{i}.log", i < 6 ? 40.5 : 21.5 + i);
            for (int i = 0; i < 6; i++)
                m.File($"s2/fail/fail{i}_2.{i}.log", 11.5 + 2 * i);
            m.File("s2/affected/aff_1.log", 18.5);
            m.File("s2/affected/aff2_1.log", 1.5);
            m.File("s2/bugged/bug_1.log", 100.5);
            m.File("s2/untestable/unt_1.log", 50.5);
            m.File("s2/reserved/res_1.log", 0.5);
            m.Link("s2/pass/pkg00_1.0-0.log", "s2/recycle/pkg00_1.0-0.log");
            m.Link("s2/pass/pkg03_1.0-3.log", "s2/recycle/pkg03_1.0-3.log");
            m.Link("s2/fail/fail5_2.5.log", "s2/recycle/fail5_2.5.log");
            m.Link("s2/untestable/unt_1.log", "s2/recycle/unt_1.log");
            m.Link("s2/bugged/bug_1.log", "s2/recycle/bug_1.log");
            m.File("s2/pass/pkg00_1.0-0.kpr", 40.5, "");
            m.File("s2/idle.stamp", 1.5);
            m.File("s2/recycle.stamp", 0.5);
            m.SetDirectoryTime("s2/recycle", 1.5);

            // s3
            m.File("s3/pass/old_1.log", 400.5);
            m.File("s3/fail/old_1.log", 400.5);
            m.File("s3/recycle/orphan_1.log", 2.5);
            m.File("s3/idle.stamp", 0.2);
        }

        public void Dispose() => Master.Dispose();
    }

    [Fact]
    public void Reschedule_links_deletes_and_keeps_the_same_files_as_piuparts()
    {
        DebianScript.Require(Script);
        var debian = _seed.Master.Copy("debian-reschedule");
        var ours = _seed.Master.Copy("ours-reschedule");
        var before = FileTree.Of(debian.Master);

        DebianScript.RunShell(Script, debian.Config);
        var summary = ours.RunOurs("reschedule", "--now", _seed.Master.Now.ToUnixTimeSeconds().ToString());

        var theirs = FileTree.Of(debian.Master);
        var leftMarks = theirs.Files.Keys.Where(f => IsExpiredMark(theirs, f)).ToList();
        Assert.NotEmpty(leftMarks);
        Assert.Equal(theirs.Without(leftMarks.Contains).ToString(), FileTree.Of(ours.Master).ToString());
        // Enough happened for the comparison to mean something.
        Assert.True(Gone(before, theirs).Count >= 6, $"only {Gone(before, theirs).Count} files went");
        Assert.True(Gone(theirs, before).Count >= 6, $"only {Gone(theirs, before).Count} files came");
        Assert.Contains("s1: 3 rescheduled, 1 expired, 1 obsolete, queued 4", summary);
        Assert.Contains("s4: no section directory, skipped", summary);
    }

    [Fact]
    public void Expire_deletes_the_logs_piuparts_expires()
    {
        DebianScript.Require(Script);
        var debian = _seed.Master.Copy("debian-expire");
        var ours = _seed.Master.Copy("ours-expire");

        DebianScript.RunShell(Script, debian.Config);
        ours.RunOurs("expire", "--now", _seed.Master.Now.ToUnixTimeSeconds().ToString());

        var theirs = FileTree.Of(debian.Master);
        var expiredByDebian = Gone(FileTree.Of(ours.Master), theirs).Where(f => !f.Contains("/recycle/")).ToList();
        var gone = Gone(FileTree.Of(_seed.Master.Template), FileTree.Of(ours.Master));
        // Of the six passed logs of equal age in s2, the four oldest by ls -t are pkg02 to pkg05; pkg03 is marked.
        Assert.Equal(["s1/fail/f4_1.log", "s2/fail/fail5_2.5.log", "s2/pass/pkg03_1.0-3.log"],
            gone.Where(f => !f.Contains("/recycle/")));
        Assert.Empty(expiredByDebian.Except(gone));
    }

    // A recycle mark left behind by piuparts for a log it expired: no log of that name remains.
    private static bool IsExpiredMark(FileTree tree, string path)
    {
        var parts = path.Split('/');
        return parts.Length == 3 && parts[1] == "recycle"
            && !new[] { "pass", "fail", "affected", "bugged" }.Any(d => tree.Files.ContainsKey($"{parts[0]}/{d}/{parts[2]}"));
    }

    private static List<string> Gone(FileTree before, FileTree after) =>
        before.Files.Keys.Where(f => !after.Files.ContainsKey(f)).ToList();
}
