using Piuparts.Core.States;
using Piuparts.SitePipeline.Model;
using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Sources;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Gathers what every section says of every source, for the per-source JSON files: a changed
/// section from its states, an unchanged one from the record the run that rendered it left
/// (or from its indexes when that record is missing), a section this run does not report from
/// its record if it has a valid one. Nothing to do when every section is unchanged: then no
/// JSON file can change.
/// </summary>
public sealed class GatherSourceSections : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        if (context.Sections.All(s => s.Unchanged))
            return documents;
        var reported = context.Sections.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var gathered = new List<IReadOnlyDictionary<string, SourceSection>>();
        foreach (var name in context.AllSections)
        {
            if (reported.TryGetValue(name, out var section))
            {
                if (section.Unchanged && section.InputsFingerprint is { } print)
                    section.SourceSectionsRecord = SourceSectionsRecord.Load(context.OutputDirectory, name, print);
                section.SourceSections = section.SourceSectionsRecord?.Sources ?? Of(section);
                gathered.Add(section.SourceSections);
            }
            else if (context.PreviousRecords.TryGetValue(name, out var record)
                     && SourceSectionsRecord.Load(context.OutputDirectory, name, record.Fingerprint) is { } sources)
            {
                gathered.Add(sources.Sources);
            }
        }
        context.AcrossSections = SourcesAcrossSections.Gather(gathered, context.Fingerprints);
        return documents;
    }

    /// <summary>The section's sources with a page, from its states (loads an unchanged section's indexes).</summary>
    public static IReadOnlyDictionary<string, SourceSection> Of(SectionModel section) =>
        section.SourceResults.Where(r => Naming.IsSafeFileName(r.Name)).ToDictionary(
            r => r.Name,
            r => new SourceSection(section.Name, r.Version, r.Verdict.Word(),
                r.Binaries.Select(b => new SourceSection.BinaryState(b.Name, b.Package == null ? null : b.State.Name())).ToArray()),
            StringComparer.Ordinal);
}
