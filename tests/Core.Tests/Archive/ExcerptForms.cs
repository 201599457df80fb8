using System.IO.Compression;
using Piuparts.Core.Archive;
using SharpCompress.Compressors.BZip2;
using SharpCompress.Compressors.Xz;

namespace Piuparts.Core.Tests.Archive;

/// <summary>
/// The shipped bookworm excerpt in each form a mirror may hold it, built independently of the
/// code under test: the .xz as shipped, the plain bytes decoded by SharpCompress directly, and
/// gzip and bzip2 compressed from those.
/// </summary>
internal static class ExcerptForms
{
    public const int Stanzas = 2115;

    public static readonly string XzPath =
        Path.Combine(AppContext.BaseDirectory, "Data", "Archive", "bookworm-main-amd64-excerpt.Packages.xz");

    private static readonly Lazy<byte[]> s_xz = new(() => File.ReadAllBytes(XzPath));
    private static readonly Lazy<byte[]> s_plain = new(() => Decode(new XZStream(new MemoryStream(Xz))));
    private static readonly Lazy<byte[]> s_gzip = new(() => Encode(IndexCompression.Gzip, Plain));
    private static readonly Lazy<byte[]> s_bzip2 = new(() => Encode(IndexCompression.Bzip2, Plain));

    public static byte[] Xz => s_xz.Value;

    public static byte[] Plain => s_plain.Value;

    public static byte[] Gzip => s_gzip.Value;

    public static byte[] Bzip2 => s_bzip2.Value;

    public static byte[] Bytes(IndexCompression form) => form switch
    {
        IndexCompression.Xz => Xz,
        IndexCompression.Bzip2 => Bzip2,
        IndexCompression.Gzip => Gzip,
        _ => Plain,
    };

    private static byte[] Decode(Stream decoder)
    {
        using (decoder)
            return ReadToEnd(decoder);
    }

    /// <summary>Compresses <paramref name="plain"/> into its .gz or .bz2 form, or copies it for the plain one (there is no xz encoder at hand).</summary>
    public static byte[] Encode(IndexCompression form, byte[] plain)
    {
        if (form == IndexCompression.None)
            return [.. plain];
        var output = new MemoryStream();
        Stream encoder = form switch
        {
            IndexCompression.Gzip => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            IndexCompression.Bzip2 => BZip2Stream.Create(output, SharpCompress.Compressors.CompressionMode.Compress,
                decompressConcatenated: false, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, "no encoder for this form"),
        };
        using (encoder)
            encoder.Write(plain);
        return output.ToArray();
    }

    public static byte[] ReadToEnd(Stream stream)
    {
        var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
