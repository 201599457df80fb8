using Piuparts.Core.Archive;
using Piuparts.Core.MasterDir;

namespace Piuparts.Core.States;

/// <summary>
/// One section's packages, logs and states (package-states.md §5-§8): the index in index
/// order, the test version of each package, the sections named in depends-sections, and the
/// state of every package once <see cref="Compute"/> has run. Results depend on processing
/// order exactly as in piuparts 1.1.7; the comments cite the rules they follow.
/// </summary>
public sealed partial class PackageDatabase
{
    private static readonly HashSet<string> IgnoredMissing = new(StringComparer.Ordinal)
    {
        "kbdcontrol", "vidcontrol", "mediawiki", "llvm-3.7-dev", "oracle-instantclient-basic",
        "oracle-instantclient11.2-basic", "oracle-instantclient12.1-basic",
    };

    private static readonly HashSet<string> ForeignI386 = new(StringComparer.Ordinal)
    {
        "ia32-libs-i386", "ia32-libs-gtk-i386", "libnss-mdns-i386",
    };

    private readonly Dictionary<string, int> _slots;
    private readonly PackageNode[] _nodes;
    private readonly IReadOnlyList<PackageDatabase> _dependencies;
    private Dictionary<string, List<string>>? _providers;
    private PackageState[]? _states;

    /// <param name="index">The section's merged Packages index.</param>
    /// <param name="testVersions">Versions of the final distribution for upgrade sections whose distro is not the last one (§2.6); null otherwise.</param>
    /// <param name="logs">The section's log snapshot.</param>
    /// <param name="dependencies">Databases of depends-sections, in order (already built, not yet computed).</param>
    /// <param name="recycle">Recycle mode (§9.6); never for dependency databases.</param>
    public PackageDatabase(string section, ArchiveIndex<BinaryPackage> index, IReadOnlyDictionary<string, string>? testVersions,
        SectionLogs logs, IReadOnlyList<PackageDatabase> dependencies, bool recycle)
    {
        Section = section;
        Logs = logs;
        Recycle = recycle;
        _dependencies = dependencies;
        _slots = new Dictionary<string, int>(index.Count, StringComparer.Ordinal);
        _nodes = new PackageNode[index.Count];
        for (int i = 0; i < index.Count; i++)
        {
            var package = index.InOrder[i];
            var testVersion = testVersions == null ? package.Version : testVersions.GetValueOrDefault(package.Name, "None");
            _nodes[i] = new PackageNode(i, package, testVersion, Intern);
            _slots.Add(package.Name, i);
        }
    }

    // Bumped whenever any database changes a chosen alternative: cached dependency closures
    // (§6.6) older than this are stale. Process-wide, as a master serves one connection.
    private static int s_choiceGeneration;

    // Names of no package here (virtual ones, missing ones): a string each, the value its own key.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _otherNames = new(StringComparer.Ordinal);

    // A dependency name as a string this database already holds: the package's own name, or
    // one seen before; 300,000 dependency names of bookworm need only 70,000 strings.
    private string Intern(ReadOnlySpan<char> name)
    {
        if (_slots.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var known, out _))
            return known;
        // Fields are parsed on both cores (ParseAll): looked up without a lock, added under the
        // table's own; of two threads adding the same name, both get the one that was kept.
        if (_otherNames.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var seen, out _))
            return seen;
        var created = name.ToString();
        return _otherNames.GetOrAdd(created, created);
    }

    public string Section { get; }

    /// <summary>The index URLs read for this section's own packages, with the compression suffix each one had.</summary>
    public IReadOnlyList<string> IndexUrls { get; init; } = [];

    public SectionLogs Logs { get; }

    public bool Recycle { get; }

    /// <summary>The moment the state computation started (the idle stamp's time).</summary>
    public DateTimeOffset Stamp { get; private set; }

    public IReadOnlyList<PackageDatabase> Dependencies => _dependencies;

    /// <summary>Number of distinct packages.</summary>
    public int Count => _nodes.Length;

    /// <summary>Package names in index order.</summary>
    public IEnumerable<string> Names => _nodes.Select(n => n.Name);

    public BinaryPackage? Package(string name) => _slots.TryGetValue(name, out int slot) ? _nodes[slot].Package : null;

    /// <summary>The version its logs are named after, or null when the name is not a package here.</summary>
    public string? TestVersion(string name) => _slots.TryGetValue(name, out int slot) ? _nodes[slot].TestVersion : null;

    private PackageNode? Node(string name) => _slots.TryGetValue(name, out int slot) ? _nodes[slot] : null;

    private bool HasLog(PackageNode node, LogDirectory directory) => Logs.Exists(directory, node.LogFileName);

    private bool HasLog(PackageNode node, IReadOnlyList<LogDirectory> directories) =>
        Logs.ExistsInAny(directories, node.LogFileName);
}
