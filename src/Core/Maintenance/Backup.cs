using Piuparts.Core.IO;

namespace Piuparts.Core.Maintenance;

/// <summary>
/// prepare_backup (maintenance.md §2.6): the history that cannot be recomputed (archive_issues.txt
/// and bts_stats.txt of the master directory, submissions.txt and counts.txt of each section)
/// copied into backup-directory, keeping the layout. Each copy replaces the previous one only
/// once complete; a file whose copy is already identical is left alone, so a second run
/// changes nothing. A missing file is a warning, except the submissions.txt of the
/// <c>&lt;testing&gt;-pu</c> and <c>&lt;testing&gt;-security</c> sections, which stay empty for long.
/// </summary>
public static class Backup
{
    public static readonly IReadOnlyList<string> MasterFiles = ["archive_issues.txt", "bts_stats.txt"];
    public static readonly IReadOnlyList<string> SectionFiles = ["submissions.txt", "counts.txt"];

    /// <summary>The files of the master directory itself.</summary>
    public static SectionPlan PlanMaster(string masterRoot, string backupDirectory) =>
        Plan("master directory", masterRoot, backupDirectory, MasterFiles.Select(f => (f, Quiet: false)));

    /// <summary>The files of one section.</summary>
    public static SectionPlan PlanSection(string masterRoot, string section, string backupDirectory, string? testingSuite)
    {
        bool quietWhenMissing = testingSuite != null && (section == $"{testingSuite}-pu" || section == $"{testingSuite}-security");
        return Plan(section, masterRoot, backupDirectory,
            SectionFiles.Select(f => ($"{section}/{f}", Quiet: quietWhenMissing && f == "submissions.txt")));
    }

    private static SectionPlan Plan(string name, string masterRoot, string backupDirectory, IEnumerable<(string Relative, bool Quiet)> files)
    {
        var changes = new List<FileChange>();
        var warnings = new List<string>();
        int unchanged = 0;
        foreach (var (relative, quiet) in files)
        {
            var source = Path.Combine(masterRoot, relative);
            var target = Path.Combine(backupDirectory, relative);
            if (!File.Exists(source))
            {
                if (!quiet)
                    warnings.Add($"Warning: {source} does not exist.");
                continue;
            }
            if (SameContent(source, target))
                unchanged++;
            else
                changes.Add(FileChange.Copy(source, target));
        }
        return new SectionPlan(name, changes, $"{name}: {changes.Count} copied, {unchanged} unchanged, {warnings.Count} missing")
        {
            Warnings = warnings,
        };
    }

    private static bool SameContent(string source, string target)
    {
        if (!File.Exists(target) || new FileInfo(source).Length != new FileInfo(target).Length)
            return false;
        return FileContent.Is(target, File.ReadAllBytes(source));
    }
}
