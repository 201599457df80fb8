namespace Piuparts.Core.States;

// Lookups across this database and its dependency databases (package-states.md §5).
public sealed partial class PackageDatabase
{
    /// <summary>Own providers map (§3.4), built the first time the index is used.</summary>
    private Dictionary<string, List<string>> Providers
    {
        get
        {
            if (_providers != null)
                return _providers;
            var providers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var node in _nodes)
            {
                foreach (var provided in node.ProvidedNames())
                {
                    if (provided == node.Name)
                        continue;
                    if (!providers.TryGetValue(provided, out var list))
                        providers.Add(provided, list = []);
                    list.Add(node.Name);
                }
            }
            return _providers = providers;
        }
    }

    /// <summary>providers(name, recurse) (§5.2): own first, then each dependency database's own.</summary>
    private IEnumerable<string> ProvidersOf(string name, bool recurse)
    {
        if (Providers.TryGetValue(name, out var own))
        {
            foreach (var provider in own)
                yield return provider;
        }
        if (!recurse)
            yield break;
        foreach (var dependency in _dependencies)
        {
            if (dependency.Providers.TryGetValue(name, out var theirs))
            {
                foreach (var provider in theirs)
                    yield return provider;
            }
        }
    }

    private string? FirstProvider(string name, bool recurse)
    {
        if (Providers.TryGetValue(name, out var own) && own.Count > 0)
            return own[0];
        if (recurse)
        {
            foreach (var dependency in _dependencies)
            {
                if (dependency.Providers.TryGetValue(name, out var theirs) && theirs.Count > 0)
                    return theirs[0];
            }
        }
        return null;
    }

    private bool HasProviders(string name, bool recurse)
    {
        if (Providers.ContainsKey(name))
            return true;
        return recurse && _dependencies.Any(d => d.Providers.ContainsKey(name));
    }

    // get_package never changes its answer once the providers are known, and dependency names
    // are interned: remember answers by string reference, no hashing of the text.
    private readonly Dictionary<string, (PackageDatabase Db, PackageNode Node)?> _resolvedDeep = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, (PackageDatabase Db, PackageNode Node)?> _resolvedHere = new(ReferenceEqualityComparer.Instance);

    /// <summary>get_package(name, recurse, resolve_virtual = true), remembered.</summary>
    private (PackageDatabase Db, PackageNode Node)? Resolved(string name, bool recurse)
    {
        var known = recurse ? _resolvedDeep : _resolvedHere;
        if (!known.TryGetValue(name, out var found))
            known[name] = found = GetPackage(name, recurse, resolveVirtual: true);
        return found;
    }

    /// <summary>get_package (§5.1): the real package of that name here or in a dependency database, else its first provider's.</summary>
    private (PackageDatabase Db, PackageNode Node)? GetPackage(string name, bool recurse, bool resolveVirtual)
    {
        if (_slots.TryGetValue(name, out int slot))
            return (this, _nodes[slot]);
        if (recurse)
        {
            foreach (var dependency in _dependencies)
            {
                if (dependency._slots.TryGetValue(name, out int theirs))
                    return (dependency, dependency._nodes[theirs]);
            }
        }
        if (resolveVirtual && FirstProvider(name, recurse) is { } provider)
            return GetPackage(provider, recurse, resolveVirtual: false);
        return null;
    }

    /// <summary>state_of (§5.3), on the states as they are now (during the computation too).</summary>
    private PackageState StateOf(string name, bool resolveVirtual = true, bool recurse = true)
    {
        if (_slots.TryGetValue(name, out int slot))
        {
            var state = _states![slot];
            if (recurse && state == PackageState.Outdated)
            {
                foreach (var dependency in _dependencies)
                {
                    var theirs = dependency.StateOf(name, resolveVirtual, recurse: false);
                    if (theirs is not (PackageState.DoesNotExist or PackageState.Outdated))
                        return theirs;
                }
            }
            return state;
        }
        if (Providers.TryGetValue(name, out var own) && own.Count > 0)
            return resolveVirtual ? _states![_slots[own[0]]] : PackageState.Virtual;
        if (recurse)
        {
            foreach (var dependency in _dependencies)
            {
                var theirs = dependency.StateOf(name, resolveVirtual, recurse: false);
                if (theirs != PackageState.DoesNotExist)
                    return theirs;
            }
        }
        if (ForeignI386.Contains(name))
            return PackageState.ForeignI386;
        if (IgnoredMissing.Contains(name))
            return PackageState.IgnoreDoesNotExist;
        return PackageState.DoesNotExist;
    }

    /// <summary>best_state (§5.4): good if the name or any provider is good, else waiting if any waits, else the first error class.</summary>
    private PackageState BestState(string name)
    {
        var state = StateOf(name);
        if (state.IsGood() || !HasProviders(name, recurse: true))
            return state;
        Span<bool> present = stackalloc bool[(int)PackageState.Virtual + 1];
        present[(int)StateOf(name, resolveVirtual: false)] = true;
        foreach (var provider in ProvidersOf(name, recurse: true))
            present[(int)StateOf(provider, resolveVirtual: false)] = true;
        foreach (var candidate in PackageStates.Priority)
        {
            if (present[(int)candidate])
                return candidate;
        }
        return state;
    }
}
