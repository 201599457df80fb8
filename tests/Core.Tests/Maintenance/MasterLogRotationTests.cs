using Piuparts.Core.Maintenance;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Maintenance;

public sealed class MasterLogRotationTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 23, 42, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory _dir = new();
    private readonly SeededSection _section;

    public MasterLogRotationTests() => _section = new SeededSection(_dir.Combine("sid"), Now);

    public void Dispose() => _dir.Dispose();

    private SectionPlan Plan() => MasterLogRotation.PlanSection(_section.Path, "sid", Now, TimeZoneInfo.Utc);

    [Fact]
    public void A_master_log_over_one_mebibyte_is_renamed_with_the_date_and_compressed_the_next_day()
    {
        _section.File("master.log", 0, new string('x', (1 << 20) + 1));
        _section.File("master.20261123.log", 1, "yesterday\n");

        var plan = Plan();
        ChangeApplier.Apply(plan.Changes);

        Assert.Equal("sid: master.log rotated, 1 compressed, 0 old removed", plan.Summary);
        Assert.Equal(["master.20261123.log.xz", "master.20261124.log"], _section.Files());
        Assert.Empty(Plan().Changes);
    }

    [Fact]
    public void A_master_log_of_one_mebibyte_or_less_stays()
    {
        _section.File("master.log", 0, new string('x', 1 << 20));

        Assert.Empty(Plan().Changes);
    }

    [Fact]
    public void Compressed_logs_older_than_ninety_days_go_except_the_newest_four()
    {
        for (int i = 0; i < 6; i++)
            _section.File($"master.2025010{i}.log.xz", 91 + i);

        var plan = Plan();

        Assert.Equal(["delete master.20250104.log.xz", "delete master.20250105.log.xz"], plan.Changes.Select(c => c.Describe(_section.Path)));
    }
}
