using Piuparts.Core.Archive;
using Piuparts.Core.Config;
using Piuparts.Core.KnownProblems;
using Piuparts.Core.Maintenance;
using Piuparts.Core.MasterDir;
using Piuparts.Core.States;
using Piuparts.SitePipeline.Sources;

namespace Piuparts.SitePipeline.Model;

/// <summary>
/// Everything the pages of one section are made from, gathered while the section is locked.
/// The indexes and states are loaded when first asked for: a section found unchanged since its
/// pages were written is reported from its record and need not be loaded at all.
/// </summary>
/// <param name="listings">The section's kept directory listings, through which its logs are listed.</param>
public sealed class SectionModel(SectionSettings settings, SectionDirectory directory, Lazy<SectionData> data, Core.IO.ListingCache? listings = null)
{
    public SectionModel(SectionSettings settings, SectionDirectory directory, SectionData data, Core.IO.ListingCache? listings = null)
        : this(settings, directory, new Lazy<SectionData>(data), listings)
    {
    }

    public string Name => Settings.Name;

    public SectionSettings Settings { get; } = settings;

    public SectionDirectory Directory { get; } = directory;

    /// <summary>The database with its states computed (waits for them).</summary>
    public PackageDatabase Db
    {
        get
        {
            var loaded = data.Value;
            loaded.States.GetAwaiter().GetResult();
            return loaded.Db;
        }
    }

    /// <summary>
    /// The database while its states may still be computed on another core: for what needs no
    /// state (names, versions, the logs the states are computed from); a state asked here waits.
    /// </summary>
    public PackageDatabase DbBeforeStates => data.Value.Db;

    public ArchiveIndex<SourcePackage> Sources => data.Value.Sources;

    /// <summary>Whether the indexes and states were loaded (for tests and timings).</summary>
    public bool IsLoaded => data.IsValueCreated;

    public SectionLogFiles Logs { get; set; } = SectionLogFiles.Read(directory, listings);

    public List<ArchivedLog> Archived { get; } = [];

    /// <summary>Whether summary.json is written for this section (json-sections is not "none").</summary>
    public bool HasSummary => Settings.Words("json-sections") is not ["none", ..];

    /// <summary>Every recorded test of the section's packages (submissions.txt and the logs), read while the section is locked.</summary>
    public Piuparts.SitePipeline.History.ResultHistory Results { get; set; } = Piuparts.SitePipeline.History.ResultHistory.Empty;

    /// <summary>counts.txt as it is after today's row, for the chart.</summary>
    public History.CountsHistory? History { get; set; }

    /// <summary>The known problems that apply here (the global set without exclude-known-problems).</summary>
    public ProblemSet ProblemSet { get; set; } = new([]);

    /// <summary>Every .kpr line of the section's logs, in piuparts' order once the problem pages sorted them.</summary>
    public IReadOnlyList<SectionFailure> Failures { get; set; } = [];

    private Dictionary<string, string>? _problemShortNames;
    private ILookup<string, SectionFailure>? _failuresByPackage;

    // Both read first without LazyInitializer: its lambda, which captures this, would be
    // allocated on each of the source pages' tens of thousands of calls.

    /// <summary>Each problem's short name (its page) by its name, made once (source pages of every source ask).</summary>
    public IReadOnlyDictionary<string, string> ProblemShortNames =>
        Volatile.Read(ref _problemShortNames)
        ?? LazyInitializer.EnsureInitialized(ref _problemShortNames, () => ProblemSet.Problems.ToDictionary(p => p.Name, p => p.ShortName, StringComparer.Ordinal));

    /// <summary>The .kpr lines by package, made once, once the failures are read and sorted.</summary>
    public ILookup<string, SectionFailure> FailuresByPackage =>
        Volatile.Read(ref _failuresByPackage) ?? LazyInitializer.EnsureInitialized(ref _failuresByPackage, () => Failures.ToLookup(f => f.Package, StringComparer.Ordinal));

