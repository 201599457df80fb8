namespace Piuparts.Core.Tests.Slave;

/// <summary>
/// A clock for slave tests that moves only when a worker sleeps: each sleep advances it by the
/// time asked for and returns almost at once, so waits of minutes take milliseconds. Shared by
/// all workers of a test; the time starts at the real time (the master's idle stamps use it).
/// </summary>
public sealed class SteppingClock : TimeProvider
{
    private long _offsetTicks;
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private int _sleeps;

    public override DateTimeOffset GetUtcNow() => _start + (DateTimeOffset.UtcNow - _start) + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>How often a worker slept.</summary>
    public int Sleeps => _sleeps;

    public void Sleep(TimeSpan time, CancellationToken wake)
    {
        Interlocked.Increment(ref _sleeps);
        if (wake.IsCancellationRequested)
            return;
        Interlocked.Add(ref _offsetTicks, time.Ticks);
        wake.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(5));
    }
}
