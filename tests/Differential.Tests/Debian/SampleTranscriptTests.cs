using System.Globalization;
using System.Text.RegularExpressions;
using Piuparts.Differential.Tests.Harness;

namespace Piuparts.Differential.Tests.Debian;

/// <summary>
/// The sample transcript of protocol.md §8, reproduced with Debian's master on the hand-made
/// demo section: the replies, and the files it leaves (§8 "Result on disk").
/// </summary>
public sealed class SampleTranscriptTests
{
    private const string Status =
        "ok successfully-tested=1 failed-testing=0 cannot-be-tested=0 waiting-to-be-tested=2 " +
        "waiting-for-dependency-to-be-tested=0 dependency-failed-testing=0 dependency-cannot-be-tested=0 " +
        "dependency-does-not-exist=0 unknown=0 outdated=0 total=3";

    [Fact]
    public void Debians_master_answers_the_sample_session_as_protocol_section_8_shows()
    {
        using var fixture = Scenarios.Demo().Build();

        var transcript = MasterRunner.Run(MasterCommand.Debian, fixture.Single, Scenarios.SampleSession());

        Assert.True(transcript.AllAnswered, transcript.ToString());
        var replies = transcript.Replies;
        Assert.Equal("hello", transcript.Greeting);
        Assert.Equal(["ok", "ok 0", "ok"], replies.Take(3));
        // zzlib and vorbisgain weigh the same: the original breaks the tie at random, so §8's order is one of two.
        Assert.Equal(["ok vorbisgain 2.3-4", "ok zzlib 1.0"], replies.Skip(3).Take(2).Order(StringComparer.Ordinal));
        Assert.Equal("error", replies[5]);
        // §8 shows a positive idle after "error" although the reservations are newer than the stamp:
        // directory mtimes use the kernel's coarse clock, the stamp Python's precise one, so a
        // reservation within the same clock tick does not outdate it (§10.8). Rarely it does: then 0.
        int idle = IdleSeconds(replies[6]);
        if (idle != 0)
            Assert.InRange(idle, 3600 - (int)Math.Ceiling(transcript.Elapsed.TotalSeconds) - 1, 3719);
        Assert.Equal(Status, replies[7]);
        Assert.Equal(0, transcript.ExitCode);
        Assert.Empty(transcript.TrailingOutput);
        Assert.Equal("", transcript.StandardError);
    }

    [Fact]
    public void The_sample_session_leaves_the_files_protocol_section_8_lists()
    {
        using var fixture = Scenarios.Demo().Build();
        var copy = fixture.Single;

        var transcript = MasterRunner.Run(MasterCommand.Debian, copy, Scenarios.SampleSession());

        Assert.True(transcript.AllAnswered, transcript.ToString());
        var mode = Convert.ToString(0x1b6 & ~Umask(), 8);
        string[] expected =
        [
            "dir demo/",
            "dir demo/affected/",
            "dir demo/bugged/",
            "dir demo/fail/",
            "stamp demo/idle.stamp",
            "lock demo/master.lock",
            "log demo/master.log",
            "dir demo/pass/",
            $"file demo/pass/liwc_1.2.3-4.log {mode}",
            "  | Start: 2026-11-24 05:00:00 GMT",
            "  | piuparts run ends.",
            "dir demo/recycle/",
            "dir demo/reserved/",
            $"file demo/reserved/vorbisgain_2.3-4.log {mode}",
            $"file demo/reserved/zzlib_1.0.log {mode}",
            $"file demo/submissions.txt {mode}",
            "  | <time> pass liwc 1.2.3-4",
            "dir demo/untestable/",
        ];
        HarnessAssert.SameLines(expected, DirectorySnapshot.Take(copy.MasterDirectory).Lines, "the master directory");
    }

    [Fact]
    public void The_submission_record_and_the_idle_stamp_have_the_shape_and_times_of_protocol_sections_3_3_and_3_6()
    {
        using var fixture = Scenarios.Demo().Build();
        var copy = fixture.Single;

        var transcript = MasterRunner.Run(MasterCommand.Debian, copy, Scenarios.SampleSession());

        var line = File.ReadAllText(copy.PathOf("demo", "submissions.txt"));
        var match = Regex.Match(line, "^([0-9]+) pass liwc 1\\.2\\.3-4\n$");
        Assert.True(match.Success, line);
        Assert.InRange(long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            transcript.Started.ToUnixTimeSeconds(), transcript.Ended.ToUnixTimeSeconds());
        // The stamp's mtime is the start of the state computation; its atime is set to -1.
        var stamp = copy.PathOf("demo", "idle.stamp");
        Assert.Equal(0, new FileInfo(stamp).Length);
        Assert.InRange(File.GetLastWriteTimeUtc(stamp), transcript.Started.UtcDateTime.AddSeconds(-1), transcript.Ended.UtcDateTime);
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(-1), File.GetLastAccessTimeUtc(stamp));
    }

    [Fact]
    public void The_sample_session_writes_the_master_log_of_protocol_section_8()
    {
        using var fixture = Scenarios.Demo().Build();
        var copy = fixture.Single;

        var transcript = MasterRunner.Run(MasterCommand.Debian, copy, Scenarios.SampleSession());

        var url = $"{fixture.MirrorUrl}/dists/demo/main/binary-amd64/Packages";
        var log = DirectorySnapshot.Take(copy.MasterDirectory, new SnapshotOptions { MasterLog = MasterLogMode.Normalized })
            .Lines.SkipWhile(l => l != "log demo/master.log").Skip(1).TakeWhile(l => l.StartsWith("  | ", StringComparison.Ordinal))
            .Select(l => l[4..])
            .Select(l => l is "<< ok vorbisgain 2.3-4" or "<< ok zzlib 1.0" ? "<< ok <reserved>" : l)
            .ToList();
        // The second idle: positive or, rarely, 0 (see the test above).
        int secondIdle = log.LastIndexOf(">> idle") + 1;
        if (secondIdle > 0 && log[secondIdle] is "<< ok 0" or "<< ok <positive>")
            log[secondIdle] = "<< ok <seconds>";
        string[] expected =
        [
            "[<time>] connected",
            "<< ok",
            ">> idle",
            "<< ok 0",
            ">> pass liwc 1.2.3-4",
            "<< ok",
            ">> reserve",
            $"Opening {url}.*",
            $"Fetching {url}.xz",
            "<< ok <reserved>",
            ">> reserve",
            "<< ok <reserved>",
            ">> reserve",
            "<< error",
            ">> idle",
            "<< ok <seconds>",
            ">> status",
            "<< " + Status,
            ">> ",
            "[<time>] disconnected",
        ];
        Assert.True(transcript.AllAnswered, transcript.ToString());
        HarnessAssert.SameLines(expected, log, "master.log");
    }

    private static int IdleSeconds(string? reply)
    {
        Assert.NotNull(reply);
        Assert.Matches("^ok [0-9]+$", reply);
        return int.Parse(reply[3..], CultureInfo.InvariantCulture);
    }

    private static int Umask()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Umask:", StringComparison.Ordinal));
        return Convert.ToInt32(line["Umask:".Length..].Trim(), 8);
    }
}