    /// <summary>Known-problem links shown under a state's row of the index, by state.</summary>
    public Dictionary<PackageState, List<ProblemLink>> Problems { get; } = [];

    public IReadOnlyList<ProblemLink> ProblemLinks(PackageState state) => Problems.TryGetValue(state, out var list) ? list : [];

    /// <summary>The fingerprint of everything the section's pages are made from (null when some input cannot be told).</summary>
    public string? InputsFingerprint { get; set; }

    /// <summary>
    /// Whether <see cref="InputsFingerprint"/>, taken before this run changed anything, is the one
    /// the section's pages were last written with: nothing needs archiving, classifying or
    /// rendering, and what the dated pages show comes from <see cref="Previous"/>.
    /// </summary>
    public bool Unchanged => Previous != null;

    /// <summary>What the last run recorded of the section, when the section is unchanged since.</summary>
    public Pipeline.SectionRecord? Previous { get; set; }

    /// <summary>State page entries of depended-on names, shared by every package that depends on them.</summary>
    /// <remarks>
    /// Sized for every package at once: grown from the default size, each growth takes every
    /// lock of the table while the state pages fill it from both cores.
    /// </remarks>
    public System.Collections.Concurrent.ConcurrentDictionary<string, Modules.RenderStatePages.DependencyEntry> DependencyEntries =>
        Volatile.Read(ref _dependencyEntries)
        ?? Interlocked.CompareExchange(ref _dependencyEntries, new(Environment.ProcessorCount, Db.Count, StringComparer.Ordinal), null)
        ?? _dependencyEntries!;

    private System.Collections.Concurrent.ConcurrentDictionary<string, Modules.RenderStatePages.DependencyEntry>? _dependencyEntries;

    /// <summary>The log directory listings of the section and its depends-sections taken before the states were computed from them.</summary>
    public IReadOnlyDictionary<string, string[]>? LogListingsAtLoad { get; set; }

    /// <summary>The names summary.json reports the section under, once written (recorded for the next run).</summary>
    public IReadOnlyList<string>? SummaryNames { get; set; }

    /// <summary>The summary.json this run built for the section, once its file is produced; null when it was only re-dated.</summary>
    public Summary.PackageSummary? BuiltSummary { get; set; }

    /// <summary>The maintainer and uploader addresses of the section's sources, sorted (each has a page).</summary>
    public IReadOnlyList<string>? MaintainerEmails { get; set; }

    /// <summary>The section's packages in failed-testing with the start of their failure, once gathered (recorded for the next run).</summary>
    public IReadOnlyList<Piuparts.SitePipeline.History.Failure>? FailedPackages { get; set; }

    /// <summary>The section's tests of the last days before the run, once gathered (recorded for the next run).</summary>
    public Piuparts.SitePipeline.History.RecentTests? RecentTests { get; set; }

    /// <summary>The states and feed entries to record for the next run's feeds, once compared.</summary>
    public Feeds.FeedRecord? Feed { get; set; }

    /// <summary>The rows of the index page's state table, once built (recorded for the next run).</summary>
    public IReadOnlyList<Modules.RenderSectionPages.IndexRow>? IndexRows { get; set; }

    /// <summary>What the section says of each of its sources (with a page), once gathered for the per-source JSON of every section.</summary>
    public IReadOnlyDictionary<string, SourceSection>? SourceSections { get; set; }

    /// <summary>For a section found unchanged: the last run's record of its sources, when it is valid for these inputs.</summary>
    public SourceSectionsRecord? SourceSectionsRecord { get; set; }

    /// <summary>
    /// Set when a kept file of an unchanged section could not be updated: the section gets no
    /// record, so the next run renders it again from its inputs.
    /// </summary>
    public bool NeedsFullRun { get; set; }

    /// <summary>Whether states.png was drawn for this section in this run.</summary>
    public bool HasChart { get; set; }

