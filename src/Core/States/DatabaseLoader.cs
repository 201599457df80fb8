using Piuparts.Core.Archive;
using Piuparts.Core.Config;
using Piuparts.Core.MasterDir;

namespace Piuparts.Core.States;

/// <summary>
/// Builds a section's database as the master does (package-states.md §2, §5): its index from
/// the mirror, the final distribution's versions for upgrade sections, and one database per
/// depends-section (loaded the same way, recursively, and shared when named twice).
/// </summary>
public sealed class DatabaseLoader
{
    private readonly SiteConfig _config;
    private readonly MasterDirectory _master;
    private readonly IndexLoader _indexes;
    private readonly Action<string> _log;
    private readonly Dictionary<string, PackageDatabase> _loaded = new(StringComparer.Ordinal);

    /// <summary>Directory under the master directory where index snapshots are kept.</summary>
    public const string SnapshotDirectory = ".piuparts-site-index";

    /// <param name="snapshots">Keep and reuse snapshots of unchanged indexes (see <see cref="IndexSnapshot"/>).</param>
    public DatabaseLoader(SiteConfig config, MasterDirectory master, IndexFetcher fetcher, Action<string>? log = null, bool snapshots = false)
    {
        _config = config;
        _master = master;
        _indexes = new IndexLoader(fetcher, snapshots ? new IndexSnapshot(Path.Combine(master.Root, SnapshotDirectory)) : null);
        _log = log ?? (_ => { });
    }

    /// <summary>The database of a section (recycle mode only for this one, never for its depends-sections), or the problems that stop it.</summary>
    public (PackageDatabase? Db, IReadOnlyList<InputError> Errors) Load(string section, bool recycle) =>
        Load(section, recycle, []);

    private (PackageDatabase? Db, IReadOnlyList<InputError> Errors) Load(string section, bool recycle, HashSet<string> loading)
    {
        if (!recycle && _loaded.TryGetValue(section, out var known))
            return (known, []);
        var settings = _config.Piuparts.Section(section);
        if (settings == null)
            return (null, [new InputError(_config.Piuparts.Path, 0, $"depends-sections names [{section}], which piuparts.conf does not have")]);
        if (!loading.Add(section))
            return (null, [new InputError(_config.Piuparts.Path, 0, $"depends-sections of [{section}] lead back to itself") { Section = section }]);

        var layout = new ArchiveLayout(settings, _config.Distros);
        var (urls, urlError) = layout.PackagesUrls();
        if (urlError != null)
            return (null, [new InputError(_config.Piuparts.Path, 0, urlError) { Section = section }]);
        var index = LoadIndex(urls);
        if (index.Index == null)
            return (null, index.Errors);

        Dictionary<string, string>? testVersions = null;
        if (settings.FinalDistro is { } final && final != settings.Distro)
        {
            var (finalUrls, finalError) = layout.PackagesUrls(final);
            if (finalError != null)
                return (null, [new InputError(_config.Piuparts.Path, 0, finalError) { Section = section }]);
            var finalIndex = LoadIndex(finalUrls);
            if (finalIndex.Index == null)
                return (null, finalIndex.Errors);
            testVersions = finalIndex.Index.InOrder.ToDictionary(p => p.Name, p => p.Version, StringComparer.Ordinal);
        }

        var dependencies = new List<PackageDatabase>();
        foreach (var name in settings.DependsSections)
        {
            var (dependency, errors) = Load(name, recycle: false, loading);
            if (dependency == null)
                return (null, errors);
            dependencies.Add(dependency);
        }
        loading.Remove(section);

        var directory = _master.Section(section);
        directory.EnsureCreated();
        var db = new PackageDatabase(section, index.Index, testVersions, new SectionLogs(directory), dependencies, recycle)
        {
            IndexUrls = index.Fetched,
        };
        if (!recycle)
            _loaded[section] = db;
        return (db, []);
    }

    /// <summary>
    /// Everything a section's states are computed from, apart from the logs: the index URLs it
    /// reads (its own, the final distribution's, its depends-sections'), and the sections whose
    /// logs count. The state cache is valid while none of these change.
    /// </summary>
    public (IReadOnlyList<string> Urls, IReadOnlyList<string> Sections, string? Error) Inputs(string section)
    {
        var urls = new List<string>();
        var sections = new List<string>();
        var todo = new Queue<string>([section]);
        while (todo.Count > 0)
        {
            var name = todo.Dequeue();
            if (sections.Contains(name))
                continue;
            sections.Add(name);
            var settings = _config.Piuparts.Section(name);
            if (settings == null)
                return ([], [], $"no section [{name}]");
            var layout = new ArchiveLayout(settings, _config.Distros);
            var (own, error) = layout.PackagesUrls();
            if (error != null)
                return ([], [], error);
            urls.AddRange(own);
            if (settings.FinalDistro is { } final && final != settings.Distro)
            {
                var (finalUrls, finalError) = layout.PackagesUrls(final);
                if (finalError != null)
                    return ([], [], finalError);
                urls.AddRange(finalUrls);
            }
            foreach (var dependency in settings.DependsSections)
                todo.Enqueue(dependency);
        }
        return (urls, sections, null);
    }

    private IndexLoadResult<BinaryPackage> LoadIndex(IReadOnlyList<string> urls)
    {
        // piuparts logs, per URL, "Opening U.*" before and "Fetching U.xz" (the form it got) after.
        return _indexes.LoadBinaries(urls, url => _log($"Opening {url}.*"), fetched => _log($"Fetching {fetched}"));
    }
}
