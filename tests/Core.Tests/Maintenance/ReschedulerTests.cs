using Piuparts.Core.Maintenance;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Maintenance;

public sealed class ReschedulerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

    // The example of maintenance.md §2.2: old pass logs after 10 days (3 at a time, expiring 5
    // days later), failed logs after 5 days (2 at a time, expiring after 8 days).
    private static readonly RescheduleRules Rules = new(
        AutoReschedule: true,
        RescheduleOldDays: 10, RescheduleOldCount: 3, ExpireOldDays: 15,
        RescheduleFailDays: 5, RescheduleFailCount: 2, ExpireFailDays: 8);

    private readonly TemporaryDirectory _dir = new();
    private readonly SeededSection _section;

    public ReschedulerTests()
    {
        _section = new SeededSection(_dir.Combine("s1"), Now);
        foreach (var (name, days) in new[] { ("p1", 11.5), ("p2", 13.5), ("p3", 15.5), ("p4", 17.5), ("p5", 19.5), ("p6", 20.5) })
            _section.File($"pass/{name}_1.log", days);
        foreach (var (name, days) in new[] { ("f1", 6.5), ("f2", 7.5), ("f3", 9.5), ("f4", 10.5) })
            _section.File($"fail/{name}_1.log", days);
        _section.Link("pass/p6_1.log", "recycle/p6_1.log");
        _section.Link("fail/f4_1.log", "recycle/f4_1.log");
        _section.File("recycle/gone_1.log", 3);
        _section.File("idle.stamp", 0.5);
    }

    public void Dispose() => _dir.Dispose();

    private SectionPlan Plan(RescheduleRules? rules = null) => Rescheduler.Plan(_section.Path, "s1", rules ?? Rules, Now);

    private IReadOnlyList<string> Apply(SectionPlan plan)
    {
        Assert.Empty(ChangeApplier.Apply(plan.Changes));
        return _section.Files();
    }

    [Fact]
    public void The_specification_example_reschedules_three_logs_expires_one_and_drops_one_obsolete_mark()
    {
        var plan = Plan();

        Assert.Equal("s1: 3 rescheduled, 1 expired, 1 obsolete, queued 4", plan.Summary);
        Assert.Equal(
        [
            "link fail/f3_1.log -> recycle/f3_1.log",
            "link pass/p4_1.log -> recycle/p4_1.log",
            "link pass/p5_1.log -> recycle/p5_1.log",
            "delete fail/f4_1.log",
            "delete recycle/f4_1.log",
            "delete recycle/gone_1.log",
        ], plan.Changes.Select(c => c.Describe(_section.Path)));
    }

    [Fact]
    public void Rescheduled_logs_are_hard_linked_into_recycle()
    {
        var files = Apply(Plan());

        Assert.Equal(["recycle/f3_1.log", "recycle/p4_1.log", "recycle/p5_1.log", "recycle/p6_1.log"], files.Where(f => f.StartsWith("recycle/")));
        Assert.True(_section.SameFile("pass/p4_1.log", "recycle/p4_1.log"));
        Assert.DoesNotContain("fail/f4_1.log", files);
    }

    [Fact]
    public void A_second_run_at_the_same_moment_changes_nothing()
    {
        // f3 is younger than the fail expiry here, so nothing the first run marks can expire.
        var rules = Rules with { ExpireFailDays = 10 };
        Apply(Plan(rules));
        var before = DirectoryTree.Of(_section.Path).ToString();

        var again = Plan(rules);

        Assert.Empty(again.Changes);
        Assert.Equal("s1: 0 rescheduled, 0 expired, 0 obsolete, queued 5", again.Summary);
        Assert.Equal(before, DirectoryTree.Of(_section.Path).ToString());
    }

    [Fact]
    public void A_failed_log_marked_past_its_expiry_age_expires_in_the_next_run_as_in_piuparts()
    {
        // f3 (9.5 days) is past the fail expiry (8) but was not marked: the first run marks it,
        // the next deletes it unless it was retested in between, and the two oldest failed logs
        // are then f2 and f1, so f2 is marked in its place.
        Apply(Plan());

        var second = Plan();

        Assert.Equal(["link fail/f2_1.log -> recycle/f2_1.log", "delete fail/f3_1.log", "delete recycle/f3_1.log"],
            second.Changes.Select(c => c.Describe(_section.Path)));
    }

    [Fact]
    public void Passed_logs_are_rescheduled_only_while_the_section_was_idle_recently()
    {
        File.SetLastWriteTimeUtc(_section.Path + "/idle.stamp", (Now - TimeSpan.FromDays(2.5)).UtcDateTime);

        var plan = Plan();

        Assert.Equal("s1: 1 rescheduled, 1 expired, 1 obsolete, queued 2 not-idle", plan.Summary);
        Assert.Equal("link fail/f3_1.log -> recycle/f3_1.log", plan.Changes[0].Describe(_section.Path));
    }

    [Fact]
    public void Passed_logs_expire_only_when_recycle_was_idle()
    {
        // recycle.stamp newer than recycle/: the recycled logs were all tried, and p6 still was not retested.
        _section.Directory("recycle", 2);
        _section.File("recycle.stamp", 1);

        var plan = Plan();

        Assert.Equal("s1: 3 rescheduled, 2 expired, 1 obsolete (recycle-was-idle), queued 3", plan.Summary);
        Assert.Contains("delete pass/p6_1.log", plan.Changes.Select(c => c.Describe(_section.Path)));
    }

    [Fact]
    public void An_expiry_of_plus_n_days_counts_from_the_reschedule_age()
    {
        var conf = Core.Config.PiupartsConf.Parse(
            "[global]\nsections = s1\nreschedule-old-days = 10\nexpire-old-days = +5\nexpire-fail-days = 40\n[s1]\nreschedule-fail-days = 20\nexpire-fail-days = +3\nauto-reschedule = true\n",
            "piuparts.conf").Conf!;

        var rules = RescheduleRules.Of(conf.Section("s1")!);

        Assert.Equal(15, rules.ExpireOldDays);
        Assert.Equal(23, rules.ExpireFailDays);
        // Only the word yes switches automatic rescheduling on, as in piuparts' script.
        Assert.False(rules.AutoReschedule);
    }

    [Fact]
    public void Without_auto_reschedule_only_obsolete_marks_are_dropped()
    {
        var plan = Plan(Rules with { AutoReschedule = false });

        Assert.Equal(["delete recycle/gone_1.log"], plan.Changes.Select(c => c.Describe(_section.Path)));
    }

    [Fact]
    public void A_count_of_zero_disables_a_rule()
    {
        var plan = Plan(Rules with { RescheduleOldCount = 0, RescheduleFailCount = 0 });

        Assert.Equal("s1: 0 rescheduled, 0 expired, 1 obsolete, queued 2", plan.Summary);
    }

    [Fact]
    public void The_expiry_alone_deletes_marked_logs_past_their_age_and_their_marks()
    {
        var plan = Rescheduler.PlanExpiry(_section.Path, "s1", Rules, Now);

        Assert.Equal("s1: 1 expired, queued 2", plan.Summary);
        Assert.Equal(["delete fail/f4_1.log", "delete recycle/f4_1.log"], plan.Changes.Select(c => c.Describe(_section.Path)));
    }

    [Fact]
    public void The_oldest_logs_are_counted_across_directories_and_equal_times_go_by_path()
    {
        var logs = new[]
        {
            new SectionLog("pass/a_1.log", "/x/pass/a_1.log", Now.UtcDateTime.AddDays(-30)),
            new SectionLog("fail/b_1.log", "/x/fail/b_1.log", Now.UtcDateTime.AddDays(-30)),
            new SectionLog("fail/c_1.log", "/x/fail/c_1.log", Now.UtcDateTime.AddDays(-40)),
            new SectionLog("pass/d_1.log", "/x/pass/d_1.log", Now.UtcDateTime.AddDays(-2)),
        };

        var oldest = OldestLogs.Select(logs, Now, 5, 2);

        // ls -t lists fail/b before pass/a (equal times by name); tail takes pass/a.
        Assert.Equal(["fail/c_1.log", "pass/a_1.log"], oldest.Select(l => l.Relative));
    }

    [Theory]
    [InlineData(0.99, 0, false)]
    [InlineData(1.0, 0, true)]
    [InlineData(1.99, 1, false)]
    [InlineData(2.01, 1, true)]
    public void Plus_n_days_means_at_least_n_plus_one_whole_days(double ageDays, long n, bool older)
    {
        Assert.Equal(older, LogAge.IsOlderThanDays((Now - TimeSpan.FromDays(ageDays)).UtcDateTime, Now, n));
    }
}
