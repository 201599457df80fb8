using System.Diagnostics;
using System.Text;

namespace Piuparts.Core.Slave;

/// <summary>
/// Runs a test command as piuparts' slave does (slave.md §4.5): in its own process group (and
/// session), stdout and stderr merged into one pipe, with a time limit. When the limit passes or
/// the slave aborts, the whole group gets SIGINT, then SIGTERM after the grace time, then
/// SIGKILL, so no part of a hung test survives it. A group that lingers after its leader exited
/// (a daemon holding the pipe) is killed too.
/// </summary>
public sealed class CommandRunner
{
    /// <summary>piuparts' slave gives each test 90 minutes.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(90);

    /// <summary>piuparts gets 30 seconds to clean up after SIGINT, then 5 after SIGTERM.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan TermGrace = TimeSpan.FromSeconds(5);

    /// <summary>How long output may still come after the command itself ended.</summary>
    private static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(5);

    // setsid(1) makes the process a session and group leader without forking (it is not a
    // group leader when started), so its pid is the group id; sh merges stderr into stdout.
    private const string Setsid = "setsid";
    private const string MergeScript = "exec \"$@\" 2>&1";

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public TimeSpan Grace { get; init; } = DefaultGrace;

    /// <summary>Told the process id once the command runs (for the status file).</summary>
    public Action<int>? Started { get; init; }

    /// <summary>Told each killing step ("Sending SIGINT..."), as piuparts prints them.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>Runs the command in <paramref name="workingDirectory"/>; <paramref name="abort"/> kills it at once.</summary>
    public CommandResult Run(IReadOnlyList<string> command, string workingDirectory, CancellationToken abort = default,
        Action<string>? outputLine = null)
    {
        var info = new ProcessStartInfo(Setsid)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var word in (string[])["sh", "-c", MergeScript, "piuparts-site-test", .. command])
            info.ArgumentList.Add(word);
        using var process = Process.Start(info) ?? throw new IOException("cannot start setsid");
        process.StandardInput.Close();
        int group = process.Id;
        Started?.Invoke(group);
        var output = new MemoryStream();
        var reading = Task.Run(() => Copy(process.StandardOutput.BaseStream, output, outputLine));

        var exited = process.WaitForExitAsync(CancellationToken.None);
        var aborted = Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, abort);
        Task.WaitAny([exited, aborted], Timeout);
        bool timedOut = !exited.IsCompleted && !abort.IsCancellationRequested;
        bool wasAborted = !exited.IsCompleted && abort.IsCancellationRequested;
        if (!exited.IsCompleted)
            Terminate(process, group);
        // Whatever else of the group still holds the pipe goes now.
        if (!reading.Wait(DrainWait))
        {
            ProcessGroup.Signal(group, ProcessGroup.SIGKILL);
            reading.Wait(DrainWait);
        }
        ProcessGroup.Signal(group, ProcessGroup.SIGKILL);
        process.WaitForExit();
        byte[] bytes;
        lock (output)
            bytes = output.ToArray();
        // Invalid UTF-8 becomes U+FFFD (piuparts' slave would crash on it).
        var text = Normalize(new UTF8Encoding(false, false).GetString(bytes));
        int ret = timedOut || wasAborted ? -1 : Ret(process.ExitCode);
        return new CommandResult(ret, text, timedOut, wasAborted);
    }

    // piuparts' slave: 124 and 137 come from a timeout(1) wrapper and become negative; .NET
    // reports death by signal N as 128 + N, which Python reports as −N.
    private static int Ret(int exitCode) => exitCode switch
    {
        124 or 137 => -exitCode,
        > 128 and < 128 + 65 => -(exitCode - 128),
        _ => exitCode,
    };

    private void Terminate(Process process, int group)
    {
        Progress?.Invoke("Sending SIGINT...");
        ProcessGroup.Signal(group, ProcessGroup.SIGINT);
        if (process.WaitForExit(Grace))
            return;
        Progress?.Invoke("Sending SIGTERM...");
        ProcessGroup.Signal(group, ProcessGroup.SIGTERM);
        if (process.WaitForExit(TermGrace))
            return;
        Progress?.Invoke("Sending SIGKILL...");
        ProcessGroup.Signal(group, ProcessGroup.SIGKILL);
        ProcessGroup.SignalProcess(process.Id, ProcessGroup.SIGKILL);
        process.WaitForExit(TermGrace);
    }

    private static void Copy(Stream from, MemoryStream to, Action<string>? outputLine)
    {
        var buffer = new byte[1 << 16];
        int pending = 0;
        int read;
        try
        {
            while ((read = from.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (to)
                    to.Write(buffer, 0, read);
                if (outputLine != null)
                {
                    lock (to)
                        pending = EmitLines(to, pending, outputLine);
                }
            }
        }
        catch (IOException)
        {
            // The pipe broke with the group killed: keep what came.
        }
        if (outputLine != null && pending < to.Length)
            outputLine(Encoding.UTF8.GetString(to.GetBuffer(), pending, (int)to.Length - pending));
    }

    private static int EmitLines(MemoryStream buffer, int start, Action<string> outputLine)
    {
        var bytes = buffer.GetBuffer();
        int end = (int)buffer.Length;
        for (int i = start; i < end; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                outputLine(Encoding.UTF8.GetString(bytes, start, i - start).TrimEnd('\r'));
                start = i + 1;
            }
        }
        return start;
    }

    /// <summary>Universal newlines: CRLF and CR become LF, as piuparts reads the output.</summary>
    public static string Normalize(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
