using System.Diagnostics;

namespace Piuparts.Cli.Tests.Verbs;

/// <summary>The master verb as a process, the way ssh starts it.</summary>
public sealed class MasterVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("piuparts-site-master-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Config()
    {
        var mirror = Path.Combine(_dir, "mirror", "dists", "sid", "main", "binary-amd64");
        Directory.CreateDirectory(mirror);
        File.WriteAllText(Path.Combine(mirror, "Packages"), "Package: hello\nVersion: 1\n");
        var path = Path.Combine(_dir, "piuparts.conf");
        File.WriteAllText(path, $"[global]\nmaster-directory = {_dir}/master\nmirror = file://{_dir}/mirror\n[sid]\ndistro = sid\narch = amd64\n");
        File.WriteAllText(Path.Combine(_dir, "distros.conf"), "");
        return path;
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "piuparts-site.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }

    private static (int Exit, string Output) Converse(Process process, string input)
    {
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "the master did not end");
        return (process.ExitCode, output.Result);
    }

    private string[] ErrorLogs() => Directory.GetFiles(Path.Combine(_dir, "master"), "master-error.log.*");

    [Fact]
    public void Help_gives_the_limits_on_logs_and_command_lines()
    {
        var run = CliRun.Of("master", "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("a submitted log of at most 64 MiB, a command line of at most 64 KiB", run.Output);
        Assert.Contains("ends the connection without a reply", run.Output);
    }

    [Fact]
    public void A_session_serves_the_protocol_and_leaves_no_error_log()
    {
        using var master = Start("master", "--config", Config(), "--distros", Path.Combine(_dir, "distros.conf"));

        var (exit, output) = Converse(master, "section sid\nreserve\n");

        Assert.Equal(0, exit);
        Assert.Equal("hello\nok\nok hello 1\n", output);
        Assert.Empty(ErrorLogs());
    }

    [Fact]
    public void A_protocol_error_ends_the_session_and_is_kept_in_the_error_log_of_that_process()
    {
        using var master = Start("master", "--config", Config(), "--distros", Path.Combine(_dir, "distros.conf"));

        var (exit, output) = Converse(master, "section sid\nfrobnicate\n");

        Assert.Equal(1, exit);
        Assert.Equal("hello\nok\n", output);
        var log = Assert.Single(ErrorLogs());
        Assert.EndsWith($".{master.Id}", log);
        Assert.Contains("Unknown command frobnicate", File.ReadAllText(log));
    }

    [Fact]
    public void A_session_longer_than_the_limit_is_ended()
    {
        using var master = Start("master", "--config", Config(), "--distros", Path.Combine(_dir, "distros.conf"), "--session-limit", "1");
        master.StandardInput.Write("section sid\n");
        master.StandardInput.Flush();

        Assert.True(master.WaitForExit(TimeSpan.FromSeconds(30)), "the session was not ended");
        Assert.Equal(124, master.ExitCode);
        Assert.Contains("longer than the limit", File.ReadAllText(Assert.Single(ErrorLogs())));
    }

    [Fact]
    public void A_configuration_without_master_directory_is_refused()
    {
        var path = Path.Combine(_dir, "bad.conf");
        File.WriteAllText(path, "[global]\nsections = sid\n[sid]\n");
        using var master = Start("master", "--config", path);

        var (exit, output) = Converse(master, "");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("[global] master-directory: required but not set", master.StandardError.ReadToEnd());
    }
}
