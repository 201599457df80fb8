using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Piuparts.SitePipeline.Pipeline;

/// <summary>
/// Fingerprints of page inputs: a hash of the models a page is rendered from (serialised as
/// JSON), salted with the templates and the renderer's own build, so a page whose inputs are
/// the same as at its last writing needs no rendering. This replaces piuparts-report's
/// .md5cache of log files: here the pages' inputs are hashed, not their sources.
/// </summary>
public sealed class Fingerprints
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly byte[] _salt;

    /// <param name="templatesHash">Hash of every template, prose page and asset in use.</param>
    public Fingerprints(string templatesHash)
    {
        var build = typeof(Fingerprints).Assembly.ManifestModule.ModuleVersionId.ToString("N")
            + typeof(Fluid.FluidParser).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        _salt = System.Text.Encoding.UTF8.GetBytes(build + templatesHash);
    }

    // Per thread: pages are fingerprinted in parallel, tens of thousands of them.
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    // Generated writers by type, looked up once: asking the context each time costs more than the hashing.
    private static readonly ConcurrentDictionary<Type, JsonTypeInfo?> Generated = new();

    /// <summary>
    /// The fingerprint of what <paramref name="write"/> writes field by field: for models
    /// fingerprinted by the ten thousand, where a JSON writer costs more than the hashing.
    /// </summary>
    public string OfFields(Action<DigestBuffer> write)
    {
        var buffer = DigestBuffer.ForThread();
        buffer.Write(_salt);
        buffer.Write("f"u8);
        write(buffer);
        return buffer.Hash();
    }

    /// <summary>The fingerprint of <paramref name="inputs"/>, in order.</summary>
    public string Of(params object?[] inputs)
    {
        var buffer = DigestBuffer.ForThread();
        buffer.Write(_salt);
        foreach (var input in inputs)
        {
            // Each input tagged with its kind: scalars (most inputs) written as they are, models as JSON.
            switch (input)
            {
                case null:
                    buffer.Write("n"u8);
                    break;
                case string text:
                    buffer.Write("s"u8);
                    buffer.Write(text);
                    break;
                case bool flag:
                    buffer.Write("b"u8);
                    buffer.Write(flag);
                    break;
                case int number:
                    buffer.Write("i"u8);
                    buffer.Write(number);
                    break;
                default:
                    buffer.Write("j"u8);
                    var writer = t_writer ??= new Utf8JsonWriter(buffer.Writer);
                    writer.Reset(buffer.Writer);
                    var type = input.GetType();
                    if (Generated.GetOrAdd(type, t => ModelJson.Default.GetTypeInfo(t)) is { } generated)
                        JsonSerializer.Serialize(writer, input, generated);
                    else
                        JsonSerializer.Serialize(writer, input, type, Json);
                    writer.Flush();
                    buffer.Write("\n"u8);
                    break;
            }
        }
        return buffer.Hash();
    }
}
