using System.Diagnostics;

namespace Piuparts.Core.Slave;

/// <summary>
/// The link piuparts' slave uses: <c>ssh -x [-l user] host command</c> with pipes for stdin and
/// stdout; ssh's own messages go to the slave's stderr.
/// </summary>
public sealed class SshLink : IMasterLink
{
    /// <summary>How long the ssh process may take to end once its input is closed.</summary>
    public static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    private readonly Process _process;

    private SshLink(Process process) => _process = process;

    /// <summary>Starts <paramref name="ssh"/> (a program name looked up on PATH, or a path) for the address.</summary>
    public static SshLink Start(string ssh, MasterAddress address)
    {
        var info = new ProcessStartInfo(ssh)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var argument in address.SshArguments())
            info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new IOException($"cannot start {ssh}");
        return new SshLink(process);
    }

    public int ProcessId => _process.Id;

    public Stream FromMaster => _process.StandardOutput.BaseStream;

    public Stream ToMaster => _process.StandardInput.BaseStream;

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The other side is gone already.
        }
        if (!_process.WaitForExit(ExitWait))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(ExitWait);
        }
        _process.Dispose();
    }
}
