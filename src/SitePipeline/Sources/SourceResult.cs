namespace Piuparts.SitePipeline.Sources;

/// <summary>One source package of a section's Sources index: its verdict and tested version.</summary>
public sealed record SourceResult(string Source, SourceVerdict Verdict, string Version);
