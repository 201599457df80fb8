namespace Piuparts.SitePipeline.Pipeline;

/// <summary>One step of the report: takes the documents so far and gives the documents after it (Statiq's module shape).</summary>
public interface IModule
{
    IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents);
}
