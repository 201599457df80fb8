namespace Piuparts.Core.IO;

/// <summary>Hard links, for trees that mirror the master's files without copying them (the site's log copies).</summary>
public static class HardLink
{
    /// <summary>Creates <paramref name="created"/> as a second name of <paramref name="existing"/>; false when the file system refuses (another device, say).</summary>
    public static bool TryCreate(string existing, string created) => NativeFile.TryLink(existing, created);
}
