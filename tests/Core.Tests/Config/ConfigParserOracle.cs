using System.Text.Json;

namespace Piuparts.Core.Tests.Config;

/// <summary>
/// What Python's configparser.ConfigParser() makes of every INI test file, computed with one
/// run of Data/Config/configparser_dump.py for the whole test class.
/// </summary>
public sealed class ConfigParserOracle : IDisposable
{
    public const string AcceptedFolder = "ini-cases";
    public const string RejectedFolder = "ini-rejected";

    private readonly Lazy<JsonDocument> _results = new(() => DebianPython.Run("configparser_dump.py",
        ConfigTestData.Files(AcceptedFolder, "*.ini").Concat(ConfigTestData.Files(RejectedFolder, "*.ini"))));

    /// <summary>Python's answer for one file (path relative to Data/Config), see configparser_dump.py.</summary>
    public JsonElement Result(string file) => _results.Value.RootElement.GetProperty(file);

    public IEnumerable<string> Files => _results.Value.RootElement.EnumerateObject().Select(p => p.Name);

    public void Dispose()
    {
        if (_results.IsValueCreated)
            _results.Value.Dispose();
    }
}
