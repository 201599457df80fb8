using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Lets masters have the sections again once the report has read and changed what it needs in
/// the master directory; pages are rendered from memory (piuparts holds the lock throughout,
/// blocking slaves for the whole run).
/// </summary>
public sealed class UnlockSections : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        // Written while the sections are still held, as the listings were read.
        foreach (var listings in context.OpenedListings)
            listings.Save();
        foreach (var held in context.Locks.Values)
            held.Dispose();
        context.Locks.Clear();
        return documents;
    }
}
