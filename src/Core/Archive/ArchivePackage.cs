namespace Piuparts.Core.Archive;

/// <summary>What binary and source packages share: a name, a version and the paragraph they came from.</summary>
public abstract class ArchivePackage
{
    protected ArchivePackage(string name, string version, ControlParagraph paragraph)
    {
        Name = name;
        Version = version;
        Paragraph = paragraph;
    }

    public string Name { get; }

    public string Version { get; }

    /// <summary>The whole paragraph; the slave copies it into logs, the report reads more fields.</summary>
    public ControlParagraph Paragraph { get; }
}
