using Piuparts.Core.MasterDir;

namespace Piuparts.Core.States;

/// <summary>
/// The packages a connection hands out (package-states.md §9.1-9.2): the waiting-to-be-tested
/// packages, most wanted first (those on which most waiting packages depend; in recycle mode
/// also new results before re-checks and old marks before new ones), computed at the first
/// reserve and kept for the connection. Ties are broken by the given random source, so a
/// seeded one makes the order exact.
/// </summary>
public sealed class ReservationQueue
{
    private readonly SectionLogs _logs;
    private readonly bool _recycle;
    private readonly string _section;
    private readonly Action<string> _log;
    private readonly List<(string Name, string Version)> _candidates;

    public ReservationQueue(PackageDatabase db, Random random, Action<string>? log = null)
        : this(Order(db, random).Select(n => (n, db.TestVersion(n)!)).ToList(), db.Logs, db.Recycle, db.Section, log)
    {
    }

    /// <summary>A queue in an order computed before (the state cache keeps it).</summary>
    public ReservationQueue(List<(string Name, string Version)> ordered, SectionLogs logs, bool recycle, string section, Action<string>? log = null)
    {
        _candidates = ordered;
        _logs = logs;
        _recycle = recycle;
        _section = section;
        _log = log ?? (_ => { });
    }

    // Everything before this position was reserved or dropped: piuparts removes such entries
    // from its list, so the list is only ever consumed from the front.
    private int _position;

    /// <summary>The candidates still in the queue, in order.</summary>
    public IReadOnlyList<string> Candidates => _candidates[_position..].Select(c => c.Name).ToList();

    /// <summary>The candidates still in the queue with their test versions, in order.</summary>
    public IReadOnlyList<(string Name, string Version)> Entries => _candidates[_position..];

    private static List<string> Order(PackageDatabase db, Random random)
    {
        var logs = db.Logs;
        var names = db.InState(PackageState.WaitingToBeTested)
            .Where(n => !logs.Exists(LogDirectory.Reserved, n, db.TestVersion(n)!) || logs.Exists(LogDirectory.Recycle, n, db.TestVersion(n)!))
            .ToList();
        if (names.Count <= 1)
            return names;
        // One random number per package in index order of the list, as the sort key is built.
        var keyed = names.Select(name => (Name: name, Key: Weight(db, name), Tie: random.NextDouble())).ToList();
        keyed.Sort((a, b) =>
        {
            int byWeight = b.Key.CompareTo(a.Key);
            return byWeight != 0 ? byWeight : b.Tie.CompareTo(a.Tie);
        });
        return keyed.Select(k => k.Name).ToList();
    }

    private static (int, int, bool, double, double) Weight(PackageDatabase db, string name)
    {
        var counts = db.Reverse(name);
        int first = Math.Min(counts.ChainLength, counts.WaitingCount);
        if (!db.Recycle)
            return (first, counts.WaitingCount, false, 0, 0);
        var version = db.TestVersion(name)!;
        bool noPass = !db.Logs.Exists(LogDirectory.Pass, name, version);
        var (changed, modified) = db.Logs.Exists(LogDirectory.Recycle, name, version)
            ? db.Logs.Times(LogDirectory.Recycle, name, version)
            : (0, 0);
        return (first, counts.WaitingCount, noPass, -changed / 3600, -modified / 3600);
    }

    /// <summary>reserve: the next package that can still be reserved, with its test version; null when none is left.</summary>
    public (string Name, string Version)? Reserve()
    {
        var logs = _logs;
        for (; _position < _candidates.Count; _position++)
        {
            var (name, version) = _candidates[_position];
            if (logs.Exists(LogDirectory.Reserved, name, version))
                continue;
            if (_recycle && logs.Exists(LogDirectory.Recycle, name, version))
            {
                foreach (var directory in LogDirectories.Results.Where(d => d != LogDirectory.Pass))
                {
                    if (logs.Exists(directory, name, version))
                    {
                        logs.Delete(directory, name, version);
                        _log($"Recycled {_section}/{directory.DirectoryName()} {name} {version}");
                    }
                }
            }
            else if (logs.ExistsInAny(LogDirectories.Results, name, version))
            {
                continue;
            }
            if (logs.Exists(LogDirectory.Recycle, name, version))
                logs.Delete(LogDirectory.Recycle, name, version);
            if (logs.TryCreate(LogDirectory.Reserved, name, version, ""))
            {
                _position++;
                return (name, version);
            }
        }
        return null;
    }
}
