using Piuparts.Core.Archive;
using Piuparts.Core.Config;
using Piuparts.Core.KnownProblems;
using Piuparts.Core.Maintenance;
using Piuparts.Core.MasterDir;
using Piuparts.Core.States;
using Piuparts.SitePipeline.Sources;

namespace Piuparts.SitePipeline.Model;

/// <summary>Everything the pages of one section are made from, gathered while the section is locked.</summary>
public sealed class SectionModel(SectionSettings settings, SectionDirectory directory, PackageDatabase db, ArchiveIndex<SourcePackage> sources,
    IReadOnlyDictionary<string, string>? sourceTestVersions)
{
    public string Name => Settings.Name;

    public SectionSettings Settings { get; } = settings;

    public SectionDirectory Directory { get; } = directory;

    public PackageDatabase Db { get; } = db;

    public ArchiveIndex<SourcePackage> Sources { get; } = sources;

    public SectionLogFiles Logs { get; set; } = SectionLogFiles.Read(directory);

    public List<ArchivedLog> Archived { get; } = [];

    /// <summary>Whether summary.json is written for this section (json-sections is not "none").</summary>
    public bool HasSummary => Settings.Words("json-sections") is not ["none", ..];

    /// <summary>counts.txt as it is after today's row, for the chart.</summary>
    public History.CountsHistory? History { get; set; }

    /// <summary>The known problems that apply here (the global set without exclude-known-problems).</summary>
    public ProblemSet ProblemSet { get; set; } = new([]);

    /// <summary>Every .kpr line of the section's logs, in piuparts' order once the problem pages sorted them.</summary>
    public IReadOnlyList<SectionFailure> Failures { get; set; } = [];

    /// <summary>Known-problem links shown under a state's row of the index, by state.</summary>
    public Dictionary<PackageState, List<ProblemLink>> Problems { get; } = [];

    public IReadOnlyList<ProblemLink> ProblemLinks(PackageState state) => Problems.TryGetValue(state, out var list) ? list : [];

    /// <summary>The fingerprint of everything the section's pages are made from (null when some input cannot be told).</summary>
    public string? InputsFingerprint { get; set; }

    /// <summary>Whether <see cref="InputsFingerprint"/> is the one its pages were last written with: they need no rendering.</summary>
    public bool Unchanged { get; set; }

    /// <summary>Whether states.png was drawn for this section in this run.</summary>
    public bool HasChart { get; set; }

    /// <summary>The version of a source under test: the final distribution's in upgrade sections ("None" when it is not there), else its own.</summary>
    public string SourceTestVersion(SourcePackage source) =>
        sourceTestVersions == null ? source.Version : sourceTestVersions.GetValueOrDefault(source.Name, "None");

    /// <summary>Whether a binary's source version differs from its source's Sources version (piuparts' "[cruft]"); missingSource says what a source absent from Sources counts as.</summary>
    public bool IsCruft(BinaryPackage binary, bool missingSource)
    {
        var source = Sources[binary.SourceName];
        return source == null ? missingSource : source.Version != binary.SourceVersion;
    }

    private int[]? _stateCounts;

    /// <summary>The number of packages in each of the fourteen list states (by <see cref="PackageState"/>), counted once.</summary>
    public IReadOnlyList<int> StateCounts => _stateCounts ??= PackageStates.ListStates.Select(s => Db.InState(s).Count).ToArray();

    private Dictionary<(LogDirectory, string), LogFile>? _latest;

    /// <summary>The newest log (in modification-time order) of a package in a directory, or null.</summary>
    public LogFile? LatestLog(LogDirectory directory, string package)
    {
        if (_latest == null)
        {
            _latest = [];
            foreach (var shown in SectionLogFiles.Shown)
            {
                foreach (var log in Logs.In(shown))
                    _latest[(shown, log.Package)] = log;
            }
        }
        return _latest.GetValueOrDefault((directory, package));
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
