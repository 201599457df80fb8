using System.Diagnostics;

namespace Piuparts.Core.Tests.Support;

/// <summary>Runs Debian's own programs (dpkg, /usr/bin/python3 with apt_pkg and piupartslib) as references.</summary>
public static class DebianTools
{
    /// <summary>Debian's python, the one with apt_pkg and piupartslib; the python3 on PATH may be another.</summary>
    public const string Python = "/usr/bin/python3";

    public static string DataPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Data", .. parts]);

    /// <summary>Runs a program to its end; fails the test with its stderr when it exits non-zero.</summary>
    public static string Run(string program, IEnumerable<string> arguments, string? stdin = null, TimeSpan? timeout = null,
        string? workingDirectory = null)
    {
        if (!File.Exists(program) && Path.IsPathRooted(program))
            throw new InvalidOperationException($"{program} is not installed; 'make test' installs what the tests compare with");
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin != null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        // Only what Debian installed: no user site-packages or PYTHONPATH of the caller.
        info.Environment.Remove("PYTHONPATH");
        info.Environment["PYTHONNOUSERSITE"] = "1";
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin != null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in time");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} exited {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
