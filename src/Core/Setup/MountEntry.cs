namespace Piuparts.Core.Setup;

/// <summary>One line of /proc/self/mountinfo: where a filesystem is mounted and its per-mount options.</summary>
public sealed record MountEntry(string MountPoint, IReadOnlyList<string> Options)
{
    public bool Has(string option) => Options.Contains(option, StringComparer.Ordinal);
}
