namespace Piuparts.Core.Tests.Slave;

/// <summary>A clock that stands still until the test moves it; it starts at the real time (files' times are real).</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan time) => Interlocked.Add(ref _ticks, time.Ticks);
}
