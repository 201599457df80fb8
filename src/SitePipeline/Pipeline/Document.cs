namespace Piuparts.SitePipeline.Pipeline;

/// <summary>
/// A file of the site: where it goes under the output directory ('/'-separated) and how to
/// produce its bytes. Production is lazy, so rendering happens in WriteFiles, in parallel. A
/// page made from a model also has a fingerprint of that model, so an unchanged page is
/// recognised without being rendered.
/// </summary>
public sealed class Document
{
    private readonly Func<string?, Produced> _produce;

    public Document(string destination, Func<byte[]> content)
        : this(destination, fingerprinted: false, _ => new Produced(content(), null))
    {
    }

    private Document(string destination, bool fingerprinted, Func<string?, Produced> produce)
    {
        Destination = destination;
        IsFingerprinted = fingerprinted;
        _produce = produce;
    }

    public string Destination { get; }

    /// <summary>Whether <see cref="Produce"/> gives a fingerprint (and may skip rendering).</summary>
    public bool IsFingerprinted { get; }

    /// <summary>A page of an unchanged section, its file already checked against the manifest when the section was found unchanged.</summary>
    public bool IsKept { get; private init; }

    /// <summary>
    /// Builds the document's inputs and, unless their fingerprint equals <paramref name="previous"/>
    /// (the one recorded when the file on disk was written), its bytes.
    /// </summary>
    public Produced Produce(string? previous) => _produce(previous);

    /// <summary>The bytes, always rendered.</summary>
    public byte[] Content() => _produce(null).Bytes!;

    public static Document Text(string destination, Func<string> text) =>
        new(destination, () => System.Text.Encoding.UTF8.GetBytes(text()));

    /// <summary>
    /// A document rendered from a model: <paramref name="fingerprint"/> must cover everything
    /// <paramref name="render"/> reads, as the page is not rendered again while it is unchanged.
    /// The model is built once per production and dropped after it.
    /// </summary>
    public static Document FromModel<TModel>(string destination, Func<TModel> model, Func<TModel, string> fingerprint, Func<TModel, string> render) =>
        FromModel(destination, model, fingerprint, m => System.Text.Encoding.UTF8.GetBytes(render(m)));

    /// <summary>Like <see cref="FromModel{TModel}(string, Func{TModel}, Func{TModel, string}, Func{TModel, string})"/>, for a binary file.</summary>
    public static Document FromModel<TModel>(string destination, Func<TModel> model, Func<TModel, string> fingerprint, Func<TModel, byte[]> render) =>
        new(destination, fingerprinted: true, previous =>
        {
            var inputs = model();
            var print = fingerprint(inputs);
            return print == previous ? new Produced(null, print) : new Produced(render(inputs), print);
        });

    /// <summary>A page left as it is: its inputs did not change since it was written with <paramref name="fingerprint"/>.</summary>
    public static Document Kept(string destination, string fingerprint) =>
        new(destination, fingerprinted: true, _ => new Produced(null, fingerprint)) { IsKept = true };

    public override string ToString() => Destination;
}
