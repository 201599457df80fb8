using Piuparts.Core;

namespace Piuparts.SitePipeline.Summary;

/// <summary>
/// A summary.json read back: the summary (null when the file is unusable: unreadable, not JSON,
/// or another format) and the problems found; entries with problems are left out.
/// </summary>
public sealed record SummaryReadResult(PackageSummary? Summary, IReadOnlyList<InputError> Errors);
