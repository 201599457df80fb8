namespace Piuparts.SitePipeline.Summary;

/// <summary>
/// Orders strings by Unicode code point, as Python sorts them. Ordinal (UTF-16) order differs
/// only when a surrogate pair meets a character between U+E000 and U+FFFF.
/// </summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x == null || y == null)
            return x == null ? (y == null ? 0 : -1) : 1;
        // The first difference found by a vectorised scan: tens of thousands of names are sorted per summary.
        int i = x.AsSpan().CommonPrefixLength(y);
        if (i < x.Length && i < y.Length)
        {
            // Surrogates (U+D800..U+DFFF) stand for code points above U+FFFF: lift them over U+E000..U+FFFF.
            return Rank(x[i]).CompareTo(Rank(y[i]));
        }
        return x.Length.CompareTo(y.Length);
    }

    private static int Rank(char c) => char.IsSurrogate(c) ? c + 0x10000 : c;
}
