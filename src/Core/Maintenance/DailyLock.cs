namespace Piuparts.Core.Maintenance;

/// <summary>
/// master_cleanup (maintenance.md §2.8), run at boot: <c>&lt;output-directory&gt;/daily.lock</c>,
/// which piuparts' generate_daily_report holds while it runs, is deleted when no daily report
/// or piuparts-report process is running (one that died with the machine left it behind).
/// </summary>
public static class DailyLock
{
    public const string FileName = "daily.lock";

    /// <summary>Programs whose running means the lock is live.</summary>
    public static readonly IReadOnlyList<string> Holders = ["generate_daily_report", "piuparts-report", "piuparts-site daily-report"];

    /// <param name="running">Command lines of the running processes (<see cref="RunningCommandLines"/>).</param>
    public static SectionPlan PlanCleanup(string outputDirectory, IEnumerable<string> running)
    {
        var path = Path.Combine(outputDirectory, FileName);
        if (!File.Exists(path))
            return new SectionPlan("daily.lock", [], "daily.lock: none");
        if (running.Any(command => Holders.Any(h => command.Contains(h, StringComparison.Ordinal))))
            return new SectionPlan("daily.lock", [], "daily.lock: daily processing is running");
        return new SectionPlan("daily.lock", [FileChange.Delete(path)], "daily.lock: stale, removed");
    }

    /// <summary>The command lines of the other processes of this machine, as pgrep -f sees them.</summary>
    public static IEnumerable<string> RunningCommandLines()
    {
        if (!Directory.Exists("/proc"))
            yield break;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out int pid) || pid == Environment.ProcessId)
                continue;
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(directory, "cmdline"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            yield return text.Replace('\0', ' ');
        }
    }
}
