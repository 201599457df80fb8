using Piuparts.Core.Config;

namespace Piuparts.Core.Archive;

/// <summary>
/// The URLs of a section's indexes on the mirror (package-states.md §2.1): one per candidate of
/// the distribution, each with its own mirror and archive name from distros.conf.
/// </summary>
public sealed class ArchiveLayout
{
    private readonly SectionSettings _section;
    private readonly DistrosConf _distros;

    public ArchiveLayout(SectionSettings section, DistrosConf distros)
    {
        _section = section;
        _distros = distros;
    }

    /// <summary>Packages URLs (without compression suffix) of the section's distribution.</summary>
    public (IReadOnlyList<string> Urls, string? Error) PackagesUrls() => PackagesUrls(_section.Distro);

    /// <summary>Packages URLs of the given distribution (the final one of an upgrade test, say).</summary>
    public (IReadOnlyList<string> Urls, string? Error) PackagesUrls(string? distro) =>
        Urls(distro, $"binary-{_section.Arch}/Packages");

    /// <summary>Sources URLs of the section's distribution.</summary>
    public (IReadOnlyList<string> Urls, string? Error) SourcesUrls() => Urls(_section.Distro, "source/Sources");

    /// <summary>Sources URLs of the given distribution (the final one of an upgrade test, say).</summary>
    public (IReadOnlyList<string> Urls, string? Error) SourcesUrls(string? distro) => Urls(distro, "source/Sources");

    private (IReadOnlyList<string> Urls, string? Error) Urls(string? distro, string file)
    {
        if (distro == null)
            return ([], $"section [{_section.Name}] sets neither distro nor upgrade-test-distros");
        var urls = new List<string>();
        foreach (var candidate in _distros.Candidates(distro))
        {
            var concrete = _distros.Concrete(candidate);
            if (_distros.IsVirtual(concrete))
            {
                return ([], $"{candidate} is virtual (uri = None) in {_distros.Path}, but none of the distributions it depends on is a real one");
            }
            var mirror = _distros.Mirror(concrete, _section.Mirror);
            if (mirror == null)
            {
                return ([], $"no mirror for {candidate}: section [{_section.Name}] has no 'mirror' and {_distros.Path} no 'uri' for it");
            }
            urls.Add($"{mirror}/dists/{_distros.Distribution(concrete)}/{_section.Area}/{file}");
        }
        return (urls, null);
    }
}
