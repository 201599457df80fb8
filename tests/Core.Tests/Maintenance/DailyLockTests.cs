using Piuparts.Core.Maintenance;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Maintenance;

public sealed class DailyLockTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_daily_lock_nobody_holds_is_removed()
    {
        _dir.Write("daily.lock", "Tue Nov 24 23:15:01 UTC 2026\n"u8.ToArray());

        var plan = DailyLock.PlanCleanup(_dir.Path, ["/usr/sbin/cron -f", "bash"]);

        Assert.Equal("daily.lock: stale, removed", plan.Summary);
        Assert.Equal([ChangeKind.Delete], plan.Changes.Select(c => c.Kind));
    }

    [Fact]
    public void A_daily_lock_stays_while_a_daily_report_runs()
    {
        _dir.Write("daily.lock", []);

        var plan = DailyLock.PlanCleanup(_dir.Path, ["/bin/sh /usr/share/piuparts/master/generate_daily_report"]);

        Assert.Empty(plan.Changes);
        Assert.Equal("daily.lock: daily processing is running", plan.Summary);
    }

    [Fact]
    public void Without_a_daily_lock_there_is_nothing_to_do()
    {
        Assert.Empty(DailyLock.PlanCleanup(_dir.Path, []).Changes);
    }
}
