using System.Collections.Concurrent;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Sources;

/// <summary>
/// Every source of the site with what each section says of it, sections in configuration order.
/// Its fingerprint per source tells whether a section's JSON file of that source, written with
/// another fingerprint, must be written again although its own section did not change.
/// </summary>
public sealed class SourcesAcrossSections(IReadOnlyDictionary<string, SourceSection[]> bySource, Fingerprints fingerprints)
{
    private readonly ConcurrentDictionary<string, string> _prints = new(StringComparer.Ordinal);

    /// <summary>The sections that have the source (empty when none has it).</summary>
    public IReadOnlyList<SourceSection> Of(string source) => bySource.TryGetValue(source, out var list) ? list : [];

    /// <summary>The fingerprint of <see cref="Of"/>, taken once per source.</summary>
    public string Print(string source) => _prints.GetOrAdd(source, s => fingerprints.Of(bySource.TryGetValue(s, out var list) ? list : []));

    /// <summary>The sources by section, each section's dictionary by source name, gathered in the given order of sections.</summary>
    public static SourcesAcrossSections Gather(IEnumerable<IReadOnlyDictionary<string, SourceSection>> sections, Fingerprints fingerprints)
    {
        var lists = new Dictionary<string, List<SourceSection>>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            foreach (var (name, source) in section)
            {
                if (!lists.TryGetValue(name, out var list))
                    lists[name] = list = [];
                list.Add(source);
            }
        }
        return new SourcesAcrossSections(lists.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), fingerprints);
    }
}
