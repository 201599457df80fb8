using System.Diagnostics;
using System.Text;

namespace Piuparts.Core.Tests.Support;

/// <summary>
/// Runs Debian's own programs (dpkg, and /usr/bin/python3 with apt_pkg and piupartslib) as the
/// references of differential tests. A missing program or a failure fails the test with what
/// to install; 'make test' installs all of them.
/// </summary>
public static class DebianTools
{
    /// <summary>Debian's python, the one with apt_pkg and piupartslib; the python3 on PATH may be another.</summary>
    public const string Python = "/usr/bin/python3";

    public static string DataPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Data", .. parts]);

    /// <summary>Runs a program to its end and returns its standard output as text.</summary>
    public static string Run(string program, IEnumerable<string> arguments, string? stdin = null, TimeSpan? timeout = null,
        string? workingDirectory = null) =>
        Encoding.UTF8.GetString(RunBytes(program, [.. arguments], stdin == null ? null : Encoding.UTF8.GetBytes(stdin), timeout, workingDirectory));

    /// <summary>Runs a program to its end, feeding <paramref name="stdin"/>, and returns its standard output.</summary>
    public static byte[] RunBytes(string program, IReadOnlyList<string> arguments, byte[]? stdin = null, TimeSpan? timeout = null,
        string? workingDirectory = null)
    {
        if (Path.IsPathRooted(program) && !File.Exists(program))
            Assert.Fail($"{program} is not installed; 'make test' installs what the tests compare with (piuparts-common, python3-apt)");
        var limit = timeout ?? TimeSpan.FromMinutes(2);
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
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
        var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        if (stdin != null)
            process.StandardInput.BaseStream.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish within {limit.TotalSeconds} s");
        }
        Task.WaitAll([reading, errors], limit);
        if (process.ExitCode != 0)
        {
            var hint = errors.Result.Contains("ModuleNotFoundError", StringComparison.Ordinal) ? " (install python3-apt and piuparts-common)" : "";
            Assert.Fail($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}{hint}:\n{errors.Result}");
        }
        return output.ToArray();
    }
}
