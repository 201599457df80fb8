using Piuparts.SitePipeline.Modules;

namespace Piuparts.SitePipeline.Pipeline;

/// <summary>
/// What a run recorded of a section whose pages it wrote: the fingerprint of the inputs they
/// were made from, and what the pages showing the time need when the next run finds the
/// section unchanged (how many pages it had in the page manifest, the state counts, the index page's table, the number of packages, the
/// index URLs, the names summary.json reports the section under, the maintainer addresses
/// that other sections' maintainer pages link to, and what the pages across sections show of
/// it: its failed packages, and of the tests of the last days before the run the newest and the time of each).
/// </summary>
public sealed record SectionRecord(
    string Fingerprint,
    int Pages,
    IReadOnlyList<int> Counts,
    int Total,
    IReadOnlyList<string> Urls,
    IReadOnlyList<RenderSectionPages.IndexRow> Rows,
    IReadOnlyList<string>? SummaryNames,
    IReadOnlyList<string> Maintainers,
    IReadOnlyList<History.Failure> Failures,
    History.RecentTests Recent);
