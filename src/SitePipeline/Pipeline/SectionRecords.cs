namespace Piuparts.SitePipeline.Pipeline;

/// <summary>
/// The sections' records of the last run, kept beside the page manifest in the output
/// directory. Unreadable or missing, every section is simply reported in full.
/// </summary>
public static class SectionRecords
{
    public const string FileName = "sections.json";

    internal sealed record Stored(string Format, Dictionary<string, SectionRecord> Sections);

    private const string Format = "piuparts-site sections 3";

    public static Dictionary<string, SectionRecord> Load(string outputDirectory) =>
        RunCache.Read<Stored>(RunCache.PathOf(outputDirectory, FileName)) is { Format: Format, Sections: not null } stored
            ? new Dictionary<string, SectionRecord>(stored.Sections, StringComparer.Ordinal)
            : new Dictionary<string, SectionRecord>(StringComparer.Ordinal);

    /// <summary>
    /// Writes <paramref name="records"/> (this run's sections) over <paramref name="previous"/>
    /// (what the run found), so the records of the sections this run did not report stay.
    /// </summary>
    public static void Save(string outputDirectory, IReadOnlyDictionary<string, SectionRecord> previous, IReadOnlyDictionary<string, SectionRecord?> records)
    {
        var all = new SortedDictionary<string, SectionRecord>(previous.ToDictionary(), StringComparer.Ordinal);
        foreach (var (section, record) in records)
        {
            if (record == null)
                all.Remove(section);
            else
                all[section] = record;
        }
        RunCache.Write(RunCache.PathOf(outputDirectory, FileName), new Stored(Format, new Dictionary<string, SectionRecord>(all, StringComparer.Ordinal)));
    }
}
