using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Feeds;

/// <summary>
/// What a run keeps of a section for the next run's feed: every package's version and state
/// ("version state") and the feed's entries so far, newest first, in
/// .piuparts-site/feeds/&lt;section&gt;.json. Missing or unreadable, the next run starts afresh:
/// it records the states and adds no entry (every package would look new).
/// </summary>
public sealed record FeedRecord(string Format, IReadOnlyDictionary<string, string> States, IReadOnlyList<FeedEntry> Entries)
{
    public const string CurrentFormat = "piuparts-site feed 1";

    public static string PathOf(string outputDirectory, string section) => RunCache.PathOf(outputDirectory, "feeds", section + ".json");

    public static FeedRecord? Load(string outputDirectory, string section) =>
        RunCache.Read<FeedRecord>(PathOf(outputDirectory, section)) is { Format: CurrentFormat, States: not null, Entries: not null } record ? record : null;

    public void Save(string outputDirectory, string section) => RunCache.Write(PathOf(outputDirectory, section), this);
}
