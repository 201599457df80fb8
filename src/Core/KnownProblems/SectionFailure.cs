namespace Piuparts.Core.KnownProblems;

/// <summary>
/// One .kpr line of a section's log together with where the log actually is (known-problems.md
/// §5): the line's <c>Where</c> labels the entry, the log's directory decides whether it sorts
/// with the failed logs.
/// </summary>
public sealed record SectionFailure(KprLine Line, string LogDirectory)
{
    /// <summary>The log's path relative to the section directory, the last sort key.</summary>
    public string LogPath => $"{LogDirectory}/{Line.PkgSpec}{SectionFiles.LogExtension}";

    /// <summary>The binary package name: the pkgspec up to the first '_'.</summary>
    public string Package => Line.PkgSpec.Split('_')[0];

    public bool IsInFail => LogDirectory == "fail";
}
