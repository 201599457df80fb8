using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

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
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The fingerprint of <paramref name="inputs"/>, in order.</summary>
    public string Of(params object?[] inputs)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        buffer.Write(_salt);
        foreach (var input in inputs)
        {
            writer.Reset(buffer);
            if (input != null && ModelJson.Default.GetTypeInfo(input.GetType()) is { } generated)
                JsonSerializer.Serialize(writer, input, generated);
            else
                JsonSerializer.Serialize(writer, input, input?.GetType() ?? typeof(object), Json);
            writer.Flush();
            buffer.Write("\n"u8);
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        if (buffer.Capacity > 16 * 1024 * 1024)
            t_buffer = null; // do not keep a big state page's buffer for the rest of the run
        return Convert.ToHexStringLower(hash[..16]);
    }
}
