using System.Diagnostics;
using System.Text;
using Piuparts.Core.Tests.Slave;
using Piuparts.Differential.Tests.Harness;

namespace Piuparts.Differential.Tests.Slave;

/// <summary>
/// A slave as a real process: piuparts-site's (the apphost beside these tests) or Debian's
/// piuparts-slave in a private mount namespace that shows the site's configuration as
/// /etc/piuparts. Output (stdout and stderr) is collected; every wait is bounded.
/// </summary>
public sealed class SlaveProcess : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SlaveProcess(ProcessStartInfo info)
    {
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line == null)
            return;
        lock (_output)
            _output.Append(line).Append('\n');
    }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public int Id => _process.Id;

    /// <summary><c>piuparts-site slave --config … --distros … [arguments]</c>, with <paramref name="path"/> in front of PATH.</summary>
    public static SlaveProcess PiupartsSite(SlaveSite site, IEnumerable<string> arguments, string? path = null)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "piuparts-site"));
        foreach (var argument in (string[])["slave", "--config", site.ConfigPath, "--distros", site.DistrosPath, .. arguments])
            info.ArgumentList.Add(argument);
        if (path != null)
            info.Environment["PATH"] = path + ":" + Environment.GetEnvironmentVariable("PATH");
        return new SlaveProcess(info);
    }

    public const string DebianSlave = "/usr/share/piuparts/piuparts-slave";

    /// <summary>Debian's piuparts-slave as slave_run starts instance 1: in &lt;slave-directory&gt;/1, reading /etc/piuparts.</summary>
    public static SlaveProcess Debian(SlaveSite site, string path)
    {
        Assert.True(File.Exists(DebianSlave), $"{DebianSlave} is missing: 'make test' installs piuparts-slave");
        var instance = Path.Combine(site.SlavePath, "1");
        Directory.CreateDirectory(instance);
        var info = new ProcessStartInfo("/usr/bin/unshare");
        var script = $"mount --bind \"$1\" {MasterCommand.EtcPiuparts} && cd \"$2\" && exec /usr/bin/python3 {DebianSlave}";
        foreach (var argument in (string[])["--mount", "--propagation", "private", "/bin/sh", "-c", script, "debian-slave", site.ConfDirectory, instance])
            info.ArgumentList.Add(argument);
        info.Environment["PATH"] = path + ":" + Environment.GetEnvironmentVariable("PATH");
        info.Environment.Remove("PYTHONPATH");
        info.Environment["PYTHONNOUSERSITE"] = "1";
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        info.Environment["LC_ALL"] = "C.UTF-8";
        return new SlaveProcess(info);
    }

    /// <summary>Waits for the process to end; its exit status.</summary>
    public int WaitForExit()
    {
        Assert.True(_process.WaitForExit(Timeout), $"the slave did not end within {Timeout.TotalSeconds} s:\n{Output}");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits until the output contains the text.</summary>
    public void WaitFor(string text)
    {
        var watch = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(_process.HasExited && !Output.Contains(text, StringComparison.Ordinal),
                $"the slave ended (status {(_process.HasExited ? _process.ExitCode : 0)}) before saying '{text}':\n{Output}");
            Assert.True(watch.Elapsed < Timeout, $"the slave did not say '{text}' within {Timeout.TotalSeconds} s:\n{Output}");
            Thread.Sleep(20);
        }
    }

    /// <summary>Sends a signal to the slave process.</summary>
    public void Signal(int signal) => Assert.Equal(0, Kill(_process.Id, signal));

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}
