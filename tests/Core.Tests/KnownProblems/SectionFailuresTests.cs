using Piuparts.Core.IO;
using Piuparts.Core.KnownProblems;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.KnownProblems;

public class SectionFailuresTests
{
    [Fact]
    public void Every_report_line_of_the_report_directories_is_a_failure_in_log_path_order()
    {
        using var dir = new TemporaryDirectory();
        dir.Write("sid/fail/b_1.log", []);
        dir.Write("sid/fail/b_1.kpr", "fail/b_1.log x.conf\nfail/b_1.log y.conf\n"u8.ToArray());
        dir.Write("sid/bugged/a_1.log", []);
        dir.Write("sid/bugged/a_1.kpr", "fail/a_1.log x.conf\n"u8.ToArray());
        dir.Write("sid/pass/c_2.log", []);
        dir.Write("sid/pass/c_2.kpr", []);
        dir.Write("sid/untestable/d_1.log", []);
        dir.Write("sid/untestable/d_1.kpr", "untestable/d_1.log unclassified_failures.conf\n"u8.ToArray());

        var (failures, errors) = SectionFailures.Read(dir.Combine("sid"));

        Assert.Empty(errors);
        Assert.Equal(
            [("fail", "x.conf", "a_1", "bugged/a_1.log"), ("fail", "x.conf", "b_1", "fail/b_1.log"), ("fail", "y.conf", "b_1", "fail/b_1.log")],
            failures.Select(f => (f.Line.Where, f.Line.Problem, f.Line.PkgSpec, f.LogPath)));
        Assert.Equal([false, true, true], failures.Select(f => f.IsInFail));
        Assert.Equal("a", failures[0].Package);
    }

    [Fact]
    public void A_log_without_report_is_an_error_and_contributes_nothing()
    {
        using var dir = new TemporaryDirectory();
        dir.Write("sid/fail/b_1.log", []);

        var (failures, errors) = SectionFailures.Read(dir.Combine("sid"));

        Assert.Empty(failures);
        Assert.Contains("Error processing", Assert.Single(errors).Message);
    }

    [Fact]
    public void Failures_read_through_kept_listings_are_the_ones_read_from_the_directories()
    {
        using var dir = new TemporaryDirectory();
        dir.Write("sid/fail/b_1.log", []);
        dir.Write("sid/fail/b_1.kpr", "fail/b_1.log x.conf\n"u8.ToArray());
        dir.Write("sid/pass/c_2.log", []);
        dir.Write("sid/pass/c_2.kpr", []);
        // A second after the directories last changed: their listings are kept.
        var settled = new SetClock(new[] { "fail", "pass" }.Max(d => SetClock.ChangedAt(dir.Combine("sid", d))).AddSeconds(1));
        var first = ListingCache.Of(dir.Combine("sid"), settled);
        var direct = SectionFailures.Read(dir.Combine("sid"));

        var listed = SectionFailures.Read(dir.Combine("sid"), first);
        first.Save();
        var kept = SectionFailures.Read(dir.Combine("sid"), ListingCache.Of(dir.Combine("sid"), settled));

        Assert.Equal(["fail/b_1.log"], direct.Failures.Select(f => f.LogPath));
        Assert.Equal(direct.Failures, listed.Failures);
        Assert.Equal(direct.Failures, kept.Failures);
        Assert.True(File.Exists(dir.Combine("sid", ListingCache.FileName)));
    }
}
