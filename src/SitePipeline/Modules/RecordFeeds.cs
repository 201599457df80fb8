using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>Saves each changed section's feed record (the states compared next time, the entries so far) once its feeds are written, so a run that fails before leaves the last record in place.</summary>
public sealed class RecordFeeds : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        foreach (var section in context.Sections)
            section.Feed?.Save(context.OutputDirectory, section.Name);
        return documents;
    }
}
