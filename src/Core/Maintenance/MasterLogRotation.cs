using System.Globalization;
using System.Text.RegularExpressions;
using Piuparts.Core.IO;

namespace Piuparts.Core.Maintenance;

/// <summary>
/// rotate_master_logs (maintenance.md §2.7): a section's master.log over 1 MiB becomes
/// master.&lt;local date&gt;.log; rotated logs of earlier days are compressed with xz -9; of the
/// compressed ones all but the newest four go once older than 90 days. And the report's
/// published logs of the day a week ago are compressed. A file whose .xz exists already is
/// left as it is (xz without -f refuses it).
/// </summary>
public static partial class MasterLogRotation
{
    public const long RotateBytes = 1 << 20;
    public const int KeepNewest = 4;
    public const long KeepDays = 90;
    public const int Preset = 9;

    public static SectionPlan PlanSection(string sectionPath, string section, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = TimeZoneInfo.ConvertTime(now, zone).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var log = new FileInfo(Path.Combine(sectionPath, "master.log"));
        var rotatedToday = Path.Combine(sectionPath, $"master.{today}.log");
        var changes = new List<FileChange>();
        if (log.Exists && log.LinkTarget == null && log.Length > RotateBytes && !Path.Exists(rotatedToday))
            changes.Add(FileChange.Move(log.FullName, rotatedToday));

        var directory = new DirectoryInfo(sectionPath);
        var compressed = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var file in directory.EnumerateFiles("master.*"))
        {
            if (CompressedLog().IsMatch(file.Name))
                compressed[file.FullName] = file.LastWriteTimeUtc;
        }
        int rotations = 0;
        foreach (var file in directory.EnumerateFiles("master.*.log").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (file.FullName == rotatedToday || file.LinkTarget != null || File.Exists(file.FullName + XzFile.Extension))
                continue;
            changes.Add(FileChange.Compress(file.FullName, Preset));
            compressed[file.FullName + XzFile.Extension] = file.LastWriteTimeUtc;
            rotations++;
        }

        // ls -t: newest first, equal times by name; the first four always stay.
        var expired = compressed
            .OrderByDescending(c => c.Value).ThenBy(c => Path.GetFileName(c.Key), StringComparer.Ordinal)
            .Skip(KeepNewest)
            .Where(c => LogAge.IsOlderThanDays(c.Value, now, KeepDays))
            .Select(c => c.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        changes.AddRange(expired.Select(FileChange.Delete));
        return new SectionPlan(section, changes,
            $"{section}: {(changes.Count > 0 && changes[0].Kind == ChangeKind.Move ? "master.log rotated, " : "")}{rotations} compressed, {expired.Count} old removed");
    }

    /// <summary>The published logs of the UTC day a week before <paramref name="now"/>, below the output directory, compressed.</summary>
    public static SectionPlan PlanPublishedLogs(string outputDirectory, DateTimeOffset now)
    {
        var day = now.UtcDateTime.AddDays(-7);
        var directory = Path.Combine(outputDirectory, "logs", day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(XzFile.Extension, StringComparison.Ordinal) && !File.Exists(f + XzFile.Extension))
                .Order(StringComparer.Ordinal).ToList()
            : [];
        return new SectionPlan("logs", files.Select(f => FileChange.Compress(f, Preset)).ToList(),
            $"logs/{day:yyyy/MM/dd}: {files.Count} compressed");
    }

    [GeneratedRegex(@"^master\..*\.log\..+$")]
    private static partial Regex CompressedLog();
}
