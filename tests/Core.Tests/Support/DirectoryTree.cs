namespace Piuparts.Core.Tests.Support;

/// <summary>
/// Every file (with its content) and every directory (with its modification time) below a root,
/// so a test can say that nothing was written: not even a file created and removed again.
/// </summary>
public sealed class DirectoryTree
{
    private readonly SortedDictionary<string, string> _entries = new(StringComparer.Ordinal);

    private DirectoryTree()
    {
    }

    /// <summary>Takes the snapshot; files named in <paramref name="ignored"/> (relative paths) are left out.</summary>
    public static DirectoryTree Of(string root, params string[] ignored)
    {
        var tree = new DirectoryTree();
        var skip = new HashSet<string>(ignored, StringComparer.Ordinal);
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, entry);
            if (skip.Contains(relative))
                continue;
            tree._entries[relative] = Directory.Exists(entry)
                ? $"directory, modified {Directory.GetLastWriteTimeUtc(entry):O}"
                : $"file: {Convert.ToHexString(File.ReadAllBytes(entry))}";
        }
        return tree;
    }

    /// <summary>Relative paths of the files whose name starts with "tmp" (temporary files left behind).</summary>
    public static IReadOnlyList<string> TemporaryFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "tmp*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];

    /// <summary>One line per entry, sorted: what a failing assertion shows.</summary>
    public override string ToString() => string.Join('\n', _entries.Select(e => $"{e.Key}: {e.Value}"));
}
