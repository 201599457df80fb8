using System.Text.Json;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Config;

/// <summary>
/// Runs Debian's own Python (<c>/usr/bin/python3</c>, the one that sees python3-piuparts-common's
/// piupartslib, not the <c>python3</c> first on PATH) on a helper script of the test data and
/// parses the JSON it prints. Used as the oracle of the differential tests.
/// </summary>
internal static class DebianPython
{
    public const string Executable = DebianTools.Python;

    public const string PiupartsLib = "/usr/lib/python3/dist-packages/piupartslib/conf.py";

    public static JsonDocument Run(string script, IEnumerable<string> arguments) =>
        JsonDocument.Parse(DebianTools.Run(Executable, [script, .. arguments], workingDirectory: ConfigTestData.Root,
            timeout: TimeSpan.FromSeconds(60)));
}
