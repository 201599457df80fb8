using Piuparts.Core.IO;
using SharpCompress.Compressors.BZip2;
using SharpCompress.Compressors.Xz;

namespace Piuparts.Core.Archive;

/// <summary>The forms an index may have on a mirror, in the order piuparts tries them.</summary>
public enum IndexCompression
{
    Xz,
    Bzip2,
    Gzip,
    None,
}

public static class IndexCompressions
{
    public static readonly IReadOnlyList<IndexCompression> TryOrder =
        [IndexCompression.Xz, IndexCompression.Bzip2, IndexCompression.Gzip, IndexCompression.None];

    public static string Suffix(this IndexCompression compression) => compression switch
    {
        IndexCompression.Xz => ".xz",
        IndexCompression.Bzip2 => ".bz2",
        IndexCompression.Gzip => ".gz",
        _ => "",
    };

    /// <summary>Wraps <paramref name="compressed"/> in the matching decoder (the caller owns the result).</summary>
    public static Stream Decode(this IndexCompression compression, Stream compressed) => compression switch
    {
        // The managed xz decoder reads Position to find block padding; give unseekable streams one.
        IndexCompression.Xz => (Stream?)LzmaStream.TryCreate(compressed)
            ?? new XZStream(compressed.CanSeek ? compressed : new CountingReadStream(compressed)),
        IndexCompression.Bzip2 => BZip2Stream.Create(compressed, SharpCompress.Compressors.CompressionMode.Decompress, decompressConcatenated: true),
        IndexCompression.Gzip => new CompleteGzipStream(compressed),
        _ => compressed,
    };
}
