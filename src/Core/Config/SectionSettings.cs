using System.Globalization;

namespace Piuparts.Core.Config;

/// <summary>
/// The settings of one section as piuparts' programs see them: the section's own value (or
/// [DEFAULT]'s), else [global]'s, else the built-in default. Values were checked when the file
/// was loaded, so the typed getters here cannot fail.
/// </summary>
public sealed class SectionSettings
{
    private readonly IniFile _ini;

    internal SectionSettings(IniFile ini, string name)
    {
        _ini = ini;
        Name = name;
    }

    public const string GlobalSection = "global";

    public string Name { get; }

    /// <summary>The effective value of a key with its origin; interpolation errors were reported at load.</summary>
    public SettingValue Lookup(string key)
    {
        var spec = ConfigKeys.Find(key);
        var raw = _ini.Raw(Name, key);
        if (raw != null)
            return new(key, _ini.Get(Name, key).Value, raw.Section == IniFile.DefaultSection ? SettingOrigin.Default : SettingOrigin.Section, raw.Line);
        if (Name != GlobalSection && spec?.Scope != KeyScope.Global && _ini.Raw(GlobalSection, key) is { } global)
            return new(key, _ini.Get(GlobalSection, key).Value, SettingOrigin.Global, global.Line);
        return new(key, spec?.Default, SettingOrigin.BuiltIn, 0);
    }

    public string? this[string key] => Lookup(key).Text;

    /// <summary>The value, or null when it is unset or empty (piuparts treats both alike).</summary>
    public string? NonEmpty(string key) => string.IsNullOrWhiteSpace(this[key]) ? null : this[key]!.Trim();

    public long Integer(string key) => long.Parse(this[key] ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture);

    public double? Number(string key) =>
        NonEmpty(key) is { } text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    public bool Flag(string key) => this[key]?.Trim() is "yes" or "true";

    public IReadOnlyList<string> Words(string key) =>
        (this[key] ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    // The derived values piuparts' conf.py computes (config.md §2).

    /// <summary>upgrade-test-distros as a list, oldest first.</summary>
    public IReadOnlyList<string> DistroList => Words("upgrade-test-distros");

    /// <summary>distro, else the last upgrade-test-distro, else null.</summary>
    public string? Distro => NonEmpty("distro") ?? (DistroList.Count > 0 ? DistroList[^1] : null);

    /// <summary>The first distribution of an upgrade test, else distro.</summary>
    public string? StartDistro => DistroList.Count > 0 ? DistroList[0] : NonEmpty("distro");

    /// <summary>The last distribution of an upgrade test, else distro.</summary>
    public string? FinalDistro => DistroList.Count > 0 ? DistroList[^1] : NonEmpty("distro");

    public string Area => NonEmpty("area") ?? "main";

    public string Arch => NonEmpty("arch") ?? HostArchitecture.Name;

    public string? Mirror => NonEmpty("mirror");

    public IReadOnlyList<string> DependsSections => Words("depends-sections");
}
