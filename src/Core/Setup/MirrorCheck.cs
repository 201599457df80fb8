using Piuparts.Core.Archive;
using Piuparts.Core.Config;

namespace Piuparts.Core.Setup;

/// <summary>The mirror serves a section's Packages index (any of its compressed forms), as the slave fetches it.</summary>
public static class MirrorCheck
{
    public static IEnumerable<CheckResult> Check(SectionSettings section, DistrosConf distros, IndexFetcher fetcher)
    {
        var (urls, error) = new ArchiveLayout(section, distros).PackagesUrls();
        if (error != null)
        {
            yield return CheckResult.Fail($"[{section.Name}] mirror", error,
                $"set distro and mirror in [{section.Name}] or [global], or the distribution's uri in {distros.Path}");
            yield break;
        }
        foreach (var url in urls)
        {
            var subject = $"[{section.Name}] mirror answers for {url}";
            var opened = fetcher.Open(url);
            opened.Content?.Dispose();
            yield return opened.Error is { } problem
                ? CheckResult.Fail(subject, problem,
                    $"set mirror in [{section.Name}] or [global] (or uri in {distros.Path}) to a mirror that has it; check [global] proxy")
                : CheckResult.Ok(subject);
        }
    }
}
