namespace Piuparts.Core.Versions;

/// <summary>
/// Debian version ordering as dpkg defines it (deb-version(7)): epoch numerically, then the
/// upstream version and the revision with dpkg's alternating letter/digit comparison.
/// Works on spans so the Packages loader compares without allocating.
/// </summary>
public static class DebianVersion
{
    /// <summary>Negative, zero or positive as <paramref name="a"/> sorts before, with or after <paramref name="b"/>.</summary>
    public static int Compare(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        Split(a, out var epochA, out var upstreamA, out var revisionA);
        Split(b, out var epochB, out var upstreamB, out var revisionB);
        int byEpoch = CompareNumbers(epochA, epochB);
        if (byEpoch != 0)
            return byEpoch;
        int byUpstream = CompareParts(upstreamA, upstreamB);
        return byUpstream != 0 ? byUpstream : CompareParts(revisionA, revisionB);
    }

    public static int Compare(string? a, string? b) => Compare(a.AsSpan(), b.AsSpan());

    /// <summary>True when <paramref name="candidate"/> is strictly newer than <paramref name="current"/>.</summary>
    public static bool IsNewer(ReadOnlySpan<char> candidate, ReadOnlySpan<char> current) => Compare(candidate, current) > 0;

    // The epoch is everything before the first ':' and the revision everything after the last
    // '-', as dpkg splits them; a trailing '-' gives an empty revision, equal to none at all.
    private static void Split(ReadOnlySpan<char> version, out ReadOnlySpan<char> epoch,
        out ReadOnlySpan<char> upstream, out ReadOnlySpan<char> revision)
    {
        version = version.Trim();
        int colon = version.IndexOf(':');
        epoch = colon >= 0 ? version[..colon] : ReadOnlySpan<char>.Empty;
        var rest = colon >= 0 ? version[(colon + 1)..] : version;
        int hyphen = rest.LastIndexOf('-');
        upstream = hyphen >= 0 ? rest[..hyphen] : rest;
        revision = hyphen >= 0 ? rest[(hyphen + 1)..] : ReadOnlySpan<char>.Empty;
    }

    private static int CompareNumbers(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        if (a.Length != b.Length)
            return a.Length < b.Length ? -1 : 1;
        return Math.Sign(a.SequenceCompareTo(b));
    }

    // Alternates between a run of non-digits (compared by Weight) and a run of digits
    // (compared as numbers of any length), until both strings are used up.
    private static int CompareParts(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                int wa = i < a.Length ? Weight(a[i]) : 0;
                int wb = j < b.Length ? Weight(b[j]) : 0;
                if (wa != wb)
                    return wa < wb ? -1 : 1;
                i++;
                j++;
            }
            int startA = i, startB = j;
            while (i < a.Length && char.IsAsciiDigit(a[i]))
                i++;
            while (j < b.Length && char.IsAsciiDigit(b[j]))
                j++;
            int byNumber = CompareNumbers(a[startA..i], b[startB..j]);
            if (byNumber != 0)
                return byNumber;
        }
        return 0;
    }

    // '~' sorts before everything, even the end of the string; letters before other symbols.
    private static int Weight(char c) => c switch
    {
        '~' => -1,
        _ when char.IsAsciiDigit(c) => 0,
        _ when char.IsAsciiLetter(c) => c,
        _ => c + 256,
    };
}
