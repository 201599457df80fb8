namespace Piuparts.Core.Archive;

/// <summary>An opened index (its decoded content and the URL that answered) or why none could be opened.</summary>
public sealed class FetchResult
{
    private FetchResult(string url, Stream? content, string? error)
    {
        Url = url;
        Content = content;
        Error = error;
    }

    /// <summary>
    /// The URL that was opened (with its compression suffix); when nothing could be opened, the
    /// one asked for, or the form found if it could not be decoded.
    /// </summary>
    public string Url { get; }

    public Stream? Content { get; }

    public string? Error { get; }

    public bool Succeeded => Content != null;

    public static FetchResult Opened(string url, Stream content) => new(url, content, null);

    public static FetchResult Failed(string url, string error) => new(url, null, error);
}
