using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>The style sheet, the script and the icons, as documents like any page (piuparts expects an operator to copy them by hand).</summary>
public sealed class CopyAssets : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var output = documents.ToList();
        foreach (var (name, bytes) in context.Templates.Assets)
            output.Add(new Document(name, () => bytes));
        return output;
    }
}
