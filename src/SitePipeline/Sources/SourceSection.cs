namespace Piuparts.SitePipeline.Sources;

/// <summary>
/// What one section says of a source: its version under test, its verdict and its binaries'
/// states (null for a binary the section's Packages index does not have). Every section's
/// per-source JSON lists these for all the sections that have the source.
/// </summary>
public sealed record SourceSection(string Section, string SourceVersion, string Verdict, IReadOnlyList<SourceSection.BinaryState> Binaries)
{
    public sealed record BinaryState(string Name, string? State);
}
