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

    /// <summary>The fingerprint of <paramref name="inputs"/>, in order.</summary>
    public string Of(params object?[] inputs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(_salt);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer);
        foreach (var input in inputs)
        {
            JsonSerializer.Serialize(writer, input, input?.GetType() ?? typeof(object), Json);
            writer.Flush();
            hash.AppendData(buffer.WrittenSpan);
            hash.AppendData("\n"u8);
            buffer.ResetWrittenCount();
            writer.Reset();
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }
}
