namespace Piuparts.Core.Archive;

/// <summary>A merged index (null on failure), the URLs that were read, and the problems found.</summary>
public sealed record IndexLoadResult<T>(ArchiveIndex<T>? Index, IReadOnlyList<string> Fetched, IReadOnlyList<InputError> Errors)
    where T : ArchivePackage;
