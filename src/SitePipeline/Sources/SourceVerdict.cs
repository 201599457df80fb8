namespace Piuparts.SitePipeline.Sources;

/// <summary>A source package's verdict in sources.txt and sources.yaml (report.md §6.6).</summary>
public enum SourceVerdict
{
    Pass,
    Fail,
    Unknown,
}
