using System.Runtime.InteropServices;

namespace Piuparts.Core.IO;

/// <summary>The one POSIX call .NET does not offer: link(2), which fails instead of replacing an existing name.</summary>
internal static class NativeFile
{
    private const int EEXIST = 17;

    [DllImport("libc", SetLastError = true, EntryPoint = "link")]
    private static extern int Link(string existing, string created);

    [DllImport("libc", SetLastError = true, EntryPoint = "statx")]
    private static extern int Statx(int directory, string path, int flags, uint mask, byte[] buffer);

    private const int AtFdCwd = -100;
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

    private static double Seconds(byte[] buffer, int offset) =>
        BitConverter.ToInt64(buffer, offset) + BitConverter.ToUInt32(buffer, offset + 8) / 1e9;

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
}
