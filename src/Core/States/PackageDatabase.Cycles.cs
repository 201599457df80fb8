namespace Piuparts.Core.States;

// Recursive dependencies and dependency cycles (package-states.md §6.6). piuparts recomputes
// closures on every call (quadratic); here a closure is cached until a chosen alternative
// changes, and a static graph of all alternatives rules out most packages before any closure
// is needed.
public sealed partial class PackageDatabase
{
    private readonly Dictionary<PackageNode, (int Generation, List<string> Order, HashSet<string> Set)> _closures = [];
    private HashSet<PackageNode>? _onAnyCycle;

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
            if (GetPackage(name, recurse: true, resolveVirtual: true) is { } found)
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
            if (GetPackage(current, recurse: true, resolveVirtual: true) is { } found && RecursiveDeps(found.Node).Set.Contains(name))
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
        _onAnyCycle ??= NodesOnAnyCycle();
        return _onAnyCycle.Contains(node) && RecursiveDeps(node).Set.Contains(node.Name);
    }

    // Tarjan's strongly connected components, iteratively, over the packages reachable from this
    // database with an edge to every alternative (resolved as get_package resolves it).
    private HashSet<PackageNode> NodesOnAnyCycle()
    {
        var index = new Dictionary<PackageNode, int>();
        var low = new Dictionary<PackageNode, int>();
        var onStack = new HashSet<PackageNode>();
        var stack = new Stack<PackageNode>();
        var result = new HashSet<PackageNode>();
        var edges = new Dictionary<PackageNode, PackageNode[]>();
        int counter = 0;

        PackageNode[] Edges(PackageNode node)
        {
            if (edges.TryGetValue(node, out var known))
                return known;
            var targets = new List<PackageNode>();
            foreach (bool preDepends in (ReadOnlySpan<bool>)[false, true])
            {
                foreach (var group in node.Groups(preDepends))
                {
                    foreach (var alternative in group)
                    {
                        if (GetPackage(alternative, recurse: true, resolveVirtual: true) is { } found)
                            targets.Add(found.Node);
                    }
                }
            }
            return edges[node] = [.. targets];
        }

        foreach (var start in _nodes)
        {
            if (index.ContainsKey(start))
                continue;
            var work = new Stack<(PackageNode Node, int Next)>();
            work.Push((start, 0));
            index[start] = low[start] = counter++;
            stack.Push(start);
            onStack.Add(start);
            while (work.Count > 0)
            {
                var (node, next) = work.Pop();
                var targets = Edges(node);
                if (next < targets.Length)
                {
                    work.Push((node, next + 1));
                    var target = targets[next];
                    if (target == node)
                    {
                        result.Add(node);
                    }
                    else if (!index.ContainsKey(target))
                    {
                        index[target] = low[target] = counter++;
                        stack.Push(target);
                        onStack.Add(target);
                        work.Push((target, 0));
                    }
                    else if (onStack.Contains(target))
                    {
                        low[node] = Math.Min(low[node], index[target]);
                    }
                    continue;
                }
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
                if (low[node] == index[node])
                {
                    var component = new List<PackageNode>();
                    PackageNode member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);
                    if (component.Count > 1)
                        result.UnionWith(component);
                }
            }
        }
        return result;
    }
}
