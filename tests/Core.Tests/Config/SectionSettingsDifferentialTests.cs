using System.Text;
using System.Text.Json;
using Piuparts.Core.Config;

namespace Piuparts.Core.Tests.Config;

/// <summary>
/// SectionSettings against piuparts' own piupartslib.conf.Config with [global] as the fallback
/// section: for every section of the test files, every per-section key must have the same
/// value (or be unset in both), and distro, start and final distro and the distro list must
/// agree. Built-in defaults are left out (each piuparts program has its own); an empty
/// derived distro in Python is compared as unset, which is how piuparts-site treats it.
/// </summary>
public sealed class SectionSettingsDifferentialTests(PiupartsConfigOracle python) : IClassFixture<PiupartsConfigOracle>
{
    public static TheoryData<string> Files => new(PiupartsConfigOracle.Files);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_section_reads_like_piupartslib_Config_with_global_fallback(string file)
    {
        var expected = python.Result(file);
        var (conf, errors) = PiupartsConf.Load(ConfigTestData.PathOf(file));
        Assert.Empty(errors);
        Assert.NotNull(conf);

        Assert.Equal(expected.EnumerateObject().Select(s => s.Name), conf.Ini.SectionNames);
        Assert.Equal(Render(expected), Render(conf));
    }

    private static string Render(JsonElement expected)
    {
        var text = new StringBuilder();
        foreach (var section in expected.EnumerateObject())
        {
            text.Append('[').Append(section.Name).Append("]\n");
            foreach (var key in section.Value.GetProperty("values").EnumerateObject())
                Append(text, key.Name, key.Value.GetString());
            Append(text, "(distro)", Unset(section.Value.GetProperty("distro").GetString()));
            Append(text, "(start-distro)", Unset(section.Value.GetProperty("start-distro").GetString()));
            Append(text, "(final-distro)", Unset(section.Value.GetProperty("final-distro").GetString()));
            Append(text, "(distros)", string.Join(' ', section.Value.GetProperty("distros").EnumerateArray().Select(d => d.GetString())));
        }
        return text.ToString();
    }

    private static string Render(PiupartsConf conf)
    {
        var text = new StringBuilder();
        foreach (var name in conf.Ini.SectionNames)
        {
            var section = conf.Section(name)!;
            text.Append('[').Append(name).Append("]\n");
            foreach (var key in PiupartsConfigOracle.SectionKeys)
            {
                var value = section.Lookup(key);
                Append(text, key, value.Origin == SettingOrigin.BuiltIn ? null : value.Text);
            }
            Append(text, "(distro)", section.Distro);
            Append(text, "(start-distro)", section.StartDistro);
            Append(text, "(final-distro)", section.FinalDistro);
            Append(text, "(distros)", string.Join(' ', section.DistroList));
        }
        return text.ToString();
    }

    private static string? Unset(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static void Append(StringBuilder text, string key, string? value) =>
        text.Append(key).Append(" = ").Append(value == null ? "(unset)" : JsonSerializer.Serialize(value)).Append('\n');
}
