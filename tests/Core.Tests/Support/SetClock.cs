using Piuparts.Core.IO;

namespace Piuparts.Core.Tests.Support;

/// <summary>A clock that says what the test sets, so nothing depends on when the test runs.</summary>
public sealed class SetClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>When a directory last changed (its inode change time): what a listing cache compares the clock with.</summary>
    public static DateTimeOffset ChangedAt(string directory) =>
        DateTimeOffset.UnixEpoch.AddTicks(NativeFile.Identity(directory)!.Value.ChangedNanoseconds / 100);
}
