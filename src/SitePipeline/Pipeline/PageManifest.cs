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

    // The destinations found as recorded by CheckFiles, and the output directory they were checked in.
    private HashSet<string>? _found;
    private string? _checkedIn;

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
            Span<Range> parts = stackalloc Range[5];
            while (reader.ReadLine() is { } line)
            {
                // Cut as spans: only the fingerprint and the destination become strings.
                var rest = line.AsSpan();
                if (rest.Split(parts, '\t') != 4
                    || !long.TryParse(rest[parts[1]], NumberStyles.None, CultureInfo.InvariantCulture, out long length)
                    || !long.TryParse(rest[parts[2]], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks))
                    return Empty(path);
                manifest._entries[rest[parts[3]].ToString()] = new Entry(rest[parts[0]].ToString(), length, ticks);
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

    /// <summary>
    /// The recorded fingerprint of a destination, if its file under <paramref name="outputDirectory"/>
    /// still has the recorded size and time (as <see cref="CheckFiles"/> found it, when it checked that directory).
    /// </summary>
    public string? Valid(string destination, string outputDirectory)
    {
        if (!_entries.TryGetValue(destination, out var entry))
            return null;
        if (_found != null && _checkedIn == outputDirectory)
            return _found.Contains(destination) ? entry.Fingerprint : null;
        return IsAsRecorded(outputDirectory, destination, entry) ? entry.Fingerprint : null;
    }

    /// <summary>
    /// Checks every recorded file now, on every core, so that <see cref="Valid"/> answers from
    /// memory: the report does this while it loads its sections, when a core is mostly idle,
    /// instead of stat-ing 75,000 pages one by one while it writes. A page changed by someone
    /// else after this check is found by the next run (its file no longer matches the record).
    /// </summary>
    public void CheckFiles(string outputDirectory)
    {
        var entries = _entries.ToArray();
        var asRecorded = new bool[entries.Length];
        Parallel.For(0, entries.Length, i => asRecorded[i] = IsAsRecorded(outputDirectory, entries[i].Key, entries[i].Value));
        _found = new HashSet<string>(entries.Length, StringComparer.Ordinal);
        for (int i = 0; i < entries.Length; i++)
        {
            if (asRecorded[i])
                _found.Add(entries[i].Key);
        }
        _checkedIn = outputDirectory;
    }

    private static bool IsAsRecorded(string outputDirectory, string destination, Entry entry) =>
        FileStamp.Of(outputDirectory, destination) is { } stamp && stamp.Length == entry.Length && stamp.ModifiedTicks == entry.ModifiedTicks;

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
        // A list sorted once, not a sorted tree filled one by one: 75,000 entries and more.
        var all = new List<KeyValuePair<string, Entry>>(current.Count + 16);
        foreach (var (destination, entry) in _entries)
        {
            if (!current.ContainsKey(destination) && File.Exists(Path.Combine(outputDirectory, destination)))
                all.Add(new(destination, entry));
        }
        all.AddRange(current);
        all.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        AtomicFile.Replace(_path, stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true);
            text.Write(Magic);
            text.Write('\n');
            Span<char> number = stackalloc char[20];
            foreach (var (destination, entry) in all)
            {
                if (destination.AsSpan().ContainsAny("\t\n\r"))
                    continue;
                text.Write(entry.Fingerprint);
                text.Write('\t');
                entry.Length.TryFormat(number, out int written, default, CultureInfo.InvariantCulture);
                text.Write(number[..written]);
                text.Write('\t');
                entry.ModifiedTicks.TryFormat(number, out written, default, CultureInfo.InvariantCulture);
                text.Write(number[..written]);
                text.Write('\t');
                text.Write(destination);
                text.Write('\n');
            }
        }, flushToDisk: false);
    }
}
