namespace Piuparts.SitePipeline.History;

/// <summary>
/// A section's tests of the last days as recent.html needs them, also from the record of a
/// section the next run finds unchanged: the newest tests in full (as many as the page lists,
/// newest first), and the time of every test by result, to count them in any window. On full
/// bookworm the full list would be 30,000 entries, most of the record's megabytes.
/// </summary>
/// <param name="Listed">How many tests the page listed when this was made: <see cref="Newest"/> holds at most that many.</param>
/// <param name="Times">Per result word ("pass", "fail", "untestable"), the tests' times as UTC ticks.</param>
public sealed record RecentTests(int Listed, IReadOnlyList<RecentTest> Newest, IReadOnlyDictionary<string, IReadOnlyList<long>> Times)
{
    /// <summary>
    /// From the section's tests of the window, newest first: only the listed ones are made into
    /// <see cref="RecentTest"/>s (by <paramref name="full"/>, with their page), not every test of
    /// the week (30,000 on full bookworm).
    /// </summary>
    /// <param name="listed">How many of them the page lists at most.</param>
    public static RecentTests Of(IReadOnlyList<ResultEntry> tests, int listed, Func<ResultEntry, RecentTest> full) =>
        new(listed, tests.Take(Math.Max(0, listed)).Select(full).ToArray(),
            tests.GroupBy(t => t.Word, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(t => t.Time.UtcTicks).ToArray(), StringComparer.Ordinal));

    /// <summary>The tests after <paramref name="from"/> and until <paramref name="until"/> (inclusive) with <paramref name="result"/>, or with any result when null.</summary>
    public int Count(string? result, DateTimeOffset from, DateTimeOffset until)
    {
        long after = from.UtcTicks, last = until.UtcTicks;
        return Times.Where(t => result == null || t.Key == result).Sum(t => t.Value.Count(time => time > after && time <= last));
    }
}
