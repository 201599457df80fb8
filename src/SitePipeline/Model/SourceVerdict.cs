namespace Piuparts.SitePipeline.Model;

/// <summary>A source package's verdict in a section (report.md §6.6), as sources.txt spells it.</summary>
public enum SourceVerdict
{
    Fail,
    Unknown,
    Pass,
}
