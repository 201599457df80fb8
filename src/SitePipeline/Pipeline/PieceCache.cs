using System.Buffers.Binary;
using System.Text;
using Piuparts.Core.IO;

namespace Piuparts.SitePipeline.Pipeline;

/// <summary>
/// The rendered pieces of one big page, each under the fingerprint of its rows, kept in the
/// output's cache directory beside the page manifest: when one package of twenty thousand
/// changes, its state page renders the piece that holds it and joins the others as they were.
/// A missing or damaged file only costs rendering every piece.
/// </summary>
public sealed class PieceCache
{
    private const string Magic = "piuparts-site pieces 1\n";

    private readonly string _path;
    private readonly Dictionary<string, string> _pieces;

    private PieceCache(string path, Dictionary<string, string> pieces)
    {
        _path = path;
        _pieces = pieces;
    }

    /// <summary>The pieces last recorded for <paramref name="destination"/> ('/'-separated, under the output directory).</summary>
    public static PieceCache Load(string outputDirectory, string destination)
    {
        // Not named .html: the cache is not part of the site.
        var path = Path.Combine(outputDirectory, PageManifest.CacheDirectory, "pieces", destination + ".pieces");
        var pieces = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (!bytes.AsSpan().StartsWith(Encoding.ASCII.GetBytes(Magic)))
                return new PieceCache(path, pieces);
            var rest = bytes.AsSpan(Magic.Length);
            while (!rest.IsEmpty)
            {
                // <print length><print><html length><html>, lengths as 4-byte little-endian counts of UTF-8 bytes.
                if (!TryTake(ref rest, out var print) || !TryTake(ref rest, out var html))
                    return new PieceCache(path, []);
                pieces[Encoding.UTF8.GetString(print)] = Encoding.UTF8.GetString(html);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return new PieceCache(path, pieces);
    }

    public string? Find(string fingerprint) => _pieces.GetValueOrDefault(fingerprint);

    /// <summary>Records exactly <paramref name="pieces"/> (the page's pieces now), unless they are the ones recorded.</summary>
    public void Save(IReadOnlyList<(string Fingerprint, string Html)> pieces)
    {
        if (pieces.Count == _pieces.Count && pieces.All(p => _pieces.ContainsKey(p.Fingerprint)))
            return;
        var buffer = new MemoryStream();
        buffer.Write(Encoding.ASCII.GetBytes(Magic));
        foreach (var (print, html) in pieces)
        {
            Put(buffer, Encoding.UTF8.GetBytes(print));
            Put(buffer, Encoding.UTF8.GetBytes(html));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        AtomicFile.Replace(_path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), flushToDisk: false);
    }

    private static bool TryTake(ref Span<byte> rest, out Span<byte> value)
    {
        value = default;
        if (rest.Length < 4)
            return false;
        int length = BinaryPrimitives.ReadInt32LittleEndian(rest);
        if (length < 0 || length > rest.Length - 4)
            return false;
        value = rest.Slice(4, length);
        rest = rest[(4 + length)..];
        return true;
    }

    private static void Put(MemoryStream buffer, byte[] bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
