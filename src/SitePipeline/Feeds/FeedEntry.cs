namespace Piuparts.SitePipeline.Feeds;

/// <summary>
/// One entry of a section's feed: a package whose state changed between two report runs, to
/// failed-testing (a new failure) or from it to successfully-tested (a fix). The id is made of
/// the section, package, version, new state and the run's date, so a feed reader sees each
/// change once, however often the feed is written again.
/// </summary>
public sealed record FeedEntry(
    string Id,
    string Section,
    string Package,
    string Version,
    string Source,
    string State,
    string? Previous,
    DateTimeOffset Updated,
    IReadOnlyList<string> Maintainers)
{
    /// <summary>Whether the entry is a new failure (else a fix).</summary>
    public bool IsFailure => State == "failed-testing";
}
