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
    public const string FileName = ".piuparts-site-pages";
    private const string Magic = "piuparts-site pages 1";

    private readonly string _path;
    private readonly Dictionary<string, Entry> _entries;
    private readonly Dictionary<string, string> _sections;

    private PageManifest(string path, Dictionary<string, Entry> entries, Dictionary<string, string> sections)
    {
        _path = path;
        _entries = entries;
        _sections = sections;
    }

    private static PageManifest Empty(string path) => new(path, new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    public readonly record struct Entry(string Fingerprint, long Length, long ModifiedTicks);

    public static PageManifest Load(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, FileName);
        var manifest = Empty(path);
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            if (reader.ReadLine() != Magic)
                return manifest;
            while (reader.ReadLine() is { } line)
            {
                var parts = line.Split('\t');
                if (parts is [SectionMark, var print, var section])
                {
                    manifest._sections[section] = print;
                    continue;
                }
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

    private const string SectionMark = "section";

    /// <summary>The inputs fingerprint a section's pages were last written with, or null.</summary>
    public string? SectionFingerprint(string section) => _sections.GetValueOrDefault(section);

    /// <summary>The destinations recorded under a section's directory.</summary>
    public IEnumerable<string> PagesOf(string section) =>
        _entries.Keys.Where(d => d.StartsWith(section + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

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
    /// reported this time); <paramref name="sections"/> are the inputs fingerprints of the
    /// sections whose pages this run wrote (null: none recorded), the others are kept.
    /// </summary>
    public void Save(IReadOnlyDictionary<string, Entry> current, IReadOnlyDictionary<string, string?> sections, string outputDirectory)
    {
        var all = new SortedDictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (destination, entry) in _entries)
        {
            if (!current.ContainsKey(destination) && File.Exists(Path.Combine(outputDirectory, destination)))
                all[destination] = entry;
        }
        foreach (var (destination, entry) in current)
            all[destination] = entry;
        var prints = new SortedDictionary<string, string>(_sections, StringComparer.Ordinal);
        foreach (var (section, print) in sections)
        {
            if (print == null)
                prints.Remove(section);
            else
                prints[section] = print;
        }
        var text = new StringBuilder(Magic).Append('\n');
        foreach (var (section, print) in prints)
            text.Append(CultureInfo.InvariantCulture, $"{SectionMark}\t{print}\t{section}\n");
        foreach (var (destination, entry) in all.Where(e => !e.Key.AsSpan().ContainsAny("\t\n\r")))
            text.Append(CultureInfo.InvariantCulture, $"{entry.Fingerprint}\t{entry.Length}\t{entry.ModifiedTicks}\t{destination}\n");
        AtomicFile.Replace(_path, Encoding.UTF8.GetBytes(text.ToString()), flushToDisk: false);
    }
}
