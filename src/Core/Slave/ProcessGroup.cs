using System.Runtime.InteropServices;

namespace Piuparts.Core.Slave;

/// <summary>Signals to a whole process group, which .NET's Process cannot send.</summary>
internal static class ProcessGroup
{
    public const int SIGINT = 2, SIGKILL = 9, SIGTERM = 15;

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    /// <summary>Sends the signal to every process of the group; false when there is none left.</summary>
    public static bool Signal(int group, int signal) => Kill(-group, signal) == 0;

    /// <summary>Sends the signal to one process; false when it is gone.</summary>
    public static bool SignalProcess(int pid, int signal) => Kill(pid, signal) == 0;

    /// <summary>Whether a process of that id exists (it may belong to another user).</summary>
    public static bool IsAlive(int pid) => Kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() == 1; // EPERM: exists
}
