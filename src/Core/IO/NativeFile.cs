using System.Runtime.InteropServices;

namespace Piuparts.Core.IO;

/// <summary>The one POSIX call .NET does not offer: link(2), which fails instead of replacing an existing name.</summary>
internal static class NativeFile
{
    private const int EEXIST = 17;

    [DllImport("libc", SetLastError = true, EntryPoint = "link")]
    private static extern int Link(string existing, string created);

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
