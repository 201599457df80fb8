using Piuparts.SitePipeline.Model;
using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Sources;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// The per-source JSON files of an unchanged section list what the other sections say of the
/// source, which may have changed: each file whose list of sections differs from the one it was
/// written with is read back and written with the new list, without loading the section. A
/// file that cannot be read back is left as it is and the section gets no record, so the next
/// run renders it from its inputs.
/// </summary>
public sealed class RefreshSourceJson : IModule
{
    // The fingerprint recorded for a file that could not be read back: never one of a model.
    private const string Unreadable = "unreadable";

    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        if (context.AcrossSections is not { } across)
            return documents;
        var output = documents.ToList();
        foreach (var section in context.Sections.Where(s => s.Unchanged))
        {
            var written = section.SourceSectionsRecord?.Written;
            foreach (var name in section.SourceSections!.Keys)
            {
                if (written != null && written.TryGetValue(name, out var print) && print == across.Print(name))
                    continue;
                var destination = Path.ChangeExtension($"{section.Name}/{Naming.SourcePage(name)}", ".json");
                var path = Path.Combine(context.OutputDirectory, destination);
                output.Add(Document.FromModel(destination,
                    () => Read(path) is { } entry ? SourceJson.WithSections(entry, across.Of(name)) : Failed(context, section, destination),
                    m => m == null ? Unreadable : context.Fingerprints.Of(destination, m),
                    m => m == null ? Bytes(path) : SourceJson.Serialize(m)));
            }
        }
        return output;
    }

    private static SourceJson.Entry? Read(string path)
    {
        try
        {
            return SourceJson.Deserialize(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static SourceJson.Entry? Failed(SiteContext context, SectionModel section, string destination)
    {
        section.NeedsFullRun = true;
        context.Log($"{destination}: cannot be read back to list the other sections; the next run renders {section.Name} again");
        return null;
    }

    // The file as it is, so that it is not lost before the next run writes it again.
    private static byte[] Bytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
