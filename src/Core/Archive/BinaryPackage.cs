namespace Piuparts.Core.Archive;

/// <summary>A binary package paragraph of a Packages index.</summary>
public sealed class BinaryPackage : ArchivePackage
{
    // Parsed once: the report asks for every package's source several times (search index,
    // state pages, source tables). One reference, so a race only parses twice.
    private SourceRef? _source;

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
    public string SourceName => SourceField.Name;

    /// <summary>The source version: given in parentheses in Source for binNMUs, else the package's version.</summary>
    public string SourceVersion => SourceField.Version;

    private SourceRef SourceField => _source ??= ParseSource();

    private SourceRef ParseSource()
    {
        var source = Paragraph["Source"];
        if (string.IsNullOrEmpty(source))
            return new SourceRef(Name, Version);
        int open = source.IndexOf('(');
        if (open < 0)
            return new SourceRef(source.Trim(), Version);
        int close = source.IndexOf(')', open);
        var version = close > open ? source[(open + 1)..close].Trim() : null;
        return new SourceRef(source[..open].Trim(), version ?? Version);
    }

    private sealed record SourceRef(string Name, string Version);
}
