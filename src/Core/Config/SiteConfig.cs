namespace Piuparts.Core.Config;

/// <summary>piuparts.conf and its distros.conf, loaded and checked together, as every verb needs them.</summary>
public sealed record SiteConfig(PiupartsConf Piuparts, DistrosConf Distros)
{
    /// <summary>
    /// Loads piuparts.conf (default /etc/piuparts/piuparts.conf) and distros.conf (default: the
    /// one beside piuparts.conf, so /etc/piuparts/distros.conf as piuparts reads it).
    /// </summary>
    public static (SiteConfig? Config, IReadOnlyList<InputError> Errors) Load(string? piupartsPath, string? distrosPath,
        params string[] requiredGlobalKeys)
    {
        var (piuparts, errors) = PiupartsConf.Load(piupartsPath ?? PiupartsConf.DefaultPath, requiredGlobalKeys);
        if (piuparts == null)
            return (null, errors);
        var (distros, distroErrors) = DistrosConf.Load(distrosPath ?? piuparts.DefaultDistrosPath);
        if (distros == null)
            return (null, distroErrors);
        return (new SiteConfig(piuparts, distros), []);
    }
}
