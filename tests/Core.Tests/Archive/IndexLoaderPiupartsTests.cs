using System.Text;
using System.Text.Json;
using Piuparts.Core.Archive;

using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Archive;

/// <summary>
/// Differential tests: IndexLoader against piuparts' own loader (piupartslib.packagesdb.PackagesFile
/// of piuparts-common, run by Data/Archive/piuparts_packages.py) on the same file:// mirror.
/// Names (same set, same order), versions, and Depends / Pre-Depends / Provides must be equal.
/// </summary>
public sealed class IndexLoaderPiupartsTests : IDisposable
{
    private readonly TemporaryDirectory _mirror = new();
    private readonly IndexFetcher _fetcher = new();

    public void Dispose()
    {
        _fetcher.Dispose();
        _mirror.Dispose();
    }

    private sealed record Row(string Name, string? Version, string? Depends, string? PreDepends, string? Provides);

    // piuparts 1.1.7 can read only the .xz form of a file:// URL.
    private string PublishXz(string dist, byte[] xz)
    {
        var path = $"debian/dists/{dist}/main/binary-amd64/Packages";
        _mirror.Write(path + ".xz", xz);
        return _mirror.Url(path);
    }

    private static (List<string> Urls, List<Row> Rows) LoadWithPiuparts(IReadOnlyList<string> urls)
    {
        var json = DebianPython.Run([DebianPython.Script("piuparts_packages.py"), .. urls]);
        using var document = JsonDocument.Parse(json);
        var fetched = document.RootElement.GetProperty("urls").EnumerateArray().Select(u => u.GetString()!).ToList();
        var rows = document.RootElement.GetProperty("packages").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()).ToArray())
            .Select(v => new Row(v[0]!, v[1], v[2], v[3], v[4]))
            .ToList();
        return (fetched, rows);
    }

    private (List<string> Urls, List<Row> Rows) LoadWithIndexLoader(IReadOnlyList<string> urls)
    {
        var result = new IndexLoader(_fetcher).LoadBinaries(urls);
        Assert.Empty(result.Errors);
        var rows = result.Index!.InOrder
            .Select(p => new Row(p.Name, p.Version, p.Depends, p.PreDepends, p.Provides))
            .ToList();
        return ([.. result.Fetched], rows);
    }

    private static void AssertSameIndex(List<Row> piuparts, List<Row> ours)
    {
        Assert.Equal(piuparts.Select(r => r.Name), ours.Select(r => r.Name));
        for (int i = 0; i < piuparts.Count; i++)
            Assert.True(piuparts[i] == ours[i], $"package {piuparts[i].Name}: piuparts has {piuparts[i]}, we have {ours[i]}");
    }

    [Fact]
    public void The_bookworm_excerpt_loads_exactly_as_piuparts_loads_it()
    {
        var url = PublishXz("bookworm", ExcerptForms.Xz);

        var piuparts = LoadWithPiuparts([url]);
        var ours = LoadWithIndexLoader([url]);

        Assert.Equal(ExcerptForms.Stanzas, piuparts.Rows.Count);
        Assert.Equal(piuparts.Urls, ours.Urls);
        AssertSameIndex(piuparts.Rows, ours.Rows);
        // The comparison covers the fields that matter: most packages depend on something.
        Assert.True(ours.Rows.Count(r => r.Depends != null) > 1000);
        Assert.Contains(ours.Rows, r => r.PreDepends != null);
        Assert.Contains(ours.Rows, r => r.Provides != null);
    }

    [Fact]
    public void A_second_url_merges_exactly_as_piuparts_merges_it()
    {
        var first = PublishXz("bookworm", ExcerptForms.Xz);
        var excerpt = LoadWithIndexLoader([first]).Rows;
        var (newer, older, same) = (excerpt[0], excerpt[1], excerpt[2]);
        var updates = new StringBuilder()
            .Append($"Package: {newer.Name}\nVersion: 9:{newer.Version}\nDepends: newer-dependency (>= 1.0)\nProvides: virtual-from-update\n\n")
            .Append($"Package: {older.Name}\nVersion: 0~older\nDepends: must-not-replace\n\n")
            .Append($"Package: {same.Name}\nVersion: {same.Version}\nDepends: equal-version-must-not-replace\n\n")
            .Append("Package: zz-added\nVersion: 1.0\nPre-Depends: dpkg (>= 1.19.1)\nDepends:   spaced ,  value   \n\n")
            .Append("Package: zz-added\nVersion: 1.0+b1\nDepends: libc6 (>= 2.36),\n libstdc++6 (>= 12)\n\n")
            .Append("Package: zz-added\nVersion: 1.0~rc1\nDepends: older-in-the-same-file\n\n")
            .Append("Package: zz-empty-fields\nVersion: 2\nDepends:\nProvides: \t\n\n");
        var second = PublishXz("bookworm-updates", DebianPython.Xz(Encoding.UTF8.GetBytes(updates.ToString())));

        var piuparts = LoadWithPiuparts([first, second]);
        var ours = LoadWithIndexLoader([first, second]);

        Assert.Equal(piuparts.Urls, ours.Urls);
        AssertSameIndex(piuparts.Rows, ours.Rows);
        Assert.Equal(ExcerptForms.Stanzas + 2, ours.Rows.Count);
        Assert.Equal("newer-dependency (>= 1.0)", ours.Rows[0].Depends);
        Assert.Equal(older, ours.Rows[1]);
        Assert.Equal(same, ours.Rows[2]);
        Assert.Equal("1.0+b1", ours.Rows.Single(r => r.Name == "zz-added").Version);
    }
}
