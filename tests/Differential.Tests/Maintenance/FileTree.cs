using System.Security.Cryptography;

namespace Piuparts.Differential.Tests.Maintenance;

/// <summary>
/// The files below a directory as a maintenance job leaves them, one line each, sorted: the
/// relative path, the first path of its hard-link group (so "marked for recycling" shows as
/// a link to the log), the modification time in whole seconds and a hash of the content.
/// Directories are left out (piuparts' scripts create empty ones freely), and so are the
/// lock files (master.lock, dwke.lock) and our listing caches; stamps show only that they exist.
/// </summary>
public sealed class FileTree
{
    private FileTree(SortedDictionary<string, string> files) => Files = files;

    /// <summary>Relative path → "link-group mtime hash".</summary>
    public SortedDictionary<string, string> Files { get; }

    /// <param name="timeless">Files whose time is left out (written at run time, like .kpr files).</param>
    public static FileTree Of(string root, Func<string, bool>? timeless = null)
    {
        // GNU find prints the inode, which .NET does not expose.
        var listing = Core.Tests.Support.DebianTools.Run("/usr/bin/find", [root, "-type", "f", "-printf", "%i %P\\0"]);
        var byInode = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var entries = listing.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => (Inode: e[..e.IndexOf(' ')], Path: e[(e.IndexOf(' ') + 1)..]))
            .OrderBy(e => e.Path, StringComparer.Ordinal);
        foreach (var (inode, path) in entries)
        {
            // Locks: created by whoever takes them first; the listing cache only ours keeps (README, Maintenance).
            if (Path.GetFileName(path) is Core.MasterDir.SectionDirectory.LockFile or "dwke.lock" or Core.IO.ListingCache.FileName)
                continue;
            var group = byInode.TryAdd(inode, path) ? path : byInode[inode];
            var full = Path.Combine(root, path);
            // Stamps are set from each side's clock: only that they exist can be compared.
            if (Path.GetFileName(path) is "stamp" || path.EndsWith(".stamp", StringComparison.Ordinal))
            {
                files[path] = "stamp";
                continue;
            }
            var seconds = timeless?.Invoke(path) == true ? "-" : new DateTimeOffset(File.GetLastWriteTimeUtc(full)).ToUnixTimeSeconds().ToString();
            var hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(full)))[..16];
            files[path] = $"{group} {seconds} {hash}";
        }
        return new FileTree(files);
    }

    public FileTree Without(Func<string, bool> leaveOut) =>
        new(new SortedDictionary<string, string>(Files.Where(f => !leaveOut(f.Key)).ToDictionary(), StringComparer.Ordinal));

    public override string ToString() => string.Join('\n', Files.Select(f => $"{f.Key}: {f.Value}"));
}
