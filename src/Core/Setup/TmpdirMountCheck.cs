namespace Piuparts.Core.Setup;

/// <summary>
/// piuparts builds chroots under tmpdir: they need device files (/dev/null) and setuid programs
/// (su, mount), so tmpdir must not be on a filesystem mounted nodev or nosuid.
/// </summary>
public static class TmpdirMountCheck
{
    public static CheckResult Check(string tmpdir, MountTable mounts)
    {
        var path = Path.GetFullPath(tmpdir);
        var subject = $"tmpdir {tmpdir} mount";
        if (mounts.MountOf(path) is not { } mount)
            return CheckResult.Fail(subject, "no mount point in the mount table is a prefix of it", "check /proc/self/mountinfo");
        var bad = new[] { "nodev", "nosuid" }.Where(mount.Has).ToArray();
        if (bad.Length == 0)
            return CheckResult.Ok($"{subject}: {mount.MountPoint} is mounted without nodev and nosuid");
        var options = string.Join(',', bad);
        return CheckResult.Fail(subject, $"is on {mount.MountPoint}, mounted {options} (chroots need device files and setuid programs)",
            $"set tmpdir to a directory on a filesystem mounted without {string.Join(" and ", bad)}, or remount {mount.MountPoint} without them");
    }
}
