using Piuparts.Core.IO;

namespace Piuparts.Core.Maintenance;

/// <summary>
/// reschedule_oldest_logs for one section (maintenance.md §2.2): marks the oldest passed and
/// failed logs for retesting (a hard link in recycle/), deletes logs that were marked but not
/// retested once they pass the expiry age, and drops marks whose log is gone. Plans only; the
/// caller applies the changes under the section's master.lock.
/// </summary>
/// <remarks>
/// Unlike piuparts, an expired log's mark is deleted with the log in the same run (piuparts
/// leaves it for the next run to drop as obsolete), so a second run does not find that work.
/// </remarks>
public static class Rescheduler
{
    public const string RecycleDirectory = "recycle";
    public const string RecycleStamp = "recycle.stamp";
    public const string IdleStamp = "idle.stamp";

    /// <summary>An idle.stamp younger than this means the section's queue ran dry recently.</summary>
    public static readonly TimeSpan IdleRecently = TimeSpan.FromDays(2);

    private static readonly string[] OldDirectories = ["pass", "fail", "affected"];
    private static readonly string[] FailDirectories = ["fail", "affected"];
    private static readonly string[] ResultDirectories = ["pass", "bugged", "affected", "fail"];

    /// <summary>The whole job: rescheduling, expiry and obsolete marks.</summary>
    /// <param name="listings">The section's kept directory listings (<see cref="ListingCache"/>); none when null.</param>
    public static SectionPlan Plan(string sectionPath, string section, RescheduleRules rules, DateTimeOffset now, ListingCache? listings = null) =>
        Plan(sectionPath, section, rules, now, expireOnly: false, listings ?? ListingCache.None);

    /// <summary>Only the expiry: the marked logs past their expiry age, and their marks.</summary>
    public static SectionPlan PlanExpiry(string sectionPath, string section, RescheduleRules rules, DateTimeOffset now, ListingCache? listings = null) =>
        Plan(sectionPath, section, rules, now, expireOnly: true, listings ?? ListingCache.None);

    private static SectionPlan Plan(string sectionPath, string section, RescheduleRules rules, DateTimeOffset now, bool expireOnly, ListingCache listings)
    {
        var recycle = Path.Combine(sectionPath, RecycleDirectory);
        var queued = SectionLog.Find(sectionPath, [RecycleDirectory], listings);
        var marks = new HashSet<string>(queued.Select(q => q.FileName), StringComparer.Ordinal);
        var recycleWas = queued.Count == 0 ? "empty" : IsNewer(Path.Combine(sectionPath, RecycleStamp), recycle) ? "idle" : "";
        bool idle = File.Exists(Path.Combine(sectionPath, IdleStamp))
                    && File.GetLastWriteTimeUtc(Path.Combine(sectionPath, IdleStamp)) > (now - IdleRecently).UtcDateTime;

        // Read with their times first: the names Obsolete needs of these directories then come from
        // the listings kept (a reading without times is not kept).
        var logs = rules.AutoReschedule ? SectionLog.Find(sectionPath, OldDirectories, listings) : [];
        OldestLogs.Order(logs);
        var obsolete = expireOnly || queued.Count == 0
            ? []
            : Obsolete(sectionPath, queued, listings);

        List<SectionLog> expired = [], rescheduled = [];
        if (rules.AutoReschedule)
        {
            var failed = logs.Where(l => l.Directory != "pass").ToList();
            var candidates = new List<SectionLog>();
            if (rules.ExpiresOld && recycleWas != "")
                candidates.AddRange(OldestLogs.SelectOrdered(logs, now, rules.ExpireOldDays, rules.RescheduleOldCount));
            if (rules.ExpiresFail)
                candidates.AddRange(OldestLogs.SelectOrdered(failed, now, rules.ExpireFailDays, rules.RescheduleFailCount));
            // A log must have been marked for recycling before it expires.
            expired = Unique(candidates).Where(l => marks.Contains(l.FileName)).ToList();

            if (!expireOnly)
            {
                candidates.Clear();
                if (idle)
                    candidates.AddRange(OldestLogs.SelectOrdered(logs, now, rules.RescheduleOldDays, rules.RescheduleOldCount));
                candidates.AddRange(OldestLogs.SelectOrdered(failed, now, rules.RescheduleFailDays, rules.RescheduleFailCount));
                rescheduled = Unique(candidates).Where(l => !marks.Contains(l.FileName)).ToList();
            }
        }

        var changes = new List<FileChange>();
        changes.AddRange(rescheduled.Select(l => FileChange.Link(l.Path, Path.Combine(recycle, l.FileName))));
        foreach (var log in expired)
        {
            changes.Add(FileChange.Delete(log.Path));
            changes.Add(FileChange.Delete(Path.Combine(recycle, log.FileName)));
        }
        changes.AddRange(obsolete.Select(FileChange.Delete));

        var after = new HashSet<string>(marks, StringComparer.Ordinal);
        after.UnionWith(rescheduled.Select(l => l.FileName));
        after.ExceptWith(expired.Select(l => l.FileName));
        after.ExceptWith(obsolete.Select(Path.GetFileName)!);

        var summary = expireOnly
            ? $"{section}: {expired.Count} expired, queued {after.Count}"
            : $"{section}: {rescheduled.Count} rescheduled, {expired.Count} expired, {obsolete.Count} obsolete" +
              (recycleWas != "" ? $" (recycle-was-{recycleWas})" : "") + $", queued {after.Count}" + (idle ? "" : " not-idle");
        return new SectionPlan(section, changes, summary);
    }

    // The marks whose name is in none of the result directories (untestable is not looked at).
    // The directories' names are looked up among the marks, not the other way round: a few
    // hundred marks against tens of thousands of logs.
    private static List<string> Obsolete(string sectionPath, List<SectionLog> queued, ListingCache listings)
    {
        var unseen = new HashSet<string>(queued.Select(q => q.FileName), StringComparer.Ordinal);
        foreach (var directory in ResultDirectories)
        {
            foreach (var entry in listings.List(Path.Combine(sectionPath, directory), times: false) ?? [])
                unseen.Remove(entry.Name);
        }
        return queued.Where(q => unseen.Contains(q.FileName)).Select(q => q.Path).Order(StringComparer.Ordinal).ToList();
    }

    // sort -u of the relative paths.
    private static IEnumerable<SectionLog> Unique(IEnumerable<SectionLog> logs) =>
        logs.DistinctBy(l => l.Relative).OrderBy(l => l.Relative, StringComparer.Ordinal);

    // test FILE -nt OTHER: FILE exists and was modified after OTHER.
    private static bool IsNewer(string file, string other) =>
        File.Exists(file) && Path.Exists(other) && File.GetLastWriteTimeUtc(file) > Directory.GetLastWriteTimeUtc(other);
}
