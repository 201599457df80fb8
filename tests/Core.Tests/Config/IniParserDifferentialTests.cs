using System.Text;
using System.Text.Json;
using Piuparts.Core.Config;

namespace Piuparts.Core.Tests.Config;

/// <summary>
/// IniParser and IniFile against Python's own configparser (config.md §2): every file under
/// Data/Config/ini-cases must read the same, section by section and key by key, and every
/// file under Data/Config/ini-rejected must fail in Python and give an InputError on the line
/// its first line names (<c># expect-error-line: N [M...]</c>).
/// </summary>
public sealed class IniParserDifferentialTests(ConfigParserOracle python) : IClassFixture<ConfigParserOracle>
{
    public static TheoryData<string> AcceptedFiles => ConfigTestData.Cases(ConfigParserOracle.AcceptedFolder, "*.ini");

    public static TheoryData<string> RejectedFiles => ConfigTestData.Cases(ConfigParserOracle.RejectedFolder, "*.ini");

    [Fact]
    public void The_case_files_are_there_and_python_answered_for_each()
    {
        var accepted = ConfigTestData.Files(ConfigParserOracle.AcceptedFolder, "*.ini");
        var rejected = ConfigTestData.Files(ConfigParserOracle.RejectedFolder, "*.ini");
        Assert.True(accepted.Count >= 12, $"only {accepted.Count} files in {ConfigParserOracle.AcceptedFolder}");
        Assert.True(rejected.Count >= 14, $"only {rejected.Count} files in {ConfigParserOracle.RejectedFolder}");
        var expected = accepted.Concat(rejected).Order(StringComparer.Ordinal);
        Assert.Equal(expected, python.Files.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void A_file_configparser_accepts_reads_the_same_with_IniParser(string file)
    {
        var expected = python.Result(file);
        Assert.False(expected.TryGetProperty("error", out _), $"configparser rejects {file}: {expected}");

        var (ini, errors) = IniParser.Parse(File.ReadAllText(ConfigTestData.PathOf(file)), file);

        Assert.Empty(errors);
        Assert.NotNull(ini);
        Assert.Equal(Render(PythonValues(expected)), Render(OurValues(ini)));
    }

    [Theory]
    [MemberData(nameof(RejectedFiles))]
    public void A_file_configparser_rejects_gives_an_input_error_on_the_same_line(string file)
    {
        var text = File.ReadAllText(ConfigTestData.PathOf(file));
        var expectedLines = ExpectedErrorLines(text);
        var expected = python.Result(file);

        var (ini, parseErrors) = IniParser.Parse(text, file);

        if (expected.TryGetProperty("error", out var pythonError))
        {
            // configparser refused to read the file at all.
            Assert.Equal(expectedLines, expected.GetProperty("lines").EnumerateArray().Select(line => line.GetInt32()));
            Assert.Null(ini);
            Assert.Equal(expectedLines, parseErrors.Select(e => e.Line).Distinct().Order());
            Assert.All(parseErrors, e => Assert.Equal(file, e.File));
            return;
        }

        // configparser read the file, but reading some value fails (interpolation): the same
        // values must fail with us, each error naming the line where the failing value stands.
        Assert.Empty(parseErrors);
        Assert.NotNull(ini);
        var pythonFailures = PythonValues(expected).Where(v => v.Text == null).Select(v => $"[{v.Section}] {v.Key}").ToList();
        Assert.NotEmpty(pythonFailures);
        var ourErrors = AllKeys(ini).Select(k => (k.Section, k.Key, ini.Get(k.Section, k.Key).Error)).Where(k => k.Error != null).ToList();
        Assert.Equal(pythonFailures, ourErrors.Select(e => $"[{e.Section}] {e.Key}"));
        Assert.Equal(expectedLines, ourErrors.Select(e => e.Error!.Line).Distinct().Order());
        Assert.All(ourErrors, e =>
        {
            Assert.Equal(file, e.Error!.File);
            Assert.Equal(e.Section, e.Error.Section);
        });
    }

    /// <summary>The line numbers in the file's first line, <c># expect-error-line: 4 7</c>.</summary>
    private static IReadOnlyList<int> ExpectedErrorLines(string text)
    {
        const string marker = "# expect-error-line:";
        var first = text.Split('\n')[0];
        Assert.StartsWith(marker, first);
        return first[marker.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).Order().ToList();
    }

    private sealed record Value(string Section, string Key, string? Text);

    /// <summary>Python's values in its order: sections in file order, then DEFAULT; null where get() failed.</summary>
    private static IEnumerable<Value> PythonValues(JsonElement result)
    {
        foreach (var section in result.GetProperty("sections").EnumerateObject())
        {
            foreach (var key in section.Value.EnumerateObject())
                yield return new Value(section.Name, key.Name, key.Value.ValueKind == JsonValueKind.String ? key.Value.GetString() : null);
        }
        foreach (var key in result.GetProperty("defaults").EnumerateObject())
            yield return new Value(IniFile.DefaultSection, key.Name, key.Value.ValueKind == JsonValueKind.String ? key.Value.GetString() : null);
    }

    private static IEnumerable<(string Section, string Key)> AllKeys(IniFile ini) =>
        ini.SectionNames.Append(IniFile.DefaultSection).SelectMany(section => ini.Keys(section).Select(key => (section, key)));

    private static IEnumerable<Value> OurValues(IniFile ini) =>
        AllKeys(ini).Select(k => new Value(k.Section, k.Key, ini.Get(k.Section, k.Key).Value));

    /// <summary>One line per section header and per key, so a difference shows as a readable diff.</summary>
    private static string Render(IEnumerable<Value> values)
    {
        var text = new StringBuilder();
        string? section = null;
        foreach (var value in values)
        {
            if (value.Section != section)
            {
                section = value.Section;
                text.Append('[').Append(section).Append("]\n");
            }
            text.Append(value.Key).Append(" = ").Append(value.Text == null ? "!error" : JsonSerializer.Serialize(value.Text)).Append('\n');
        }
        return text.ToString();
    }
}
