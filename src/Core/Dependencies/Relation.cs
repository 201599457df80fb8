namespace Piuparts.Core.Dependencies;

/// <summary>
/// One package named in a relationship field: <c>name[:arch] [(op version)] [[archs]] [&lt;profiles&gt;]</c>.
/// The state engine uses only the name; the rest is kept for the report and for checks.
/// </summary>
public sealed record Relation(string Name)
{
    /// <summary>The ":any" or ":amd64" qualifier, without the colon.</summary>
    public string? ArchQualifier { get; init; }

    /// <summary>&lt;&lt;, &lt;=, =, &gt;=, &gt;&gt; (the obsolete &lt; and &gt; are kept as written).</summary>
    public string? Operator { get; init; }

    public string? Version { get; init; }

    /// <summary>The architecture restriction list as written, e.g. "amd64 !i386".</summary>
    public string? Architectures { get; init; }

    /// <summary>The build profile restrictions as written, e.g. "!nocheck".</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    public override string ToString()
    {
        var text = ArchQualifier == null ? Name : $"{Name}:{ArchQualifier}";
        if (Operator != null)
            text += $" ({Operator} {Version})";
        if (Architectures != null)
            text += $" [{Architectures}]";
        foreach (var profile in Profiles)
            text += $" <{profile}>";
        return text;
    }
}
