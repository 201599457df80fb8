using System.Globalization;
using System.Text;
using Piuparts.Core.IO;

namespace Piuparts.SitePipeline.Pipeline;

/// <summary>
/// The fingerprint each page had when it was last written, with the size and modification
/// time the file had then, kept in the output directory. A page whose file is still as it was
/// left and whose fingerprint is unchanged is not rendered again; a file changed or removed by
/// someone else is. A lost or unreadable manifest only costs one full rendering.
/// </summary>
public sealed class PageManifest
{
    /// <summary>The directory of the output directory where a run keeps what the next one needs (not part of the site).</summary>
    public const string CacheDirectory = ".piuparts-site";

    public const string FileName = "pages";
    private const string Magic = "piuparts-site pages 1";

    private readonly string _path;
    private readonly Dictionary<string, Entry> _entries;

    private PageManifest(string path, Dictionary<string, Entry> entries)
    {
        _path = path;
        _entries = entries;
    }

    private static PageManifest Empty(string path) => new(path, new(StringComparer.Ordinal));

    public readonly record struct Entry(string Fingerprint, long Length, long ModifiedTicks);

    public static PageManifest Load(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, CacheDirectory, FileName);
        var manifest = Empty(path);
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            // Sized for its lines (about 100 bytes each) at once: growing to 75,000 entries
            // step by step allocates twice the final table.
            manifest._entries.EnsureCapacity((int)Math.Min(reader.BaseStream.Length / 100, 10_000_000));
            if (reader.ReadLine() != Magic)
                return manifest;
            while (reader.ReadLine() is { } line)
            {
                var parts = line.Split('\t');
                if (parts.Length != 4
                    || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long length)
                    || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks))
                    return Empty(path);
                manifest._entries[parts[3]] = new Entry(parts[0], length, ticks);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Empty(path);
        }
        return manifest;
    }

    /// <summary>The destinations recorded under a section's directory.</summary>
    public IEnumerable<string> PagesOf(string section) =>
        _entries.Keys.Where(d => d.StartsWith(section + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    /// <summary>The recorded entry of a destination, without checking its file.</summary>
    public Entry? Find(string destination) => _entries.TryGetValue(destination, out var entry) ? entry : null;

    /// <summary>The recorded fingerprint of a destination, without checking its file.</summary>
    public string? Recorded(string destination) => _entries.TryGetValue(destination, out var entry) ? entry.Fingerprint : null;

    /// <summary>The recorded fingerprint of a destination, if its file still has the recorded size and time.</summary>
    public string? Valid(string destination, string fullPath)
    {
        if (!_entries.TryGetValue(destination, out var entry))
            return null;
        var info = new FileInfo(fullPath);
        return info.Exists && info.Length == entry.Length && info.LastWriteTimeUtc.Ticks == entry.ModifiedTicks ? entry.Fingerprint : null;
    }

    /// <summary>
    /// Writes the manifest: <paramref name="current"/> for the pages of this run, and the earlier
    /// entries of pages this run did not produce whose files are still there (sections not
    /// reported this time).
    /// </summary>
    public void Save(IReadOnlyDictionary<string, Entry> current, string outputDirectory)
    {
        // A run that changed no page (a rerun with nothing changed) leaves the file as it is.
        if (current.Count == _entries.Count && current.All(c => _entries.TryGetValue(c.Key, out var entry) && entry == c.Value) && File.Exists(_path))
            return;
        var all = new SortedDictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (destination, entry) in _entries)
        {
            if (!current.ContainsKey(destination) && File.Exists(Path.Combine(outputDirectory, destination)))
                all[destination] = entry;
        }
        foreach (var (destination, entry) in current)
            all[destination] = entry;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        AtomicFile.Replace(_path, stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
            text.Write(Magic);
            text.Write('\n');
            foreach (var (destination, entry) in all.Where(e => !e.Key.AsSpan().ContainsAny("\t\n\r")))
                text.Write(string.Create(CultureInfo.InvariantCulture, $"{entry.Fingerprint}\t{entry.Length}\t{entry.ModifiedTicks}\t{destination}\n"));
        }, flushToDisk: false);
    }
}
