using Piuparts.Core.Archive;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Archive;

/// <summary>
/// The complete Debian bookworm main amd64 index, as apt keeps it (lz4 compressed) after
/// <c>apt-get update</c>: package-states.md §2.4 gives 63,440 stanzas for 63,436 names.
/// </summary>
public sealed class IndexLoaderBookwormTests : IDisposable
{
    private readonly TemporaryDirectory _mirror = new();

    public void Dispose() => _mirror.Dispose();

    // Stanzas counted without our parser: lines that start with "Package: ".
    private static int CountPackageLines(string path)
    {
        var bytes = File.ReadAllBytes(path).AsSpan();
        int count = bytes.StartsWith("Package: "u8) ? 1 : 0;
        var marker = "\nPackage: "u8;
        for (int at = bytes.IndexOf(marker); at >= 0; at = NextIndex(bytes, marker, at))
            count++;
        return count;
    }

    private static int NextIndex(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> marker, int previous)
    {
        int next = bytes[(previous + 1)..].IndexOf(marker);
        return next < 0 ? -1 : previous + 1 + next;
    }

    [Fact]
    public void The_full_bookworm_main_index_loads_63436_names_from_63440_stanzas()
    {
        const string path = "debian/dists/bookworm/main/binary-amd64/Packages";
        var plain = _mirror.Write(path, []);
        AptLists.DecodeLz4(AptLists.BookwormMainPackages(), plain);
        var url = _mirror.Url(path);
        using var fetcher = new IndexFetcher();

        var result = new IndexLoader(fetcher).LoadBinaries([url]);

        Assert.Empty(result.Errors);
        Assert.Equal([url], result.Fetched);
        Assert.Equal(63_440, CountPackageLines(plain));
        Assert.Equal(63_436, result.Index!.Count);
        Assert.Equal(63_436, result.Index.InOrder.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
    }
}
