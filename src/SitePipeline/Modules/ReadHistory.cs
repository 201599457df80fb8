using Piuparts.SitePipeline.History;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Reads each changed section's test history (submissions.txt, the logs, archive/) while the
/// section is still locked and after this run archived its obsolete logs, so the history and
/// the fingerprint FingerprintSections takes next see the same files.
/// </summary>
public sealed class ReadHistory : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        foreach (var section in context.Sections.Where(s => !s.Unchanged))
            section.Results = ResultHistory.Read(section.Directory, context.Listings(section.Name));
        return documents;
    }
}
