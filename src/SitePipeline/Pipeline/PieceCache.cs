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
    // Each piece's HTML is a slice of the file's bytes as read: a big page's pieces are not copied.
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _pieces;

    private PieceCache(string path, Dictionary<string, ReadOnlyMemory<byte>> pieces)
    {
        _path = path;
        _pieces = pieces;
    }

    /// <summary>The pieces last recorded for <paramref name="destination"/> ('/'-separated, under the output directory).</summary>
    public static PieceCache Load(string outputDirectory, string destination)
    {
        // Not named .html: the cache is not part of the site.
        var path = Path.Combine(outputDirectory, PageManifest.CacheDirectory, "pieces", destination + ".pieces");
        var pieces = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (!bytes.AsSpan().StartsWith(Encoding.ASCII.GetBytes(Magic)))
                return new PieceCache(path, pieces);
            ReadOnlyMemory<byte> rest = bytes.AsMemory(Magic.Length);
            while (!rest.IsEmpty)
            {
                // <print length><print><html length><html>, lengths as 4-byte little-endian counts of UTF-8 bytes.
                if (!TryTake(ref rest, out var print) || !TryTake(ref rest, out var html))
                    return new PieceCache(path, []);
                pieces[Encoding.UTF8.GetString(print.Span)] = html;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return new PieceCache(path, pieces);
    }

    /// <summary>
    /// Deletes the piece files of <paramref name="section"/>'s pages that <paramref name="isProduced"/>
    /// (given a destination, '/'-separated) says this run no longer makes: a state that emptied.
    /// </summary>
    public static void RemoveStale(string outputDirectory, string section, Func<string, bool> isProduced)
    {
        var root = Path.Combine(outputDirectory, PageManifest.CacheDirectory, "pieces");
        var directory = Path.Combine(root, section);
        if (!Directory.Exists(directory))
            return;
        foreach (var file in Directory.EnumerateFiles(directory, "*.pieces", SearchOption.AllDirectories).ToArray())
        {
            if (!isProduced(Path.GetRelativePath(root, file)[..^".pieces".Length].Replace('\\', '/')))
                File.Delete(file);
        }
    }

    /// <summary>The UTF-8 HTML recorded under <paramref name="fingerprint"/>, or null.</summary>
    public ReadOnlyMemory<byte>? Find(string fingerprint) => _pieces.TryGetValue(fingerprint, out var html) ? html : (ReadOnlyMemory<byte>?)null;

    /// <summary>Records exactly <paramref name="pieces"/> (the page's pieces now), unless they are the ones recorded.</summary>
    public void Save(IReadOnlyList<(string Fingerprint, ReadOnlyMemory<byte> Html)> pieces)
    {
        if (pieces.Count == _pieces.Count && pieces.All(p => _pieces.ContainsKey(p.Fingerprint)))
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        AtomicFile.Replace(_path, stream =>
        {
            stream.Write(Encoding.ASCII.GetBytes(Magic));
            foreach (var (print, html) in pieces)
            {
                Put(stream, Encoding.UTF8.GetBytes(print));
                Put(stream, html.Span);
            }
        }, flushToDisk: false);
    }

    private static bool TryTake(ref ReadOnlyMemory<byte> rest, out ReadOnlyMemory<byte> value)
    {
        value = default;
        if (rest.Length < 4)
            return false;
        int length = BinaryPrimitives.ReadInt32LittleEndian(rest.Span);
        if (length < 0 || length > rest.Length - 4)
            return false;
        value = rest.Slice(4, length);
        rest = rest[(4 + length)..];
        return true;
    }

    private static void Put(Stream stream, ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }
}
