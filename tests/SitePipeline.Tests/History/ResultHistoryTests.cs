using Piuparts.Core.Tests.Support;
using Piuparts.SitePipeline.History;

namespace Piuparts.SitePipeline.Tests.History;

/// <summary>A section's test history: submissions.txt, completed by the logs it does not record.</summary>
public sealed class ResultHistoryTests : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private Core.MasterDir.SectionDirectory Section() => new Core.MasterDir.MasterDirectory(_root.Path).Section("sid");

    private void Log(string path, int day)
    {
        var file = _root.Write($"sid/{path}", "log\n"u8.ToArray());
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 1, day, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_line_of_submissions_txt_is_a_time_a_result_a_package_and_a_version()
    {
        var entry = SubmissionsFile.Parse("1764014276 fail node-opentip 2.4.6-3")!;

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764014276), entry.Time);
        Assert.Equal(("node-opentip", "2.4.6-3", TestResult.Fail), (entry.Package, entry.Version, entry.Result));
        Assert.Null(SubmissionsFile.Parse("1764014276 reserved node-opentip 2.4.6-3"));
        Assert.Null(SubmissionsFile.Parse("yesterday pass node-opentip 2.4.6-3"));
        Assert.Null(SubmissionsFile.Parse("1764014276 pass node-opentip"));
    }

    [Fact]
    public void Logs_that_submissions_txt_does_not_record_are_added_with_their_time_archived_and_compressed_ones_too()
    {
        _root.Write("sid/submissions.txt", "1767225600 pass foo 1\n1767312000 fail foo 2\n"u8.ToArray());
        Log("fail/foo_2.log", 2);
        Log("archive/pass/foo_0.log.xz", 1);
        Log("archive/bugged/foo_0.5.log", 1);

        var history = ResultHistory.Read(Section());

        Assert.Equal(["0 pass log", "0.5 fail log", "1 pass", "2 fail"],
            history.Of("foo").Select(e => $"{e.Version} {e.Word}{(e.FromLog ? " log" : "")}"));
    }

    [Fact]
    public void A_failure_lasts_since_the_first_of_the_failed_tests_that_end_the_history()
    {
        _root.Write("sid/submissions.txt", "100 fail foo 1\n200 pass foo 1\n300 fail foo 2\n400 fail foo 3\n500 pass bar 1\n"u8.ToArray());

        var history = ResultHistory.Read(Section());

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(300), history.FailingSince("foo"));
        Assert.Null(history.FailingSince("bar"));
        Assert.Null(history.FailingSince("unknown"));
    }
}
