namespace Piuparts.Core.Archive;

/// <summary>
/// file: URLs as Python's urllib opens them: <c>file:///abs/path</c>, and also
/// <c>file:relative/path</c>, read relative to the working directory, so a configuration can
/// carry its own mirror beside it (samples/master-dir does).
/// </summary>
public static class FileUrl
{
    public static bool IsFile(string url) => url.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    /// <summary>The local path a file: URL names (percent escapes decoded).</summary>
    public static string PathOf(string url)
    {
        if (url.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
            return new Uri(url).LocalPath;
        return Uri.UnescapeDataString(url["file:".Length..]);
    }
}
