namespace Piuparts.Differential.Tests.Harness;

/// <summary>One section of the generated piuparts.conf (keys as in config.md; unset ones are left out).</summary>
public sealed record SectionSpec(string Name)
{
    public string? Distro { get; init; }

    public string? Arch { get; init; } = "amd64";

    public string? Area { get; init; } = "main";

    /// <summary>White-space separated section names (partial sections, package-states.md §6.8).</summary>
    public string? DependsSections { get; init; }

    /// <summary>White-space separated distros; the last one is the final distro (package-states.md §2.6).</summary>
    public string? UpgradeTestDistros { get; init; }

    /// <summary>Any other keys, written after the ones above in this order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extra { get; init; } = [];

    public IEnumerable<KeyValuePair<string, string>> Keys()
    {
        if (Distro != null)
            yield return new("distro", Distro);
        if (Arch != null)
            yield return new("arch", Arch);
        if (Area != null)
            yield return new("area", Area);
        if (DependsSections != null)
            yield return new("depends-sections", DependsSections);
        if (UpgradeTestDistros != null)
            yield return new("upgrade-test-distros", UpgradeTestDistros);
        foreach (var pair in Extra)
            yield return pair;
    }
}
