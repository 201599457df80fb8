namespace Piuparts.SitePipeline.Summary;

/// <summary>
/// The standard distribution name of a section (summary.md §3.2): oldstable, stable, testing,
/// unstable, experimental or unknown, as of a given day of Debian's release table.
/// </summary>
public sealed class StandardDistribution
{
    public const string Unknown = "unknown";

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public StandardDistribution(DebianReleaseTable table, DateOnly date)
    {
        // Later entries win, in piuparts' order: roles, the alias words, then "Debian<major>".
        var old = table.OldStable(date);
        var stable = table.Stable(date);
        var testing = table.Testing(date);
        Put(old?.Series, "oldstable");
        Put(table.Development(date)?.Series, "unstable");
        Put(stable?.Series, "stable");
        Put(testing?.Series, "testing");
        Put("experimental", "experimental");
        Put("rc", "experimental");
        foreach (var alias in (string[])["oldstable", "unstable", "stable", "testing", "experimental"])
            _names[alias] = alias;
        foreach (var release in new[] { old, stable, testing })
        {
            if (release != null)
                Put("Debian" + release.Version.Split(' ', '.')[0], Map(release.Series));
        }
    }

    private void Put(string? key, string name)
    {
        if (key != null)
            _names[key] = name;
    }

    /// <summary>The name of one distribution, by its root: the part before the first '-' or '.'.</summary>
    public string Map(string distribution)
    {
        var end = distribution.AsSpan().IndexOfAny('-', '.');
        var root = end < 0 ? distribution : distribution[..end];
        return _names.GetValueOrDefault(root, Unknown);
    }

    /// <summary>
    /// The name for a section: the last of [distro, upgrade-test-distros…] that maps to a known
    /// name, else unknown. A section without any distribution is unknown (the original crashed).
    /// </summary>
    public string Name(string? distro, IReadOnlyList<string> upgradeTestDistros)
    {
        var result = Unknown;
        foreach (var candidate in upgradeTestDistros.Prepend(distro))
        {
            if (candidate != null && Map(candidate) is var name && name != Unknown)
                result = name;
        }
        return result;
    }
}
