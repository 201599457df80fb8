using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Sources;

/// <summary>
/// What a run keeps of a section for the per-source JSON files of the other sections, in
/// .piuparts-site/sources/&lt;section&gt;.json: each source's <see cref="SourceSection"/>, and the
/// fingerprint of the all-sections list each of the section's JSON files was last written with.
/// It is valid only for the inputs fingerprint it names: a run that stopped between writing the
/// pages and this record leaves a record that the next run does not use.
/// </summary>
public sealed record SourceSectionsRecord(
    string Format,
    string InputsFingerprint,
    IReadOnlyDictionary<string, SourceSection> Sources,
    IReadOnlyDictionary<string, string> Written)
{
    public const string CurrentFormat = "piuparts-site sources 1";

    public static string PathOf(string outputDirectory, string section) => RunCache.PathOf(outputDirectory, "sources", section + ".json");

    /// <summary>The record of a section whose inputs have <paramref name="inputsFingerprint"/>, or null when there is none (missing, unreadable, of other inputs).</summary>
    public static SourceSectionsRecord? Load(string outputDirectory, string section, string inputsFingerprint) =>
        RunCache.Read<SourceSectionsRecord>(PathOf(outputDirectory, section)) is { Format: CurrentFormat, Sources: not null, Written: not null } record
        && record.InputsFingerprint == inputsFingerprint
            ? record : null;

    public void Save(string outputDirectory, string section) => RunCache.Write(PathOf(outputDirectory, section), this);

    /// <summary>Removes the record (a section whose record cannot be made).</summary>
    public static void Delete(string outputDirectory, string section) => RunCache.Delete(PathOf(outputDirectory, section));
}
