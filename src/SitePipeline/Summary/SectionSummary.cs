using Piuparts.SitePipeline.Sources;

namespace Piuparts.SitePipeline.Summary;

/// <summary>A section's summary.json content (summary.md §3.3).</summary>
public static class SectionSummary
{
    /// <summary>
    /// Adds every binary package under every reporting name: its flag, its block count when it
    /// failed (else 0) and its source page URL. States without a flag count as unknown and are
    /// listed in <paramref name="warnings"/>, once per package.
    /// </summary>
    /// <param name="binaries">The section's binary packages, in any order: a source's binaries share its URL, so ties of flags keep the same one.</param>
    /// <param name="blockCount">block_count of a package; asked only for failed ones.</param>
    /// <param name="docRoot">The normalised doc-root (report.md §1.4).</param>
    public static PackageSummary Build(string section, IReadOnlyList<string> reportingNames, IReadOnlyList<SummaryBinary> binaries,
        Func<string, long> blockCount, string webHost, string docRoot, string date, out IReadOnlyList<string> warnings)
    {
        var summary = new PackageSummary(date);
        var unmapped = new List<string>();
        var computed = new Dictionary<string, long>(StringComparer.Ordinal);
        // A source's page URL, made once for all its binaries (60,000 binaries on full bookworm).
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int r = 0; r < reportingNames.Count; r++)
        {
            foreach (var binary in binaries)
            {
                var flag = SummaryFlags.FromState(binary.State, out var mapped);
                if (!mapped && r == 0)
                    unmapped.Add($"{section}: {binary.Package} is {binary.State}, which has no summary flag; reported as unknown");
                long count = 0;
                if (flag == SummaryFlag.Failed && !computed.TryGetValue(binary.Package, out count))
                    computed[binary.Package] = count = blockCount(binary.Package);
                if (!urls.TryGetValue(binary.Source, out var url))
                    urls[binary.Source] = url = SourcePage.SummaryUrl(webHost, docRoot, section, binary.Source);
                summary.Add(binary.Source, reportingNames[r], flag, count, url);
            }
        }
        warnings = unmapped;
        return summary;
    }
}
