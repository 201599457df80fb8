using System.Text;

namespace Piuparts.Core.Setup;

/// <summary>
/// The mounts of /proc/self/mountinfo (proc(5)): which mount a path is on is the one with the
/// longest mount point that is a prefix of it, the last one listed when mounts are stacked.
/// </summary>
public sealed class MountTable
{
    public const string SelfPath = "/proc/self/mountinfo";

    private readonly List<MountEntry> _mounts;

    private MountTable(List<MountEntry> mounts) => _mounts = mounts;

    public IReadOnlyList<MountEntry> Mounts => _mounts;

    /// <summary>Reads mountinfo text; lines that are too short are skipped.</summary>
    public static MountTable Parse(string text)
    {
        var mounts = new List<MountEntry>();
        foreach (var line in text.Split('\n'))
        {
            // id parent major:minor root mount-point options [optional fields...] - fstype source super-options
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6)
                continue;
            mounts.Add(new MountEntry(Unescape(fields[4]), fields[5].Split(',')));
        }
        return new MountTable(mounts);
    }

    /// <summary>The mount <paramref name="path"/> (absolute) is on; null when no mount point is a prefix of it.</summary>
    public MountEntry? MountOf(string path)
    {
        MountEntry? best = null;
        foreach (var mount in _mounts)
        {
            if (IsUnder(path, mount.MountPoint) && (best == null || mount.MountPoint.Length >= best.MountPoint.Length))
                best = mount;
        }
        return best;
    }

    private static bool IsUnder(string path, string mountPoint) =>
        mountPoint == "/" ||
        path == mountPoint ||
        (path.StartsWith(mountPoint, StringComparison.Ordinal) && path[mountPoint.Length] == '/');

    // The kernel writes space, tab, newline and backslash in paths as \ooo (three octal digits).
    private static string Unescape(string field)
    {
        if (!field.Contains('\\'))
            return field;
        var text = new StringBuilder(field.Length);
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && IsOctal(field[i + 1]) && IsOctal(field[i + 2]) && IsOctal(field[i + 3]))
            {
                text.Append((char)((field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 + (field[i + 3] - '0')));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }
        return text.ToString();
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}
