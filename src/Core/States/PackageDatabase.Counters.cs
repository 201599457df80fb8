namespace Piuparts.Core.States;

// Reverse-dependency counters (package-states.md §8), used to order reservations and by the report.
public sealed partial class PackageDatabase
{
    private int[][]? _reverse;
    private ReverseCounts?[]? _counts;

    /// <summary>The reverse-dependency counters of a package; <see cref="ReverseCounts.Unknown"/> for a name not in the section.</summary>
    public ReverseCounts Reverse(string name)
    {
        Compute();
        if (!_slots.TryGetValue(name, out int slot))
            return ReverseCounts.Unknown;
        // One walk at a time: the report asks from several threads at once, and the walks share
        // their scratch space, the counters' cache and the resolution cache of ReverseEdges.
        lock (_reverseLock)
        {
            _counts ??= new ReverseCounts?[_nodes.Length];
            return _counts[slot] ??= CountReverse(slot);
        }
    }

    private readonly Lock _reverseLock = new();

    // rdeps: for each own package, the own packages whose chosen dependencies resolve to it,
    // built once with the chosen alternatives of that moment.
    private int[][] ReverseEdges()
    {
        if (_reverse != null)
            return _reverse;
        var lists = new List<int>?[_nodes.Length];
        var keys = new List<int>();
        foreach (var node in _nodes)
        {
            keys.Clear();
            foreach (var name in node.Deps())
            {
                // The key is the resolved package's name, else the name itself; only keys that
                // are own packages can ever be reached from an own package, and get_package
                // finds an own package before any other, so only own targets count.
                if (Resolved(name, recurse: true) is { } target && target.Db == this && !keys.Contains(target.Node.Slot))
                    keys.Add(target.Node.Slot);
            }
            // Each package once per key: rdeps holds sets.
            foreach (int key in keys)
                (lists[key] ??= []).Add(node.Slot);
        }
        return _reverse = lists.Select(l => l == null ? [] : l.ToArray()).ToArray();
    }

    // Breadth-first over reverse dependencies; a stamp per package instead of a set per call,
    // as the reservation order asks this for every waiting package.
    private int[]? _seenStamp;
    private int _stamp;
    private List<int>? _level;
    private List<int>? _next;

    private ReverseCounts CountReverse(int slot)
    {
        var reverse = ReverseEdges();
        _seenStamp ??= new int[_nodes.Length];
        _level ??= [];
        _next ??= [];
        int stamp = ++_stamp;
        _seenStamp[slot] = stamp;
        var level = _level;
        var next = _next;
        level.Clear();
        level.Add(slot);
        int chain = 0, count = 0, block = 0, waiting = 0;
        var own = _states![slot];
        bool countBlocked = own.IsCountedError(), countWaiting = own.IsWaiting();
        while (level.Count > 0)
        {
            chain++;
            next.Clear();
            foreach (int x in level)
            {
                foreach (int y in reverse[x])
                {
                    if (_seenStamp[y] == stamp)
                        continue;
                    _seenStamp[y] = stamp;
                    next.Add(y);
                    count++;
                    if (countBlocked && _states[y].IsCountedError())
                        block++;
                    if (countWaiting && _states[y].IsWaiting())
                        waiting++;
                }
            }
            (level, next) = (next, level);
        }
        return new ReverseCounts(count, block, waiting, chain);
    }
}
