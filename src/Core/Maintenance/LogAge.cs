namespace Piuparts.Core.Maintenance;

/// <summary>
/// Ages in whole days as piuparts' cron scripts measure them with <c>find -mtime +N</c>: the
/// age is counted in whole 24-hour periods, fractions dropped, and must be greater than N, so
/// "+N" means at least (N+1)×24 hours old (maintenance.md, conventions).
/// </summary>
public static class LogAge
{
    /// <summary>True when a file modified at <paramref name="modified"/> matches <c>-mtime +<paramref name="days"/></c> at <paramref name="now"/>.</summary>
    public static bool IsOlderThanDays(DateTime modified, DateTimeOffset now, long days)
    {
        var age = now.UtcDateTime - modified.ToUniversalTime();
        return age >= TimeSpan.FromDays(days + 1);
    }
}
