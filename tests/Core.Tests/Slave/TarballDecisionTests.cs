using Piuparts.Core.Slave;

namespace Piuparts.Core.Tests.Slave;

public sealed class TarballDecisionTests
{
    private const long Month = 2592000, SixHours = 21600;

    [Fact]
    public void A_missing_tarball_is_created_and_looked_at_again_after_the_retry_delay()
    {
        var decision = TarballDecision.Decide("./sid_amd64.tar.gz", Month, SixHours, age: null, sinceLastAttempt: null)!;

        Assert.True(decision.Create);
        Assert.Equal(TimeSpan.FromSeconds(SixHours), decision.LookAgainIn);
        Assert.Empty(decision.Messages);
    }

    [Fact]
    public void A_negative_max_age_turns_tarball_handling_off_even_for_a_missing_tarball()
    {
        Assert.Null(TarballDecision.Decide("t.tgz", -1, SixHours, age: null, sinceLastAttempt: null));
    }

    [Fact]
    public void With_max_age_zero_an_existing_tarball_is_never_recreated_and_looked_at_daily()
    {
        var decision = TarballDecision.Decide("t.tgz", 0, SixHours, age: TimeSpan.FromDays(400), sinceLastAttempt: null)!;

        Assert.False(decision.Create);
        Assert.Equal(TimeSpan.FromDays(1), decision.LookAgainIn);
    }

    [Fact]
    public void A_young_tarball_is_kept_until_it_reaches_the_max_age()
    {
        var decision = TarballDecision.Decide("t.tgz", Month, SixHours, age: TimeSpan.FromSeconds(Month - 100), sinceLastAttempt: null)!;

        Assert.False(decision.Create);
        Assert.Equal(TimeSpan.FromSeconds(100), decision.LookAgainIn);
        Assert.Equal([$"Check-replace t.tgz: age={Month - 100} vs. max={Month}"], decision.Messages);
    }

    [Fact]
    public void An_old_tarball_whose_last_attempt_is_recent_waits_for_the_retry_delay()
    {
        var decision = TarballDecision.Decide("t.tgz", Month, SixHours, age: TimeSpan.FromSeconds(Month + 5),
            sinceLastAttempt: TimeSpan.FromSeconds(600))!;

        Assert.False(decision.Create);
        Assert.Equal(TimeSpan.FromSeconds(SixHours - 600), decision.LookAgainIn);
        Assert.Equal($"Limit-replace t.tgz: last-retry=600 vs. min={SixHours}", decision.Messages[1]);
    }

    [Fact]
    public void An_old_tarball_whose_last_attempt_is_old_is_recreated()
    {
        var decision = TarballDecision.Decide("t.tgz", Month, SixHours, age: TimeSpan.FromSeconds(Month + 5),
            sinceLastAttempt: TimeSpan.FromSeconds(SixHours + 1))!;

        Assert.True(decision.Create);
        Assert.Equal(TimeSpan.FromSeconds(SixHours), decision.LookAgainIn);
        Assert.Equal("t.tgz too old.  Forcing re-creation", decision.Messages[^1]);
    }

    [Fact]
    public void Without_a_log_of_an_earlier_attempt_the_tarball_age_counts_as_the_time_since_the_last_attempt()
    {
        var decision = TarballDecision.Decide("t.tgz", 100, 50, age: TimeSpan.FromSeconds(120), sinceLastAttempt: null)!;

        Assert.True(decision.Create);
        Assert.Equal("Limit-replace t.tgz: last-retry=120 vs. min=50", decision.Messages[1]);
    }
}
