using System.Diagnostics;
using System.Text.Json;

namespace Piuparts.Core.Tests.Config;

/// <summary>
/// Runs Debian's own Python (<c>/usr/bin/python3</c>, the one that sees python3-piuparts-common's
/// piupartslib, not the <c>python3</c> first on PATH) on a helper script of the test data and
/// parses the JSON it prints. Used as the oracle of the differential tests.
/// </summary>
internal static class DebianPython
{
    public const string Executable = "/usr/bin/python3";

    public const string PiupartsLib = "/usr/lib/python3/dist-packages/piupartslib/conf.py";

    public static JsonDocument Run(string script, IEnumerable<string> arguments)
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} (Debian's python3) is needed as the oracle of this differential test");
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = ConfigTestData.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // No user site-packages or PYTHONPATH: only what Debian installed.
        start.Environment.Remove("PYTHONPATH");
        start.Environment["PYTHONNOUSERSITE"] = "1";
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException($"{Executable} {script} did not finish within a minute");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Executable} {script} exited with {process.ExitCode}:\n{stderr.Result}");
        return JsonDocument.Parse(stdout.Result);
    }
}
