namespace Piuparts.SitePipeline.Summary;

/// <summary>The names a section reports its results under, from json-sections (summary.md §3.1).</summary>
public static class ReportingNames
{
    /// <summary>
    /// The reporting names for a json-sections value: empty or "default…" gives the section's
    /// standard distribution name (computed only then), "none…" gives no name (no summary),
    /// anything else every word.
    /// </summary>
    public static IReadOnlyList<string> FromJsonSections(string? jsonSections, Func<string> standardDistributionName)
    {
        var words = (jsonSections ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words[0] == "default")
            return [standardDistributionName()];
        if (words[0] == "none")
            return [];
        return words;
    }
}
