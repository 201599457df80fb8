using Piuparts.Core.Versions;

namespace Piuparts.Core.Archive;

/// <summary>
/// Packages by name in the order their names first appeared. A name seen again keeps its
/// place but takes the newer version (strictly greater; equal versions keep the first), which
/// is how the master merges several Packages files and duplicate stanzas.
/// </summary>
public sealed class ArchiveIndex<T> where T : ArchivePackage
{
    private readonly Dictionary<string, int> _slots;
    private readonly List<T> _items;
    public ArchiveIndex(int capacity = 0)
    {
        _slots = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _items = new List<T>(capacity);
    }

    public int Count => _items.Count;

    /// <summary>Packages in index order.</summary>
    public IReadOnlyList<T> InOrder => _items;

    public T? this[string name] => _slots.TryGetValue(name, out int slot) ? _items[slot] : null;

    public bool Contains(string name) => _slots.ContainsKey(name);

    /// <summary>Adds or merges one package; true when it was stored (new name or newer version).</summary>
    public bool Add(T item)
    {
        var name = item.Name;
        if (!_slots.TryGetValue(name, out int slot))
        {
            _slots.Add(name, _items.Count);
            _items.Add(item);
            return true;
        }
        if (!DebianVersion.IsNewer(item.Version, _items[slot].Version))
            return false;
        _items[slot] = item;
        return true;
    }
}
