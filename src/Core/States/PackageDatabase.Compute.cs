using Piuparts.Core.MasterDir;
using Piuparts.Core.Versions;

namespace Piuparts.Core.States;

// The state computation (package-states.md §6).
public sealed partial class PackageDatabase
{
    // Held while the states are computed: a query from another thread waits for the result.
    private readonly object _computing = new();
    private volatile bool _computed;
    private volatile bool _parsed;

    /// <summary>Computes every state once (later calls do nothing); dependency databases first.</summary>
    public void Compute(TimeProvider? clock = null) => Compute(cachedSuccess: false, clock ?? TimeProvider.System);

    /// <summary>
    /// Parses every dependency field here (a bad one throws now, as <see cref="Compute"/> would),
    /// then computes the states on the thread pool. Queries asked meanwhile, from any thread,
    /// wait for them; what needs no state (names, versions, logs, <see cref="IsSuperseded"/>) does not.
    /// </summary>
    /// <param name="after">Started when this one ends (whatever its outcome): one computation at a time, in order.</param>
    public Task ComputeInBackground(Task? after = null, TimeProvider? clock = null)
    {
        ParseAll();
        return (after ?? Task.CompletedTask).ContinueWith(_ => Compute(clock), CancellationToken.None,
            TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private void Compute(bool cachedSuccess, TimeProvider clock)
    {
        if (_computed)
            return;
        lock (_computing)
        {
            // Also true in a call the computation makes itself (the lock is reentrant).
            if (_states != null)
                return;
            try
            {
                Stamp = clock.GetUtcNow();
                foreach (var dependency in _dependencies)
                    dependency.Compute(cachedSuccess: true, clock);
                ParseAll();
                // piuparts initialises once before and once after the dependency databases; the first
                // pass has no effect that survives, so only the second is done here.
                var todo = Initialize(cachedSuccess);
                Resolve(todo);
                _computed = true;
            }
            catch
            {
                // Half-computed states are never seen: the next query starts again (and meets the same error).
                _states = null;
                throw;
            }
        }
    }

    // Every package's Depends and Pre-Depends, on all cores: each package's own work. The
    // first bad field in index order is the one reported, whatever the threads did.
    private void ParseAll()
    {
        if (_parsed)
            return;
        // Under the computation's lock: a depends-section may be parsed by another section's
        // computation while it is loaded as a section of its own.
        lock (_computing)
        {
            if (!_parsed)
                ParseAllNodes();
        }
    }

    private void ParseAllNodes()
    {
        var failures = new PackageDataException?[_nodes.Length];
        Parallel.For(0, _nodes.Length, i =>
        {
            try
            {
                _ = _nodes[i].DepsCount;
            }
            catch (PackageDataException e)
            {
                failures[i] = e;
            }
        });
        if (Array.Find(failures, f => f != null) is { } first)
            throw first;
        _parsed = true;
    }

    // §6.3 initialize: the initial lookup of every package, in index order.
    private List<int> Initialize(bool cachedSuccess)
    {
        _states = new PackageState[_nodes.Length];
        var todo = new List<int>();
        foreach (var node in _nodes)
        {
            var state = InitialState(node, cachedSuccess);
            _states[node.Slot] = state;
            if (state == PackageState.Unknown)
                todo.Add(node.Slot);
        }
        return todo;
    }

    // §6.2
    private PackageState InitialState(PackageNode node, bool cachedSuccess)
    {
        if (Superseded(node))
            return PackageState.Outdated;
        if (Recycle)
        {
            if (HasLog(node, LogDirectory.Reserved))
                return PackageState.WaitingToBeTested;
            if (HasLog(node, LogDirectory.Recycle))
                return PackageState.Unknown;
        }
        if (HasLog(node, LogDirectory.Pass) && (cachedSuccess || TriviallySatisfiable(node)))
            return PackageState.SuccessfullyTested;
        if (HasLog(node, LogDirectories.Failed))
            return PackageState.FailedTesting;
        if (HasLog(node, LogDirectory.Untestable))
            return PackageState.CannotBeTested;
        if (HasLog(node, LogDirectory.Reserved))
            return PackageState.WaitingToBeTested;
        return PackageState.Unknown;
    }

    /// <summary>Whether a depends-section has the package in a higher version: its own state is outdated, known without computing the states.</summary>
    public bool IsSuperseded(string name) => Node(name) is { } node && Superseded(node);

    private bool Superseded(PackageNode node)
    {
        foreach (var dependency in _dependencies)
        {
            if (dependency.Node(node.Name) is { } theirs && DebianVersion.Compare(node.Version, theirs.Version) < 0)
                return true;
        }
        return false;
    }

    // Each chosen dependency is a real package of this database or provided by one of its own.
    private bool TriviallySatisfiable(PackageNode node)
    {
        foreach (bool preDepends in (ReadOnlySpan<bool>)[false, true])
        {
            foreach (var name in node.Chosen(preDepends))
            {
                if (Resolved(name, recurse: false) == null)
                    return false;
            }
        }
        return true;
    }

    // §6.4: passes over the unknown packages until one pass settles none.
    private void Resolve(List<int> todo)
    {
        while (todo.Count > 0)
        {
            var current = todo;
            todo = new List<int>(current.Count);
            bool progress = false;
            foreach (int slot in current)
            {
                var state = ComputeOne(_nodes[slot]);
                if (state == PackageState.Unknown)
                {
                    todo.Add(slot);
                }
                else
                {
                    _states![slot] = state;
                    progress = true;
                }
            }
            if (!progress)
                break;
        }
    }

    // §6.5
    private PackageState ComputeOne(PackageNode node)
    {
        // Step 1: prefer the best alternative of each group that has several.
        foreach (bool preDepends in (ReadOnlySpan<bool>)[false, true])
        {
            var groups = node.Groups(preDepends);
            var chosen = node.Chosen(preDepends);
            for (int i = 0; i < groups.Length; i++)
            {
                if (groups[i].Length < 2)
                    continue;
                int found = 0, best = -1;
                string? pick = null;
                foreach (var alternative in groups[i])
                {
                    var state = BestState(alternative);
                    if (state == PackageState.DoesNotExist)
                        continue;
                    found++;
                    int score = AlternativeScore(state);
                    if (score > best)
                    {
                        best = score;
                        pick = alternative;
                    }
                }
                if (found == 0)
                    return PackageState.DependencyDoesNotExist;
                if (best >= 0 && chosen[i] != pick)
                {
                    chosen[i] = pick!;
                    Interlocked.Increment(ref s_choiceGeneration);
                }
            }
        }

        // Step 2
        int count = node.DepsCount;
        var names = new string[count];
        var states = new PackageState[count];
        int k = 0;
        foreach (var name in node.Deps())
        {
            names[k] = name;
            states[k++] = BestState(name);
        }

        // Step 3: the first dependency in error passes its error on.
        foreach (var state in states)
        {
            if (state.PropagatedError() is { } error)
                return error;
        }

        // Step 4
        if (states.All(s => s.IsGood()))
            return Testable(node);

        // Step 5: a package on a dependency cycle is testable when everything outside the cycle is good.
        if (IsOnOwnCycle(node))
        {
            var cycle = DependencyCycle(node.Name);
            bool allOutsideGood = true;
            for (int i = 0; i < count && allOutsideGood; i++)
                allOutsideGood = cycle.Contains(names[i]) || states[i].IsGood();
            if (cycle.Contains(node.Name) && allOutsideGood)
                return Testable(node);
        }

        // Step 6
        if (states.Any(s => s.IsWaiting()))
            return PackageState.WaitingForDependencyToBeTested;
        return PackageState.Unknown;
    }

    private PackageState Testable(PackageNode node) =>
        Passed(node) ? PackageState.SuccessfullyTested : PackageState.WaitingToBeTested;

    // passed(P): a pass log, not overridden by a recycle mark in recycle mode.
    private bool Passed(PackageNode node) =>
        HasLog(node, LogDirectory.Pass) && !(Recycle && HasLog(node, LogDirectory.Recycle));

    private static int AlternativeScore(PackageState state) => state switch
    {
        PackageState.EssentialRequired => 3,
        PackageState.SuccessfullyTested => 2,
        PackageState.WaitingToBeTested or PackageState.WaitingForDependencyToBeTested => 1,
        PackageState.Unknown => 0,
        _ => -1,
    };
}
