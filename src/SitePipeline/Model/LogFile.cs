using Piuparts.Core.MasterDir;

namespace Piuparts.SitePipeline.Model;

/// <summary>One log of a section directory as the report lists it.</summary>
public sealed record LogFile(LogDirectory Directory, string Package, string Version, string FileName, DateTime Modified)
{
    /// <summary>Path relative to the section directory (and to the section's output directory): "fail/foo_1.0.log".</summary>
    public string RelativePath => $"{Directory.DirectoryName()}/{FileName}";
}
