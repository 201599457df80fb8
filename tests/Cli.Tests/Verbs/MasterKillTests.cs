using System.Text;
using System.Text.RegularExpressions;
using Piuparts.Core.MasterDir;
using Piuparts.Core.Tests.Protocol;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Cli.Tests.Verbs;

/// <summary>
/// SIGKILL at any point of a connection leaves the master directory consistent: no temporary
/// file, every log absent or complete, only whole lines in submissions.txt, the section lock
/// free again, and the next master on the same directory finishes the job. Each test writes to
/// the real `piuparts-site master`, waits until it has read that, kills it, then checks.
/// </summary>
public sealed class MasterKillTests
{
    public enum KillPoint
    {
        AfterCommandLine,
        BetweenLongPartLines,
        InsideLongPartLine,
        AfterFinalDot,
        AfterReply,
    }

    private const string Log = "Start: 2026-11-24 05:00:00 GMT\nExecuting: piuparts --arch amd64 aa=1\npiuparts run ends.\n";
    private const string OldResult = "old result\n";
    private static readonly Regex s_submissionLines = new(@"\A(\d+ (pass|fail|untestable) [^ \n]+ [^ \n]+\n)*\z");

    // Enough packages, depending on each other, that reserve is still loading or computing
    // when it is killed soon after the command.
    private static string ManyPackages()
    {
        var text = new StringBuilder(MasterSite.DefaultPackages).Append('\n');
        for (int i = 0; i < 3000; i++)
        {
            text.Append($"Package: p{i:D4}\nVersion: 1.{i}\n");
            if (i % 3 != 0)
                text.Append($"Depends: p{i - 1:D4} | aa, cc (>= 2)\n");
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string LongPart(string log) => string.Concat(log.Split('\n')[..^1].Select(line => $" {line}\n")) + ".\n";

    private static string Lock(MasterSite site) => Path.Combine(site.Section.Path, "master.lock");

    private static void AssertLockHeld(MasterSite site) =>
        Assert.Throws<IOException>(() => new FileStream(Lock(site), FileMode.Open, FileAccess.Write, FileShare.None).Dispose());

    // What must hold after any kill.
    private static void AssertConsistent(MasterSite site)
    {
        Assert.Empty(DirectoryTree.TemporaryFiles(site.Root));
        Assert.Matches(s_submissionLines, site.Submissions());
        new FileStream(Lock(site), FileMode.Open, FileAccess.Write, FileShare.None).Dispose();
    }

    private static int SubmissionsOf(MasterSite site, string kind, string package) =>
        site.Submissions().Split('\n').Count(line => line.EndsWith($" {kind} {package}", StringComparison.Ordinal));

    public static TheoryData<string, KillPoint, bool> Submissions()
    {
        var data = new TheoryData<string, KillPoint, bool>();
        foreach (var kind in new[] { "pass", "fail", "untestable" })
        {
            foreach (var point in Enum.GetValues<KillPoint>())
                data.Add(kind, point, true);
        }
        data.Add("pass", KillPoint.AfterFinalDot, false);
        data.Add("untestable", KillPoint.AfterReply, false);
        return data;
    }

    [Theory]
    [MemberData(nameof(Submissions))]
    public void A_master_killed_during_a_submission_leaves_a_consistent_section_and_the_retry_succeeds(string kind, KillPoint point, bool reserved)
    {
        using var site = new MasterSite().Prepared();
        var target = Enum.Parse<LogDirectory>(kind, ignoreCase: true);
        var old = target == LogDirectory.Fail ? LogDirectory.Pass : LogDirectory.Fail;
        if (reserved)
        {
            site.WriteInSection("reserved/aa_1.log");
            site.WriteInSection($"{old.DirectoryName()}/aa_1.log", OldResult);
        }
        site.WriteInSection($"{target.DirectoryName()}/aa_1.kpr", "report of an older log\n");
        var before = site.Tree();
        var submission = $"{kind} aa 1\n" + LongPart(Log);
        int dot = submission.Length - 2;
        var sent = point switch
        {
            KillPoint.AfterCommandLine => submission[..(submission.IndexOf('\n') + 1)],
            KillPoint.BetweenLongPartLines => submission[..(submission.IndexOf("\n piuparts run", StringComparison.Ordinal) + 1)],
            KillPoint.InsideLongPartLine => submission[..submission.IndexOf(" run ends", StringComparison.Ordinal)],
            _ => submission,
        };
        Assert.True(sent.Length < dot || point >= KillPoint.AfterFinalDot);

        using (var master = MasterProcess.Start(site))
        {
            Assert.Equal("ok", master.Ask("section sid"));
            AssertLockHeld(site);
            master.Write(sent);
            master.WaitUntilRead();
            if (point == KillPoint.AfterReply)
                Assert.Equal("ok", master.ReadReply());
            master.Kill();
        }

        AssertConsistent(site);
        var targetLog = site.Section.LogPath(target, "aa", "1");
        var oldLog = site.Section.LogPath(old, "aa", "1");
        Assert.True(!File.Exists(targetLog) || File.ReadAllText(targetLog) == Log, $"{targetLog} is incomplete");
        Assert.True(!File.Exists(oldLog) || File.ReadAllText(oldLog) == OldResult, $"{oldLog} was changed");
        if (point < KillPoint.AfterFinalDot)
            Assert.Equal(before.ToString(), site.Tree().ToString());
        if (point == KillPoint.AfterReply)
            Assert.Equal(1, SubmissionsOf(site, kind, "aa 1"));

        using (var master = MasterProcess.Start(site))
        {
            Assert.Equal("ok", master.Ask("section sid"));
            master.Write(submission);
            Assert.Equal("ok", master.ReadReply());
            Assert.StartsWith("ok successfully-tested=", master.Ask("status"));
            Assert.Equal(0, master.End());
        }

        Assert.Equal(Log, File.ReadAllText(targetLog));
        Assert.False(File.Exists(oldLog) && reserved, "the old result of the reserved package is still there");
        Assert.Empty(Directory.GetFiles(site.Section.DirectoryPath(LogDirectory.Reserved)));
        Assert.False(File.Exists(Path.ChangeExtension(targetLog, ".kpr")), "the report of the replaced log is still there");
        Assert.Empty(DirectoryTree.TemporaryFiles(site.Root));
        Assert.Matches(s_submissionLines, site.Submissions());
        // A log killed after it was written but before it was recorded is recorded when the
        // retry replaces it (reserved), and not at all when the retry is a duplicate.
        var (fewest, most) = (point, reserved) switch
        {
            (KillPoint.AfterFinalDot, true) => (1, 2),
            (KillPoint.AfterFinalDot, false) => (0, 1),
            _ => (1, 1),
        };
        Assert.InRange(SubmissionsOf(site, kind, "aa 1"), fewest, most);
    }

    [Fact]
    public void A_master_killed_during_unreserve_leaves_the_reservation_or_the_recycle_mark()
    {
        using var site = new MasterSite().Prepared();
        site.WriteInSection("reserved/aa_1.log");
        site.WriteInSection("pass/aa_1.log", "passed\n");

        using (var master = MasterProcess.Start(site))
        {
            Assert.Equal("ok", master.Ask("section sid"));
            master.Write("unreserve aa 1\n");
            master.WaitUntilRead();
            master.Kill();
        }

        AssertConsistent(site);
        var reservation = site.Section.LogPath(LogDirectory.Reserved, "aa", "1");
        var mark = site.Section.LogPath(LogDirectory.Recycle, "aa", "1");
        Assert.True(File.Exists(reservation) || File.Exists(mark), "neither the reservation nor the recycle mark is there");
        Assert.True(!File.Exists(mark) || new FileInfo(mark).Length == 0);
        Assert.Equal("passed\n", File.ReadAllText(site.Section.LogPath(LogDirectory.Pass, "aa", "1")));

        using (var master = MasterProcess.Start(site))
        {
            Assert.Equal("ok", master.Ask("section sid"));
            Assert.Equal("ok", master.Ask("unreserve aa 1"));
            Assert.StartsWith("ok successfully-tested=", master.Ask("status"));
            Assert.Equal(0, master.End());
        }
        Assert.False(File.Exists(reservation));
        Assert.Equal(0, new FileInfo(mark).Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(200)]
    public void A_master_killed_during_reserve_leaves_only_whole_reservations(int delayMilliseconds)
    {
        using var site = new MasterSite(ManyPackages()).Prepared();

        using (var master = MasterProcess.Start(site))
        {
            Assert.Equal("ok", master.Ask("section sid"));
            master.Write("reserve\n");
            master.WaitUntilRead();
            Thread.Sleep(delayMilliseconds);
            master.Kill();
        }

        AssertConsistent(site);
        var reserved = Directory.GetFiles(site.Section.DirectoryPath(LogDirectory.Reserved));
        Assert.InRange(reserved.Length, 0, 1);
        Assert.All(reserved, file => Assert.Equal(0, new FileInfo(file).Length));

        using (var master = MasterProcess.Start(site))
        {
            Assert.Equal("ok", master.Ask("section sid"));
            Assert.Matches(@"^ok (aa 1|cc 3|p\d{4} 1\.\d+)$", master.Ask("reserve"));
            Assert.StartsWith("ok successfully-tested=", master.Ask("status"));
            Assert.Equal(0, master.End());
        }
        Assert.Equal(reserved.Length + 1, Directory.GetFiles(site.Section.DirectoryPath(LogDirectory.Reserved)).Length);
    }

    [Fact]
    public void A_master_killed_during_a_reserve_that_finds_nothing_leaves_an_empty_idle_stamp_or_none()
    {
        using var site = new MasterSite().Prepared();
        site.WriteInSection("pass/aa_1.log", "passed\n");
        site.WriteInSection("pass/bb_2.log", "passed\n");
        site.WriteInSection("fail/cc_3.log", "failed\n");

        using (var master = MasterProcess.Start(site))
        {
            Assert.Equal("ok", master.Ask("section sid"));
            master.Write("reserve\n");
            master.WaitUntilRead();
            master.Kill();
        }

        AssertConsistent(site);
        var stamp = Path.Combine(site.Section.Path, "idle.stamp");
        Assert.True(!File.Exists(stamp) || new FileInfo(stamp).Length == 0);

        using (var master = MasterProcess.Start(site))
        {
            Assert.Equal("ok", master.Ask("section sid"));
            Assert.Equal("error", master.Ask("reserve"));
            Assert.Matches(@"^ok [1-9]\d*$", master.Ask("idle"));
            Assert.Equal(0, master.End());
        }
        Assert.Empty(DirectoryTree.TemporaryFiles(site.Root));
    }

    [Fact]
    public void A_second_master_process_is_busy_until_the_first_is_killed()
    {
        using var site = new MasterSite().Prepared();

        using (var first = MasterProcess.Start(site))
        {
            Assert.Equal("ok", first.Ask("section sid"));
            using (var second = MasterProcess.Start(site))
            {
                Assert.Equal("busy", second.Ask("section sid"));
                Assert.Equal("ok", second.Ask("section other"));
                Assert.Equal(0, second.End());
            }
            first.Kill();
        }

        using (var third = MasterProcess.Start(site))
        {
            Assert.Equal("ok", third.Ask("section sid"));
            Assert.Equal(0, third.End());
        }
    }
}
