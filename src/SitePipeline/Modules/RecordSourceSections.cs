using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Sources;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Saves, once the pages are written, each section's sources record: what it says of its
/// sources (for the other sections' JSON files of a later run that finds it unchanged) and the
/// list-of-sections fingerprint its JSON files now have. A site of one section needs none.
/// </summary>
public sealed class RecordSourceSections : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        if (context.AcrossSections is not { } across || context.AllSections.Count < 2)
            return documents;
        foreach (var section in context.Sections)
        {
            if (section.NeedsFullRun || section.InputsFingerprint is not { } print || section.SourceSections is not { } sources)
            {
                SourceSectionsRecord.Delete(context.OutputDirectory, section.Name);
                continue;
            }
            var written = sources.Keys.ToDictionary(n => n, across.Print, StringComparer.Ordinal);
            if (section.SourceSectionsRecord is { } previous && previous.Written.Count == written.Count
                && written.All(w => previous.Written.TryGetValue(w.Key, out var p) && p == w.Value))
                continue;
            new SourceSectionsRecord(SourceSectionsRecord.CurrentFormat, print, sources, written).Save(context.OutputDirectory, section.Name);
        }
        return documents;
    }
}
