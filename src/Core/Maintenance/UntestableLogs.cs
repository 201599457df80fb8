namespace Piuparts.Core.Maintenance;

/// <summary>
/// report_untestable_packages for one section (maintenance.md §2.3): untestable logs older than
/// <c>reschedule-untestable-days</c> are deleted, so the package has no result and is tested
/// again. The caller leaves out sections whose precedence is above 99.
/// </summary>
public static class UntestableLogs
{
    public const int MaxPrecedence = 99;

    public static SectionPlan Plan(string sectionPath, string section, long days, DateTimeOffset now)
    {
        var old = SectionLog.Find(sectionPath, ["untestable"])
            .Where(log => LogAge.IsOlderThanDays(log.Modified, now, days))
            .OrderBy(log => log.Relative, StringComparer.Ordinal)
            .ToList();
        return new SectionPlan(section, old.Select(log => FileChange.Delete(log.Path)).ToList(),
            $"{section}: {old.Count} untestable logs older than {days} days removed");
    }
}
