namespace Piuparts.Core.Tests.Support;

/// <summary>A clock that says what the test sets, so nothing depends on when the test runs.</summary>
public sealed class SetClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
