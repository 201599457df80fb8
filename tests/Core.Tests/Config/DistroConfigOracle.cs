using System.Text.Json;
using Piuparts.Core.Config;

namespace Piuparts.Core.Tests.Config;

/// <summary>
/// What piupartslib.conf.DistroConfig answers for every distribution named in the distros.conf
/// test files (the hand-made ones under Data/Config/distros and Debian's shipped
/// /etc/piuparts/distros.conf when installed), computed with one run of
/// Data/Config/distroconfig_dump.py, once with a section mirror and once without.
/// </summary>
public sealed class DistroConfigOracle : IDisposable
{
    public const string Mirror = "http://mirror.example/debian";
    public const string Area = "contrib";
    public const string Arch = "amd64";

    public static IReadOnlyList<string> HandMadeFiles { get; } = ConfigTestData.Files("distros", "*.conf");

    private static IEnumerable<string> AllFiles =>
        File.Exists(DistrosConf.DefaultPath) ? HandMadeFiles.Append(DistrosConf.DefaultPath) : HandMadeFiles;

    private readonly Lazy<JsonDocument> _results = new(() =>
        DebianPython.Run("distroconfig_dump.py", [Mirror, Area, Arch, .. AllFiles]));

    /// <summary>DistroConfig's answers, by distribution, for one file read with or without a section mirror.</summary>
    public JsonElement Answers(string file, bool withMirror) =>
        _results.Value.RootElement.GetProperty(file).GetProperty(withMirror ? "with-mirror" : "without-mirror");

    public void Dispose()
    {
        if (_results.IsValueCreated)
            _results.Value.Dispose();
    }
}
