using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Keeps the listings of the output's log directories, read again where this run linked or
/// removed logs, so that the next run compares them without a stat call per file.
/// </summary>
public sealed class RecordOutputListings : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        context.OutputListings.RefreshChanged();
        context.OutputListings.Save();
        return documents;
    }
}
