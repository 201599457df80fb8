using System.Diagnostics;

namespace Piuparts.Core.Tests.Archive;

/// <summary>
/// Runs Debian's own python (the one with python3-apt and piuparts-common; the python3 first on
/// PATH may be another). A missing interpreter or module fails the test with what to install.
/// </summary>
internal static class DebianPython
{
    public const string Interpreter = "/usr/bin/python3";

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Archive", name);

    /// <summary>Runs the interpreter with <paramref name="arguments"/>, feeding <paramref name="input"/>; returns standard output.</summary>
    public static byte[] Run(IReadOnlyList<string> arguments, byte[]? input = null)
    {
        if (!File.Exists(Interpreter))
            Assert.Fail($"{Interpreter} is missing: install Debian's python3, python3-apt and piuparts-common (apt-get install piuparts-common)");
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";

        using var process = Process.Start(start)!;
        var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        if (input != null)
            process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Interpreter} {string.Join(' ', arguments)} did not finish within {s_timeout.TotalSeconds} s");
        }
        Task.WaitAll([reading, errors], s_timeout);
        if (process.ExitCode != 0)
        {
            var hint = errors.Result.Contains("ModuleNotFoundError", StringComparison.Ordinal)
                ? " (install python3-apt and piuparts-common)"
                : "";
            Assert.Fail($"{Interpreter} {string.Join(' ', arguments)} exited with {process.ExitCode}{hint}:\n{errors.Result}");
        }
        return output.ToArray();
    }

    /// <summary>Compresses with python's lzma module: the test has no xz encoder of its own.</summary>
    public static byte[] Xz(byte[] plain) =>
        Run(["-c", "import lzma, sys; sys.stdout.buffer.write(lzma.compress(sys.stdin.buffer.read()))"], plain);
}
