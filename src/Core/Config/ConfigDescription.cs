using System.Text;
using Piuparts.Core.Archive;

namespace Piuparts.Core.Config;

/// <summary>
/// Explains a configuration the way an operator wants to check it: every key a section uses,
/// its effective value and where that value comes from, and the index URLs that follow.
/// </summary>
public static class ConfigDescription
{
    public static string Render(SiteConfig config, IReadOnlyList<string> sections)
    {
        var text = new StringBuilder();
        var conf = config.Piuparts;
        text.Append("# ").Append(conf.Path).Append('\n');
        text.Append("# distros: ").Append(config.Distros.Path).Append('\n');
        foreach (var warning in conf.Warnings)
            text.Append("# warning: ").Append(warning).Append('\n');
        AppendSettings(text, conf, conf.Global, KeyScope.Global);
        foreach (var name in sections)
        {
            var section = conf.Section(name)!;
            AppendSettings(text, conf, section, KeyScope.Section);
            text.Append("# distro: ").Append(section.Distro ?? "(none)")
                .Append(", upgrade path: ").Append(section.DistroList.Count > 1 ? string.Join(" -> ", section.DistroList) : "(none)")
                .Append(", arch: ").Append(section.Arch).Append('\n');
            var layout = new ArchiveLayout(section, config.Distros);
            var (packages, packagesError) = layout.PackagesUrls();
            var (sources, sourcesError) = layout.SourcesUrls();
            AppendUrls(text, "packages-url", packages, packagesError);
            AppendUrls(text, "sources-url", sources, sourcesError);
        }
        return text.ToString();
    }

    private static void AppendSettings(StringBuilder text, PiupartsConf conf, SectionSettings settings, KeyScope scope)
    {
        text.Append('\n').Append('[').Append(settings.Name).Append("]\n");
        foreach (var key in ConfigKeys.All.Where(k => k.Scope == scope))
        {
            var value = settings.Lookup(key.Name);
            var shown = value.Text == null ? "(unset)"
                : key.Kind == ValueKind.Words ? string.Join(' ', settings.Words(key.Name))
                : Indent(value.Text);
            text.Append(key.Name).Append(" = ").Append(shown);
            text.Append("    # ").Append(Origin(conf, settings, value)).Append('\n');
        }
    }

    private static string Origin(PiupartsConf conf, SectionSettings settings, SettingValue value) => value.Origin switch
    {
        SettingOrigin.Section => $"{conf.Path}:{value.Line}",
        SettingOrigin.Default => $"[DEFAULT], {conf.Path}:{value.Line}",
        SettingOrigin.Global => $"[global], {conf.Path}:{value.Line}",
        _ when value.Key == "arch" && value.Text == null && settings.Name != SectionSettings.GlobalSection =>
            $"default: this machine's, {HostArchitecture.Name}",
        _ => "default",
    };

    private static void AppendUrls(StringBuilder text, string label, IReadOnlyList<string> urls, string? error)
    {
        if (error != null)
        {
            text.Append("# ").Append(label).Append(": ").Append(error).Append('\n');
            return;
        }
        foreach (var url in urls)
            text.Append("# ").Append(label).Append(": ").Append(url).Append('\n');
    }

    private static string Indent(string value) => value.Replace("\n", "\n    ");
}
