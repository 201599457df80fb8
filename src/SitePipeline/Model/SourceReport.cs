using Piuparts.Core.Archive;
using Piuparts.Core.States;
using Piuparts.SitePipeline.Sources;

namespace Piuparts.SitePipeline.Model;

/// <summary>A source package of a section with its binaries' states and its verdict.</summary>
public sealed record SourceReport(SourcePackage Source, string Version, IReadOnlyList<BinaryResult> Binaries, SourceVerdict Verdict)
{
    public string Name => Source.Name;
}

/// <summary>One binary of a source's Binary field: absent from the section's index (udebs, other architectures) or present with its own state.</summary>
public sealed record BinaryResult(string Name, BinaryPackage? Package, PackageState State, string? TestVersion);
