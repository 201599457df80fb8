namespace Piuparts.Core.Archive;

/// <summary>A binary package paragraph of a Packages index.</summary>
public sealed class BinaryPackage : ArchivePackage
{
    public BinaryPackage(string name, string version, ControlParagraph paragraph)
        : base(name, version, paragraph)
    {
        // Read now, while the paragraph is in the cache: the state engine needs these three
        // for every package, and a later scan of 60,000 scattered paragraphs costs more.
        Depends = paragraph["Depends"];
        PreDepends = paragraph["Pre-Depends"];
        Provides = paragraph["Provides"];
    }

    public string? Depends { get; }

    public string? PreDepends { get; }

    public string? Provides { get; }

    public string? Architecture => Paragraph["Architecture"];

    /// <summary>The source package name: the Source field without its version, else the package's own name.</summary>
    public string SourceName => SourceField.Name ?? Name;

    /// <summary>The source version: given in parentheses in Source for binNMUs, else the package's version.</summary>
    public string SourceVersion => SourceField.Version ?? Version;

    private (string? Name, string? Version) SourceField
    {
        get
        {
            var source = Paragraph["Source"];
            if (string.IsNullOrEmpty(source))
                return (null, null);
            int open = source.IndexOf('(');
            if (open < 0)
                return (source.Trim(), null);
            int close = source.IndexOf(')', open);
            var version = close > open ? source[(open + 1)..close].Trim() : null;
            return (source[..open].Trim(), version);
        }
    }
}
