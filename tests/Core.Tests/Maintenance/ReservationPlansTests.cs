using Piuparts.Core.Maintenance;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Maintenance;

/// <summary>UntestableLogs and StaleReservations: the two jobs that free packages for testing again.</summary>
public sealed class ReservationPlansTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 22, 30, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory _dir = new();
    private readonly SeededSection _section;

    public ReservationPlansTests() => _section = new SeededSection(_dir.Combine("sid"), Now);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Untestable_logs_older_than_the_days_are_deleted_and_younger_ones_stay()
    {
        _section.File("untestable/old_1.log", 8.0);
        _section.File("untestable/young_1.log", 7.9);

        var plan = UntestableLogs.Plan(_section.Path, "sid", 7, Now);
        ChangeApplier.Apply(plan.Changes);

        Assert.Equal("sid: 1 untestable logs older than 7 days removed", plan.Summary);
        Assert.Equal(["untestable/young_1.log"], _section.Files());
    }

    [Fact]
    public void Reservations_two_days_old_move_to_recycle_even_without_a_recycle_directory()
    {
        _section.File("reserved/stale_1.log", 2.0);
        _section.File("reserved/fresh_1.log", 1.9);

        var plan = StaleReservations.Plan(_section.Path, "sid", Now);
        ChangeApplier.Apply(plan.Changes);

        Assert.Equal("sid: 1 stale reservations released", plan.Summary);
        Assert.Equal(["recycle/stale_1.log", "reserved/fresh_1.log"], _section.Files());
        Assert.Empty(StaleReservations.Plan(_section.Path, "sid", Now).Changes);
    }
}
