using System.Diagnostics;
using System.IO.Pipes;
using System.Runtime.InteropServices;
using System.Text;
using Piuparts.Core.Tests.Protocol;

namespace Piuparts.Cli.Tests.Verbs;

/// <summary>
/// The built `piuparts-site master` (the Cli project's output, copied beside the tests) in a
/// child process: a test writes to its stdin, reads its replies, and may kill it with SIGKILL at
/// a known point. Every wait is bounded.
/// </summary>
public sealed class MasterProcess : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private const uint FIONREAD = 0x541B;

    private readonly Process _process;
    private readonly Stream _input;
    private readonly StreamReader _replies;
    private readonly Task<string> _errors;

    private MasterProcess(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _replies = process.StandardOutput;
        _errors = process.StandardError.ReadToEndAsync();
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "ioctl")]
    private static extern int Ioctl(int fd, nuint request, out int value);

    /// <summary>Starts the master on the site's configuration and reads its "hello".</summary>
    public static MasterProcess Start(MasterSite site)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "piuparts-site.dll");
        Assert.True(File.Exists(program), $"{program} is missing: the Cli project is built with the tests");
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { program, "master", "--config", site.ConfigPath, "--distros", site.DistrosPath, "--seed", "1" })
            info.ArgumentList.Add(argument);
        var master = new MasterProcess(Process.Start(info) ?? throw new InvalidOperationException("cannot start piuparts-site"));
        Assert.Equal("hello", master.ReadReply());
        return master;
    }

    // The dotnet running these tests (so the same runtime), else the one on PATH.
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        var self = Environment.ProcessPath;
        return self != null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    public int Id => _process.Id;

    public void Write(string text) => Write(Encoding.UTF8.GetBytes(text));

    public void Write(byte[] bytes)
    {
        _input.Write(bytes);
        _input.Flush();
    }

    /// <summary>Waits until the master has read everything written to it (the pipe to it is empty).</summary>
    public void WaitUntilRead()
    {
        var handle = (int)(_input is PipeStream pipe ? pipe.SafePipeHandle.DangerousGetHandle()
            : ((FileStream)_input).SafeFileHandle.DangerousGetHandle());
        var watch = Stopwatch.StartNew();
        while (true)
        {
            Assert.True(Ioctl(handle, FIONREAD, out int unread) == 0, $"ioctl(FIONREAD) failed: {Marshal.GetLastPInvokeError()}");
            if (unread == 0)
                return;
            Assert.True(watch.Elapsed < Timeout, $"the master did not read its input within {Timeout.TotalSeconds} s ({unread} bytes left)");
            Thread.Sleep(1);
        }
    }

    public string ReadReply()
    {
        var line = _replies.ReadLineAsync();
        Assert.True(line.Wait(Timeout), $"no reply from the master within {Timeout.TotalSeconds} s");
        return line.Result ?? "(end of output)";
    }

    public string Ask(string command)
    {
        Write(command + "\n");
        return ReadReply();
    }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public void Kill()
    {
        if (_process.HasExited)
            Assert.Fail($"the master ended (status {_process.ExitCode}) before it was killed: {_errors.Result}");
        _process.Kill();
        Assert.True(_process.WaitForExit(Timeout), "the killed master did not go away");
        Assert.Equal(128 + 9, _process.ExitCode);
    }

    /// <summary>Closes the connection; the exit status once the master has ended.</summary>
    public int End()
    {
        _input.Close();
        Assert.True(_process.WaitForExit(Timeout), $"the master did not end within {Timeout.TotalSeconds} s of end of input");
        return _process.ExitCode;
    }

    public string Errors => _process.HasExited ? _errors.Result : "";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(Timeout);
        }
        _process.Dispose();
    }
}
