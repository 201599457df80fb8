using Piuparts.Core;
using Piuparts.Core.Archive;
using Piuparts.Core.States;
using Piuparts.SitePipeline.Model;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Reads each section to report: takes its master.lock (the lock piuparts-master takes, so no
/// slave changes it meanwhile), loads its Packages and Sources indexes and its depends-sections,
/// lists its logs and starts computing the states (report.md §1.3, §2) on another core: the
/// modules that need no state (archiving, classifying) run meanwhile, and the first use of
/// <see cref="SectionModel.Db"/> waits. A section that cannot be read is skipped with an error;
/// the others go on.
/// </summary>
public sealed class LoadSections : IModule
{
    // Sections' states are computed one after another in load order, as when each was computed
    // in its turn: a depends-section shared by two sections is computed by the first, as before.
    private Task _computing = Task.CompletedTask;

    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        // Sources indexes are snapshotted as Packages ones are: an unchanged Sources.xz is not decoded again.
        var sourceLoader = new IndexLoader(context.Fetcher, new IndexSnapshot(Path.Combine(context.Master.Root, DatabaseLoader.SnapshotDirectory)));
        foreach (var name in context.RequestedSections)
        {
            if (Load(context, sourceLoader, name) is { } model)
                context.Sections.Add(model);
        }
        return documents;
    }

    private SectionModel? Load(SiteContext context, IndexLoader sourceLoader, string name)
    {
        var settings = context.Config.Piuparts.Section(name);
        var unsafeName = Core.MasterDir.MasterDirectory.CheckSectionName(name)
            ?? (Naming.IsSiteRootName(name) ? $"section name '{name}' is taken by the site's own '{name.Split('/')[0]}' at the top of the output directory" : null);
        if (settings == null || unsafeName != null)
        {
            Fail(context, name, unsafeName ?? $"no section [{name}] in the configuration");
            return null;
        }
        if (settings.Integer("max-reserved") == 0 && settings["max-reserved"] != null)
        {
            context.Log($"{name}: max-reserved is 0, section disabled");
            return null;
        }
        var directory = context.Master.Section(name);
        if (!Directory.Exists(directory.Path))
        {
            Fail(context, name, $"section directory {directory.Path} does not exist");
            return null;
        }
        // Waited for up to --lock-wait: piuparts retries a busy section later in its run.
        if (directory.Lock(context.Options.LockWait) is not { } held)
        {
            Fail(context, name, "busy: a master holds master.lock; try again later");
            return null;
        }
        context.Locks[name] = held;

        // Every log directory the section's states are computed from, listed before they are read.
        var listings = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var print = FingerprintSections.Compute(context, name, s => listings[s] = FingerprintSections.LogListing(context.Master.Section(s), context.Listings(s)));
        if (Unchanged(context, name, print) is { } record)
        {
            context.Log($"{name}: nothing changed since its pages were written; only the dated pages are rendered");
            var lazy = new Lazy<SectionData>(() => LoadData(context, sourceLoader, name, settings)
                ?? throw new InvalidOperationException($"{name}: the indexes of an unchanged section could not be loaded again"));
            return new SectionModel(settings, directory, lazy, context.Listings(name)) { Previous = record, InputsFingerprint = record.Fingerprint };
        }
        return LoadData(context, sourceLoader, name, settings) is { } data
            ? new SectionModel(settings, directory, data, context.Listings(name)) { LogListingsAtLoad = listings }
            : null;
    }

    // The last run's record when the section's inputs are as that run left them and its pages as it wrote them.
    private static SectionRecord? Unchanged(SiteContext context, string name, string? print)
    {
        // A record that lists fewer recent tests than this run's page would show is of no use.
        if (print == null || !context.PreviousRecords.TryGetValue(name, out var record) || print != record.Fingerprint
            || record.Recent.Listed < context.Options.RecentTestsListed)
            return null;
        var pages = context.Manifest.PagesOf(name).ToList();
        // Tens of thousands of files, checked against their files on every core as the manifest was read.
        return pages.Count == record.Pages
               && pages.All(page => context.Manifest.Valid(page, context.OutputDirectory) != null)
            ? record : null;
    }

    private SectionData? LoadData(SiteContext context, IndexLoader sourceLoader, string name, Core.Config.SectionSettings settings)
    {
        var layout = new ArchiveLayout(settings, context.Config.Distros);
        var (urls, urlError) = layout.SourcesUrls();
        // The Sources index is read on another core while the Packages index is read and the
        // states are computed (on full bookworm a tenth of a second taken off one core's work).
        var reading = urlError == null ? Task.Run<IndexLoadResult<SourcePackage>?>(() => sourceLoader.LoadSources(urls)) : Task.FromResult<IndexLoadResult<SourcePackage>?>(null);
        var (db, errors) = context.Loader.Load(name, recycle: false);
        if (db == null)
        {
            // Waited for, not let fail: the Packages errors are the ones this section is skipped for.
            ((IAsyncResult)reading).AsyncWaitHandle.WaitOne();
            foreach (var error in errors)
                context.Errors.Add(error with { Section = name });
            context.Log($"{name}: cannot load the Packages files, section skipped");
            return null;
        }
        var states = _computing = db.ComputeInBackground(_computing);

        var sources = reading.GetAwaiter().GetResult();
        if (sources?.Index == null)
        {
            if (urlError != null)
                context.Errors.Add(new InputError(context.Config.Piuparts.Path, 0, urlError) { Section = name });
            foreach (var error in sources?.Errors ?? [])
                context.Errors.Add(error with { Section = name });
            context.Log($"{name}: cannot load the Sources files, section skipped");
            return null;
        }

        Dictionary<string, string>? testVersions = null;
        if (settings.FinalDistro is { } final && final != settings.Distro)
        {
            var (finalUrls, finalError) = layout.SourcesUrls(final);
            var finalSources = finalError == null ? sourceLoader.LoadSources(finalUrls) : null;
            if (finalSources?.Index == null)
            {
                Fail(context, name, finalError ?? $"cannot load the Sources files of {final}");
                return null;
            }
            testVersions = finalSources.Index.InOrder.ToDictionary(s => s.Name, s => s.Version, StringComparer.Ordinal);
        }
        context.Log($"{name}: {db.Count} binary packages, {sources.Index.Count} source packages");
        return new SectionData(db, sources.Index, testVersions) { States = states };
    }

    private static void Fail(SiteContext context, string section, string message)
    {
        context.Errors.Add(new InputError(context.Config.Piuparts.Path, 0, message) { Section = section });
        context.Log($"{section}: {message}, section skipped");
    }
}
