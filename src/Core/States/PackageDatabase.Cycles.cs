namespace Piuparts.Core.States;

// Recursive dependencies and dependency cycles (package-states.md §6.6). piuparts recomputes
// closures on every call (quadratic); here a closure is cached until a chosen alternative
// changes, and a static graph of all alternatives rules out most packages before any closure
// is needed.
public sealed partial class PackageDatabase
{
    private readonly Dictionary<PackageNode, (int Generation, List<string> Order, HashSet<string> Set)> _closures = [];
    private bool[]? _onAnyCycle;

    /// <summary>recursive_deps(Q): names reachable from Q's chosen dependencies, breadth first, each once.</summary>
    private (List<string> Order, HashSet<string> Set) RecursiveDeps(PackageNode root)
    {
        int generation = Volatile.Read(ref s_choiceGeneration);
        if (_closures.TryGetValue(root, out var cached) && cached.Generation == generation)
            return (cached.Order, cached.Set);
        var order = new List<string>();
        var set = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(root.Deps());
        while (queue.Count > 0)
        {
            var name = queue.Dequeue();
            if (!set.Add(name))
                continue;
            order.Add(name);
            if (Resolved(name, recurse: true) is { } found)
            {
                foreach (var next in found.Node.Deps())
                    queue.Enqueue(next);
            }
        }
        _closures[root] = (generation, order, set);
        return (order, set);
    }

    /// <summary>dependency_cycle(N): names on N's dependency cycles, breadth first from N.</summary>
    private List<string> DependencyCycle(string name)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var cycle = new List<string>();
        var queue = new Queue<string>();
        queue.Enqueue(name);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (!visited.Add(current))
                continue;
            if (Resolved(current, recurse: true) is { } found && RecursiveDeps(found.Node).Set.Contains(name))
            {
                cycle.Add(current);
                foreach (var next in found.Node.Deps())
                    queue.Enqueue(next);
            }
        }
        return cycle;
    }

    // "P.name is in dependency_cycle(P.name)" is the same as "P.name is in recursive_deps(P)",
    // and that needs a path from P back to P. If even the graph of all alternatives has none,
    // no choice of alternatives can make one.
    private bool IsOnOwnCycle(PackageNode node)
    {
        _onAnyCycle ??= OwnNodesOnAnyCycle();
        return _onAnyCycle[node.Slot] && RecursiveDeps(node).Set.Contains(node.Name);
    }

    // Tarjan's strongly connected components, iteratively, over the packages of this database
    // and its dependency databases, with an edge to every alternative as get_package resolves it.
    private bool[] OwnNodesOnAnyCycle()
    {
        var databases = new List<PackageDatabase> { this };
        for (int d = 0; d < databases.Count; d++)
            databases.AddRange(databases[d]._dependencies.Where(x => !databases.Contains(x)));
        var offsets = new Dictionary<PackageDatabase, int>();
        int total = 0;
        foreach (var db in databases)
        {
            offsets[db] = total;
            total += db._nodes.Length;
        }
        PackageNode NodeOf(int id)
        {
            int d = databases.Count - 1;
            while (offsets[databases[d]] > id)
                d--;
            return databases[d]._nodes[id - offsets[databases[d]]];
        }

        var edges = new int[total][];
        var buffer = new List<int>();
        int[] Edges(int id)
        {
            if (edges[id] != null)
                return edges[id];
            var node = NodeOf(id);
            buffer.Clear();
            foreach (bool preDepends in (ReadOnlySpan<bool>)[false, true])
            {
                foreach (var group in node.Groups(preDepends))
                {
                    foreach (var alternative in group)
                    {
                        if (Resolved(alternative, recurse: true) is { } found)
                            buffer.Add(found.Db == this ? found.Node.Slot : offsets[found.Db] + found.Node.Slot);
                    }
                }
            }
            return edges[id] = [.. buffer];
        }

        var index = new int[total];
        var low = new int[total];
        var onStack = new bool[total];
        var onCycle = new bool[_nodes.Length];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var work = new Stack<(int Node, int Next)>();
        int counter = 0;
        for (int start = 0; start < _nodes.Length; start++)
        {
            if (index[start] >= 0)
                continue;
            index[start] = low[start] = counter++;
            stack.Push(start);
            onStack[start] = true;
            work.Push((start, 0));
            while (work.Count > 0)
            {
                var (node, next) = work.Pop();
                var targets = Edges(node);
                if (next < targets.Length)
                {
                    work.Push((node, next + 1));
                    int target = targets[next];
                    if (target == node)
                    {
                        if (node < onCycle.Length)
                            onCycle[node] = true;
                    }
                    else if (index[target] < 0)
                    {
                        index[target] = low[target] = counter++;
                        stack.Push(target);
                        onStack[target] = true;
                        work.Push((target, 0));
                    }
                    else if (onStack[target])
                    {
                        low[node] = Math.Min(low[node], index[target]);
                    }
                    continue;
                }
                if (work.Count > 0)
                {
                    int parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
                if (low[node] != index[node])
                    continue;
                int member, size = 0;
                var component = new List<int>();
                do
                {
                    member = stack.Pop();
                    onStack[member] = false;
                    component.Add(member);
                    size++;
                }
                while (member != node);
                if (size > 1)
                {
                    foreach (int m in component.Where(m => m < onCycle.Length))
                        onCycle[m] = true;
                }
            }
        }
        return onCycle;
    }
}
