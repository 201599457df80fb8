using Piuparts.Core.KnownProblems;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.KnownProblems;

public class SectionFilesTests
{
    [Fact]
    public void Files_are_mapped_by_pkgspec_with_their_times_and_only_those_with_the_extension()
    {
        using var dir = new TemporaryDirectory();
        dir.Write("sid/pass/a_1.log", []);
        dir.Write("sid/pass/a_1.kpr", []);
        dir.Write("sid/pass/b_1.0.log", []);
        dir.Write("sid/pass/.log", []);           // no extension, as os.path.splitext sees it
        dir.Write("sid/pass/c.log/x", []);        // a directory, not a log
        dir.Write("sid/fail/a_1.log", []);        // scanned last: wins
        var time = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(dir.Combine("sid/fail/a_1.log"), time);

        var logs = SectionFiles.MapWithTimes(dir.Combine("sid"), ["pass", "fail", "missing"], SectionFiles.LogExtension);

        Assert.Equal(["a_1", "b_1.0"], logs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new SectionFile("fail", dir.Combine("sid/fail"), "a_1.log", time.Ticks), logs["a_1"]);
        Assert.Equal(dir.Combine("sid/fail/a_1.log"), logs["a_1"].Path);
        Assert.Equal(["a_1"], SectionFiles.MapWithTimes(dir.Combine("sid"), ["pass"], SectionFiles.KprExtension).Keys);
    }
}
