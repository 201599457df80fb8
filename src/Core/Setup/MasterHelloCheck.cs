using System.Diagnostics;
using System.Text;
using Piuparts.Core.Slave;

namespace Piuparts.Core.Setup;

/// <summary>
/// The master answers: runs the ssh client exactly as the slave does (<c>ssh -x [-l user] host
/// command</c>) and waits, for a limited time, for its first line, which must be "hello".
/// </summary>
public static class MasterHelloCheck
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);

    public static CheckResult Check(string ssh, MasterAddress address, TimeSpan timeout)
    {
        var commandLine = ShellQuote.Join([ssh, .. address.SshArguments()]);
        var subject = $"master {address.Host} answers hello ({commandLine})";
        var fix = $"run '{commandLine}' as {Environment.UserName}: it must log in without a password or question and print hello; " +
                  "on the master, piuparts-site check --role master checks its authorized_keys";
        var info = new ProcessStartInfo(ssh)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in address.SshArguments())
            info.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new IOException($"cannot start {ssh}");
        }
        catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception)
        {
            return CheckResult.Fail(subject, $"cannot start {ssh}: {e.Message}", "install openssh-client or give the ssh client with --ssh");
        }
        using (process)
        {
            var errors = new StringBuilder();
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (errors) errors.AppendLine(e.Data); };
            process.BeginErrorReadLine();
            var line = process.StandardOutput.ReadLineAsync();
            bool answered = line.Wait(timeout);
            End(process, answered);
            string said;
            lock (errors)
                said = errors.ToString().Trim().Replace('\n', ' ');
            var detail = said.Length > 0 ? $" (ssh said: {said})" : "";
            if (!answered)
                return CheckResult.Fail(subject, $"no answer within {timeout.TotalSeconds:0} s{detail}", fix);
            return line.Result switch
            {
                "hello" => CheckResult.Ok(subject),
                null => CheckResult.Fail(subject, $"ended with status {process.ExitCode} without a word{detail}", fix),
                var other => CheckResult.Fail(subject, $"answered '{other}' instead of hello{detail}", fix),
            };
        }
    }

    // The master ends when its input ends; whatever still runs after that, or did not answer
    // in time, is killed.
    private static void End(Process process, bool answered)
    {
        if (!answered)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return;
        }
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Gone already.
        }
        if (!process.WaitForExit(ExitWait))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(ExitWait);
        }
        process.WaitForExit();
    }
}
