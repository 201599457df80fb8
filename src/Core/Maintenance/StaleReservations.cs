namespace Piuparts.Core.Maintenance;

/// <summary>
/// report_stale_reserved_packages for one section (maintenance.md §2.4): a reservation older
/// than one day (find -mtime +1, so at least two days) belongs to a slave that never reported
/// back; its log is moved into recycle/. For a package reserved from recycle/ that restores its
/// mark; any other mark is obsolete and the next reschedule drops it. Either way the package
/// is free again.
/// </summary>
public static class StaleReservations
{
    public const long Days = 1;

    public static SectionPlan Plan(string sectionPath, string section, DateTimeOffset now)
    {
        var stale = SectionLog.Find(sectionPath, ["reserved"])
            .Where(log => LogAge.IsOlderThanDays(log.Modified, now, Days))
            .OrderBy(log => log.Relative, StringComparer.Ordinal)
            .ToList();
        var recycle = Path.Combine(sectionPath, Rescheduler.RecycleDirectory);
        return new SectionPlan(section, stale.Select(log => FileChange.Move(log.Path, Path.Combine(recycle, log.FileName))).ToList(),
            $"{section}: {stale.Count} stale reservations released");
    }
}
