namespace Piuparts.SitePipeline.Summary;

/// <summary>One <c>[flag, block count, URL]</c> triple of summary.json.</summary>
public readonly record struct SummaryEntry(SummaryFlag Flag, long BlockCount, string Url)
{
    /// <summary>The URL of the entry a missing key stands for; any real entry replaces it.</summary>
    public const string InvalidUrl = "invalid url";

    /// <summary>What a key not yet in the summary behaves as (summary.md §3.3).</summary>
    public static readonly SummaryEntry Missing = new(SummaryFlag.Unknown, 0, InvalidUrl);
}
