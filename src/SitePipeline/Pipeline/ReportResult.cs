using Piuparts.Core;

namespace Piuparts.SitePipeline.Pipeline;

/// <summary>How a report run ended: the errors that stopped it or were met along the way, and what it wrote.</summary>
public sealed record ReportResult(bool Ran, IReadOnlyList<InputError> Errors, int SectionsReported, int FilesWritten, int FilesUnchanged)
{
    /// <summary>Another report holds report.lock: nothing was done (piuparts exits quietly then).</summary>
    public bool Busy { get; init; }

    /// <summary>Files left as they were without being rendered: their inputs' fingerprints were unchanged (counted in FilesUnchanged).</summary>
    public int FilesNotRendered { get; init; }
}
