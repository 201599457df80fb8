using System.Text;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Rendering;

/// <summary>
/// A long list of a page (a state page's packages, a log list's, an index page's entries: tens of
/// thousands of rows, megabytes of HTML on a big section) cut into pieces where a row's name says
/// so, not at fixed counts: a row coming or going changes its own piece only, so the others keep
/// their fingerprints, and their HTML is taken from the page's <see cref="PieceCache"/>.
/// </summary>
public static class ListPieces
{
    /// <summary>
    /// The rows in pieces of about <paramref name="rowsPerPiece"/>: a piece ends after a row whose
    /// name hashes to 0 modulo that size, or at four times that size.
    /// </summary>
    public static IReadOnlyList<T[]> Split<T>(IReadOnlyList<T> rows, Func<T, string> name, int rowsPerPiece)
    {
        rowsPerPiece = Math.Max(1, rowsPerPiece);
        var pieces = new List<T[]>();
        int start = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            if (i + 1 - start >= 4 * rowsPerPiece || Fnv1a(name(rows[i])) % (uint)rowsPerPiece == 0 || i == rows.Count - 1)
            {
                var piece = new T[i + 1 - start];
                for (int j = 0; j < piece.Length; j++)
                    piece[j] = rows[start + j];
                pieces.Add(piece);
                start = i + 1;
            }
        }
        return pieces;
    }

    /// <summary>
    /// The rows cut into pieces (<see cref="Split"/>), each with the fingerprint of what
    /// <paramref name="write"/> writes of its rows, taken on every core.
    /// </summary>
    public static (IReadOnlyList<T[]> Pieces, IReadOnlyList<string> Prints) Cut<T>(Fingerprints fingerprints, IReadOnlyList<T> rows,
        Func<T, string> name, Action<DigestBuffer, T> write, int rowsPerPiece)
    {
        var pieces = Split(rows, name, rowsPerPiece);
        // Parallel.For rather than PLINQ: its generic operators are compiled at run time for each use.
        var prints = new string[pieces.Count];
        Parallel.For(0, pieces.Count, i => prints[i] = fingerprints.OfFields(buffer =>
        {
            buffer.Write(pieces[i].Length);
            foreach (var row in pieces[i])
                write(buffer, row);
        }));
        return (pieces, prints);
    }

    /// <summary>
    /// Each piece's UTF-8 HTML, taken from <paramref name="cache"/> when its fingerprint
    /// (<paramref name="prints"/>, one per piece) is there, else rendered by
    /// <paramref name="render"/> (on every core); the cache then holds exactly these pieces.
    /// </summary>
    public static ReadOnlyMemory<byte>[] Render<T>(IReadOnlyList<T[]> pieces, IReadOnlyList<string> prints, PieceCache? cache, Func<T[], string> render)
    {
        var html = new ReadOnlyMemory<byte>[pieces.Count];
        Parallel.For(0, html.Length, i => html[i] = cache?.Find(prints[i]) ?? Encoding.UTF8.GetBytes(render(pieces[i])));
        cache?.Save(prints.Zip(html).ToArray());
        return html;
    }

    // A hash that stays the same from run to run (string.GetHashCode does not).
    private static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
            hash = (hash ^ c) * 16777619;
        return hash;
    }
}
