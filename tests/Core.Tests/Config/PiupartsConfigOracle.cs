using System.Text.Json;
using Piuparts.Core.Config;

namespace Piuparts.Core.Tests.Config;

/// <summary>
/// What piupartslib.conf.Config reads from each piuparts.conf test file for every per-section
/// key of ConfigKeys, computed with one run of Data/Config/piupartsconf_dump.py.
/// </summary>
public sealed class PiupartsConfigOracle : IDisposable
{
    public static IReadOnlyList<string> Files { get; } =
        [.. ConfigTestData.Files("piuparts-conf", "*.conf"), "ini-cases/piuparts-like.ini"];

    public static IReadOnlyList<string> SectionKeys { get; } =
        ConfigKeys.All.Where(k => k.Scope == KeyScope.Section).Select(k => k.Name).ToList();

    private readonly Lazy<JsonDocument> _results = new(() =>
        DebianPython.Run("piupartsconf_dump.py", [string.Join(',', SectionKeys), .. Files]));

    public JsonElement Result(string file) => _results.Value.RootElement.GetProperty(file);

    public void Dispose()
    {
        if (_results.IsValueCreated)
            _results.Value.Dispose();
    }
}
