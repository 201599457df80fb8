using Piuparts.Core.Archive;
using Piuparts.Core.States;

namespace Piuparts.SitePipeline.Model;

/// <summary>A section's indexes and computed states, and the final distribution's source versions in upgrade sections.</summary>
public sealed record SectionData(PackageDatabase Db, ArchiveIndex<SourcePackage> Sources, IReadOnlyDictionary<string, string>? SourceTestVersions)
{
    /// <summary>The computation of <see cref="Db"/>'s states, which may still run on another core; its error, if any, is thrown where the states are first wanted.</summary>
    public Task States { get; init; } = Task.CompletedTask;
}
