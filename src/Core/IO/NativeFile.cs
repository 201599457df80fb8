using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Piuparts.Core.IO;

/// <summary>
/// The POSIX calls .NET does not offer: link(2), which fails instead of replacing an existing
/// name, Linux's unnamed files (O_TMPFILE), statx(2) for the change time and the owner, and
/// access(2) and geteuid(2) for what the running user may do.
/// </summary>
internal static class NativeFile
{
    private const int EEXIST = 17;

    [DllImport("libc", SetLastError = true, EntryPoint = "link")]
    private static extern int Link(string existing, string created);

    [DllImport("libc", SetLastError = true, EntryPoint = "linkat")]
    private static extern int LinkAt(int existingDirectory, string existing, int createdDirectory, string created, int flags);

    [DllImport("libc", SetLastError = true, EntryPoint = "open")]
    private static extern int Open(string path, int flags, uint mode);

    [DllImport("libc", SetLastError = true, EntryPoint = "statx")]
    private static extern int Statx(int directory, string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", SetLastError = true, EntryPoint = "access")]
    private static extern int Access(string path, int mode);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    private const int AtFdCwd = -100;
    private const int AtSymlinkFollow = 0x400;
    private const int OWrOnly = 1, OCloexec = 0x80000, OTmpfileBase = 0x400000;
    private const uint StatxCtimeAndMtime = 0x80 | 0x40;
    // struct statx has the same layout on every architecture: ctime at 96, mtime at 112,
    // each { s64 seconds; u32 nanoseconds; s32 reserved }.
    private const int StatxSize = 256, CtimeOffset = 96, MtimeOffset = 112;

    /// <summary>Change (inode) and modification time of a file in seconds since the epoch; .NET exposes only the latter.</summary>
    public static (double Changed, double Modified) Times(string path)
    {
        var buffer = new byte[StatxSize];
        if (Statx(AtFdCwd, path, 0, StatxCtimeAndMtime, buffer) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot stat {path}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        return (Seconds(buffer, CtimeOffset), Seconds(buffer, MtimeOffset));
    }

    private const uint StatxInoAndCtime = 0x100 | 0x80;
    private const int InodeOffset = 32, DeviceMajorOffset = 136, DeviceMinorOffset = 140;
    private const int ENOENT = 2, ENOTDIR = 20;

    /// <summary>
    /// Which file <paramref name="path"/> is (device and inode) and its change time in
    /// nanoseconds since the epoch: what a directory's listing cache is checked against. Null
    /// when there is no such file.
    /// </summary>
    public static (ulong Device, ulong Inode, long ChangedNanoseconds)? Identity(string path)
    {
        var buffer = new byte[StatxSize];
        if (Statx(AtFdCwd, path, 0, StatxInoAndCtime, buffer) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is ENOENT or ENOTDIR)
                return null;
            throw new IOException($"cannot stat {path}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        ulong device = (ulong)BitConverter.ToUInt32(buffer, DeviceMajorOffset) << 32 | BitConverter.ToUInt32(buffer, DeviceMinorOffset);
        long changed = BitConverter.ToInt64(buffer, CtimeOffset) * 1_000_000_000 + BitConverter.ToUInt32(buffer, CtimeOffset + 8);
        return (device, BitConverter.ToUInt64(buffer, InodeOffset), changed);
    }

    private const uint StatxUid = 0x8;
    private const int UidOffset = 20;

    /// <summary>The user id owning <paramref name="path"/> (symbolic links followed).</summary>
    public static uint Owner(string path)
    {
        var buffer = new byte[StatxSize];
        if (Statx(AtFdCwd, path, 0, StatxUid, buffer) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot stat {path}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        return BitConverter.ToUInt32(buffer, UidOffset);
    }

    /// <summary>The running process's effective user id.</summary>
    public static uint EffectiveUserId => GetEffectiveUserId();

    private const int WOk = 2, XOk = 1;

    /// <summary>True when the running user may create files in the directory (write and search permission).</summary>
    public static bool IsWritableDirectory(string path) => Access(path, WOk | XOk) == 0;

    /// <summary>True when the running user may execute the file.</summary>
    public static bool IsExecutable(string path) => File.Exists(path) && Access(path, XOk) == 0;

    private static double Seconds(byte[] buffer, int offset) =>
        BitConverter.ToInt64(buffer, offset) + BitConverter.ToUInt32(buffer, offset + 8) / 1e9;

    /// <summary>link(2): 0 when <paramref name="created"/> was made, else the errno.</summary>
    public static int LinkErrno(string existing, string created) =>
        Link(existing, created) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>Creates <paramref name="created"/> as a second name of <paramref name="existing"/>; false when it already exists.</summary>
    public static bool TryLink(string existing, string created)
    {
        if (Link(existing, created) == 0)
            return true;
        int errno = Marshal.GetLastPInvokeError();
        if (errno == EEXIST)
            return false;
        throw new IOException($"cannot link {existing} to {created}: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    // O_TMPFILE includes O_DIRECTORY, whose value differs between architectures.
    private static int? TmpfileFlag => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => OTmpfileBase | 0x10000,
        Architecture.Arm64 or Architecture.Arm => OTmpfileBase | 0x4000,
        _ => null,
    };

    /// <summary>
    /// A new file without a name in <paramref name="directory"/>, open for writing with mode 0666
    /// minus the umask; it disappears with its handle unless <see cref="TryLinkUnnamed"/> names
    /// it, so a crash leaves nothing behind. Null where the system or filesystem has no such files.
    /// </summary>
    public static SafeFileHandle? TryCreateUnnamed(string directory)
    {
        if (!OperatingSystem.IsLinux() || TmpfileFlag is not { } tmpfile || !Directory.Exists("/proc/self/fd"))
            return null;
        int fd = Open(directory, tmpfile | OWrOnly | OCloexec, 0x1b6);
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Gives a file made by <see cref="TryCreateUnnamed"/> its name; false when the name exists.</summary>
    public static bool TryLinkUnnamed(SafeFileHandle file, string created)
    {
        var self = $"/proc/self/fd/{file.DangerousGetHandle()}";
        if (LinkAt(AtFdCwd, self, AtFdCwd, created, AtSymlinkFollow) == 0)
            return true;
        int errno = Marshal.GetLastPInvokeError();
        if (errno == EEXIST)
            return false;
        throw new IOException($"cannot create {created}: {Marshal.GetPInvokeErrorMessage(errno)}");
    }
}
