using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Hands the documents made so far to WriteFiles to be written on a core of their own while the
/// modules after this one run (most of them on one core), and passes them on unchanged.
/// Everything before this module must be all those documents need: a later module's result
/// would not be seen.
/// </summary>
public sealed class BeginWriting(WriteFiles writer) : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        writer.Begin(context, documents);
        return documents;
    }
}
