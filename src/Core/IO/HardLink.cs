using System.Runtime.InteropServices;

namespace Piuparts.Core.IO;

/// <summary>Hard links, for trees that mirror the master's files without copying them (the site's log copies).</summary>
public static class HardLink
{
    // The file system cannot link these two: another device (the output directory on another
    // mount is common), no hard links there, too many links, or linking refused by policy.
    private const int EPERM = 1, EXDEV = 18, EMLINK = 31, EOPNOTSUPP = 95;

    /// <summary>
    /// Creates <paramref name="created"/> as a second name of <paramref name="existing"/>; false
    /// when the file system cannot (another device, say), so the caller copies instead. Other
    /// failures (the name exists, a missing directory) are IOExceptions.
    /// </summary>
    public static bool TryCreate(string existing, string created)
    {
        int errno = NativeFile.LinkErrno(existing, created);
        return errno switch
        {
            0 => true,
            EPERM or EXDEV or EMLINK or EOPNOTSUPP => false,
            _ => throw new IOException($"cannot link {existing} to {created}: {Marshal.GetPInvokeErrorMessage(errno)}"),
        };
    }
}
