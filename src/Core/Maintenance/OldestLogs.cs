namespace Piuparts.Core.Maintenance;

/// <summary>
/// The selection of reschedule_oldest_logs (maintenance.md §2.2, list_logs): of the logs below
/// some directories older than AGE days, the COUNT oldest, taken together across the
/// directories. Order as <c>ls -t</c> gives it: newest first, equal times by path; the oldest
/// are the last COUNT of that list.
/// </summary>
public static class OldestLogs
{
    public static IReadOnlyList<SectionLog> Select(IEnumerable<SectionLog> logs, DateTimeOffset now, long days, long count)
    {
        if (count <= 0)
            return [];
        var old = logs.Where(log => LogAge.IsOlderThanDays(log.Modified, now, days)).ToList();
        // Oldest first; for equal times the path that ls -t lists last comes first.
        old.Sort((a, b) =>
        {
            int byTime = a.Modified.CompareTo(b.Modified);
            return byTime != 0 ? byTime : string.CompareOrdinal(b.Relative, a.Relative);
        });
        return old.Count > count ? old.GetRange(0, (int)count) : old;
    }
}
