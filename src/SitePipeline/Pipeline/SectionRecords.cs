using System.Text.Json;
using Piuparts.Core.IO;

namespace Piuparts.SitePipeline.Pipeline;

/// <summary>
/// The sections' records of the last run, kept beside the page manifest in the output
/// directory. Unreadable or missing, every section is simply reported in full.
/// </summary>
public static class SectionRecords
{
    public const string FileName = "sections.json";

    private sealed record Stored(string Format, Dictionary<string, SectionRecord> Sections);

    private const string Format = "piuparts-site sections 2";

    public static Dictionary<string, SectionRecord> Load(string outputDirectory)
    {
        try
        {
            using var file = File.OpenRead(Path.Combine(outputDirectory, PageManifest.CacheDirectory, FileName));
            var stored = JsonSerializer.Deserialize<Stored>(file);
            if (stored?.Format == Format && stored.Sections != null)
                return new Dictionary<string, SectionRecord>(stored.Sections, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
        }
        return new Dictionary<string, SectionRecord>(StringComparer.Ordinal);
    }

    /// <summary>Writes <paramref name="records"/> (this run's sections), keeping the records of the sections this run did not report.</summary>
    public static void Save(string outputDirectory, IReadOnlyDictionary<string, SectionRecord?> records)
    {
        var all = new SortedDictionary<string, SectionRecord>(Load(outputDirectory), StringComparer.Ordinal);
        foreach (var (section, record) in records)
        {
            if (record == null)
                all.Remove(section);
            else
                all[section] = record;
        }
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new Stored(Format, new Dictionary<string, SectionRecord>(all, StringComparer.Ordinal)));
        Directory.CreateDirectory(Path.Combine(outputDirectory, PageManifest.CacheDirectory));
        AtomicFile.Replace(Path.Combine(outputDirectory, PageManifest.CacheDirectory, FileName), bytes, flushToDisk: false);
    }
}
