using System.Runtime.InteropServices;

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
        var ordered = logs.ToList();
        Order(ordered);
        return SelectOrdered(ordered, now, days, count);
    }

    /// <summary>Sorts <paramref name="logs"/> oldest first, as <see cref="SelectOrdered"/> takes them.</summary>
    public static void Order(List<SectionLog> logs)
    {
        // By their times as numbers, then each run of equal times by path: a section's 30,000 logs
        // sorted as structs through a comparison took a fifth of a reschedule with nothing to do.
        var times = new long[logs.Count];
        for (int i = 0; i < times.Length; i++)
            times[i] = logs[i].Modified.Ticks;
        var sorted = CollectionsMarshal.AsSpan(logs);
        times.AsSpan().Sort(sorted);
        for (int start = 0; start < times.Length;)
        {
            int end = start + 1;
            while (end < times.Length && times[end] == times[start])
                end++;
            // For equal times the path that ls -t lists last comes first.
            if (end - start > 1)
                sorted[start..end].Sort(LaterPathFirst);
            start = end;
        }
    }

    private static readonly Comparison<SectionLog> LaterPathFirst = (a, b) => string.CompareOrdinal(b.Relative, a.Relative);

    /// <summary>
    /// <see cref="Select"/> of logs already in <see cref="Order"/>: the logs old enough are the
    /// first ones, so one sort serves every rule of a section.
    /// </summary>
    public static IReadOnlyList<SectionLog> SelectOrdered(IReadOnlyList<SectionLog> oldestFirst, DateTimeOffset now, long days, long count)
    {
        var selected = new List<SectionLog>();
        for (int i = 0; i < oldestFirst.Count && selected.Count < count && LogAge.IsOlderThanDays(oldestFirst[i].Modified, now, days); i++)
            selected.Add(oldestFirst[i]);
        return selected;
    }
}