    /// <summary>The version of a source under test: the final distribution's in upgrade sections ("None" when it is not there), else its own.</summary>
    public string SourceTestVersion(SourcePackage source) =>
        data.Value.SourceTestVersions is not { } versions ? source.Version : versions.GetValueOrDefault(source.Name, "None");

    /// <summary>Whether a binary's source version differs from its source's Sources version (piuparts' "[cruft]"); missingSource says what a source absent from Sources counts as.</summary>
    public bool IsCruft(BinaryPackage binary, bool missingSource)
    {
        var source = Sources[binary.SourceName];
        return source == null ? missingSource : source.Version != binary.SourceVersion;
    }

    private int[]? _stateCounts;

    /// <summary>The number of packages in each of the fourteen list states (by <see cref="PackageState"/>), counted once.</summary>
    public IReadOnlyList<int> StateCounts => _stateCounts ??= Previous?.Counts.ToArray()
        ?? PackageStates.ListStates.Select(s => Db.InState(s).Count).ToArray();

    /// <summary>The number of binary packages of the section.</summary>
    public int PackageCount => Previous?.Total ?? Db.Count;

    /// <summary>The index URLs the section's packages were read from.</summary>
    public IReadOnlyList<string> IndexUrls => Previous?.Urls ?? Db.IndexUrls;

    // One map per log directory: asked from every core while pages are written, and keyed by
    // name alone because a (directory, name) key hashes the name the slow, randomised way.
    private Dictionary<string, LogFile>[]? _latest;

    /// <summary>The newest log (in modification-time order) of a package in a directory, or null.</summary>
    public LogFile? LatestLog(LogDirectory directory, string package)
    {
        // Not LazyInitializer with a lambda: that allocates a closure on each of the hundreds of
        // thousands of calls. A race builds two equal maps and keeps one.
        var latest = Volatile.Read(ref _latest) ?? Interlocked.CompareExchange(ref _latest, LatestMaps(), null) ?? _latest!;
        return latest[(int)directory].GetValueOrDefault(package);
    }

    private Dictionary<string, LogFile>[] LatestMaps()
    {
        var maps = new Dictionary<string, LogFile>[Enum.GetValues<LogDirectory>().Length];
        for (var i = 0; i < maps.Length; i++)
            maps[i] = new Dictionary<string, LogFile>(StringComparer.Ordinal);
        foreach (var shown in SectionLogFiles.Shown)
        {
            foreach (var log in Logs.In(shown))
                maps[(int)shown][log.Package] = log;
        }
        return maps;
    }

    private IReadOnlyList<SourceReport>? _results;

    /// <summary>Every source of the Sources index with a non-empty Binary list, sorted by name, with its verdict.</summary>
    public IReadOnlyList<SourceReport> SourceResults => _results ??= ComputeResults();

    private IReadOnlyList<SourceReport> ComputeResults()
    {
        var results = new List<SourceReport>();
        foreach (var source in Sources.InOrder.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var names = source.Binaries.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            if (names.Length == 0)
                continue;
            bool success = true, failed = false;
            var binaries = new List<BinaryResult>();
            foreach (var name in names)
            {
                var package = Db.Package(name);
                if (package == null)
                {
                    binaries.Add(new BinaryResult(name, null, PackageState.DoesNotExist, null));
                    continue;
                }
                var state = Db.OwnState(name);
                if (state is not (PackageState.SuccessfullyTested or PackageState.EssentialRequired))
                    success = false;
                if (state is PackageState.FailedTesting or PackageState.DependencyDoesNotExist or PackageState.CannotBeTested)
                    failed = true;
                binaries.Add(new BinaryResult(name, package, state, Db.TestVersion(name)));
            }
            var verdict = failed ? SourceVerdict.Fail : success ? SourceVerdict.Pass : SourceVerdict.Unknown;
            results.Add(new SourceReport(source, SourceTestVersion(source), binaries, verdict));
        }
        return results;
    }
}
