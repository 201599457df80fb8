using System.Collections.Concurrent;
using Piuparts.Core;
using Piuparts.Core.Config;
using Piuparts.Core.IO;
using Piuparts.Core.MasterDir;
using Piuparts.SitePipeline.Model;
using Piuparts.SitePipeline.Rendering;

namespace Piuparts.SitePipeline.Pipeline;

/// <summary>What every module of a report run shares: configuration, directories, the sections read so far, the templates, and the log.</summary>
public sealed class SiteContext(SiteConfig config, ReportOptions options, string outputDirectory, TemplateLoading templates, Action<string> log) : IDisposable
{
    public SiteConfig Config { get; } = config;

    public ReportOptions Options { get; } = options;

    public MasterDirectory Master { get; } = new(config.Piuparts.MasterDirectory ?? ".");

    /// <summary>Absolute path of the output directory.</summary>
    public string OutputDirectory { get; } = Path.GetFullPath(outputDirectory);

    private TemplateSet? _templates;

    /// <summary>The parsed templates; the first use waits until they are (they are parsed while the sections load).</summary>
    public TemplateSet Templates => _templates ??= templates.Wait().Set
        ?? throw new InvalidOperationException("the templates are not valid: the run stops before it renders anything");

    // Read and checked against the files on another core from the start of the run (see PageManifest.CheckFiles).
    private readonly Task<PageManifest> _manifest = Task.Run(() =>
    {
        var output = Path.GetFullPath(outputDirectory);
        var manifest = PageManifest.Load(output);
        manifest.CheckFiles(output);
        return manifest;
    });
    private Dictionary<string, SectionRecord>? _records;

    /// <summary>What the last run recorded of each section, read once.</summary>
    public IReadOnlyDictionary<string, SectionRecord> PreviousRecords => _records ??= SectionRecords.Load(OutputDirectory);

    private Core.Archive.IndexFetcher? _fetcher;
    private Core.States.DatabaseLoader? _loader;
    private readonly Dictionary<string, string?> _validators = new(StringComparer.Ordinal);

    /// <summary>The run's index fetcher (one HTTP client), disposed with the context.</summary>
    public Core.Archive.IndexFetcher Fetcher => _fetcher ??= new Core.Archive.IndexFetcher(proxy: Config.Piuparts.Global.NonEmpty("proxy"));

    /// <summary>Loads sections' databases as the master does, with index snapshots; shared by the sections of the run.</summary>
    public Core.States.DatabaseLoader Loader => _loader ??= new Core.States.DatabaseLoader(Config, Master, Fetcher, Log, snapshots: true);

    /// <summary>An index URL's validator, asked once per run.</summary>
    public string? Validator(string url)
    {
        lock (_validators)
        {
            if (!_validators.TryGetValue(url, out var value))
                _validators[url] = value = Fetcher.Validator(url);
            return value;
        }
    }

    public void Dispose() => _fetcher?.Dispose();

    /// <summary>What the last run recorded of the pages in the output directory, with their files checked (waits until they are).</summary>
    public PageManifest Manifest => _manifest.GetAwaiter().GetResult();

    /// <summary>Fingerprints of page inputs, salted with these templates.</summary>
    public Fingerprints Fingerprints { get; } = new(templates.Hash ?? throw new ArgumentException("the templates could not be read", nameof(templates)));

    /// <summary>The sections this run is asked to report, in order.</summary>
    public IReadOnlyList<string> RequestedSections => Options.Sections.Count > 0 ? Options.Sections : AllSections;

    /// <summary>Every section of [global] sections, in configuration order (navigation lists them all).</summary>
    public IReadOnlyList<string> AllSections => Config.Piuparts.Sections;

    /// <summary>The sections this run processes, in processing order, once loaded.</summary>
    public List<SectionModel> Sections { get; } = [];

    /// <summary>Every source with what each section says of it, once gathered (GatherSourceSections).</summary>
    public Sources.SourcesAcrossSections? AcrossSections { get; set; }

    /// <summary>Section locks held while the master directory is read and changed.</summary>
    public Dictionary<string, FileStream> Locks { get; } = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, ListingCache> _listings = new(StringComparer.Ordinal);

    /// <summary>The kept directory listings of a section of the master directory, opened once per run.</summary>
    public ListingCache Listings(string section) =>
        _listings.GetOrAdd(section, name => ListingCache.Of(Master.Section(name).Path));

    /// <summary>Every section's listings opened in this run.</summary>
    public IEnumerable<ListingCache> OpenedListings => _listings.Values;

    /// <summary>Problems that did not stop the run (a section skipped, a log that could not be copied).</summary>
    public List<InputError> Errors { get; } = [];

    private readonly Lock _logging = new();

    /// <summary>Passes a line to the run's log, one line at a time: documents produced on every core and modules working in the background log too.</summary>
    public void Log(string line)
    {
        lock (_logging)
            log(line);
    }

    private ConcurrentDictionary<string, PageFrame.NavSection[]>? _navigation;

    /// <summary>
    /// The section list of the layout with the given section marked current; built once per
    /// section, as every page of it shares it (pages ask for it in parallel, tens of thousands of times).
    /// </summary>
    public IReadOnlyList<PageFrame.NavSection> Navigation(string? current)
    {
        var cache = LazyInitializer.EnsureInitialized(ref _navigation, () => new(StringComparer.Ordinal));
        return cache.GetOrAdd(current ?? "", _ =>
        {
            var charted = Sections.Where(s => s.HasChart).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            return AllSections.Select(s => new PageFrame.NavSection(s, s == current, charted.Contains(s))).ToArray();
        });
    }

    private ConcurrentDictionary<string, string>? _navigationPrints;

    /// <summary>
    /// The fingerprint of <see cref="Navigation"/>, taken once per section: a page's fingerprint
    /// covers it as this string instead of writing the list again for each of 70,000 pages.
    /// </summary>
    public string NavigationPrint(string? current)
    {
        var cache = LazyInitializer.EnsureInitialized(ref _navigationPrints, () => new(StringComparer.Ordinal));
        return cache.GetOrAdd(current ?? "", _ => Fingerprints.Of(Navigation(current)));
    }

    /// <summary>Web doc-root normalised as piuparts does (report.md §1.4): "" or "/path".</summary>
    public string DocRoot
    {
        get
        {
            var root = (Config.Piuparts.Global.NonEmpty("doc-root") ?? "/").Trim();
            if (!root.StartsWith('/'))
                root = "/" + root;
            return root.EndsWith('/') ? root[..^1] : root;
        }
    }

    public string WebHost => Config.Piuparts.Global.NonEmpty("web-host") ?? "piuparts.debian.org";
}
