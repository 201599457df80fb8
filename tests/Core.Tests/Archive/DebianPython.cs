using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Archive;

/// <summary>
/// Runs Debian's own python (the one with python3-apt and piuparts-common; the python3 first on
/// PATH may be another). A missing interpreter or module fails the test with what to install.
/// </summary>
internal static class DebianPython
{
    public const string Interpreter = DebianTools.Python;

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Archive", name);

    /// <summary>Runs the interpreter with <paramref name="arguments"/>, feeding <paramref name="input"/>; returns standard output.</summary>
    public static byte[] Run(IReadOnlyList<string> arguments, byte[]? input = null) =>
        DebianTools.RunBytes(Interpreter, arguments, input, s_timeout);

    /// <summary>Compresses with python's lzma module: the test has no xz encoder of its own.</summary>
    public static byte[] Xz(byte[] plain) =>
        Run(["-c", "import lzma, sys; sys.stdout.buffer.write(lzma.compress(sys.stdin.buffer.read()))"], plain);
}
