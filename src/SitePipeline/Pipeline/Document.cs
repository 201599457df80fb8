namespace Piuparts.SitePipeline.Pipeline;

/// <summary>
/// A file of the site: where it goes under the output directory ('/'-separated) and how to
/// produce its bytes. Content is lazy, so rendering happens in WriteFiles, in parallel.
/// </summary>
public sealed class Document(string destination, Func<byte[]> content)
{
    public string Destination { get; } = destination;

    public Func<byte[]> Content { get; } = content;

    public static Document Text(string destination, Func<string> text) =>
        new(destination, () => System.Text.Encoding.UTF8.GetBytes(text()));

    public override string ToString() => Destination;
}
