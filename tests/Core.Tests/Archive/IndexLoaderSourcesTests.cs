using System.IO.Compression;
using System.Text;
using Piuparts.Core.Archive;
using Piuparts.Core.Config;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Archive;

public sealed class IndexLoaderSourcesTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static byte[] Gzip(string text)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    [Fact]
    public void A_sections_Sources_index_is_found_by_the_layout_and_loaded_with_the_newer_duplicate()
    {
        _temp.Write("mirror/dists/sid/main/source/Sources.gz", Gzip(
            "Package: foo\nVersion: 1.0-1\nBinary: foo, libfoo1\nMaintainer: A <a@d.org>\n\n" +
            "Package: bar\nVersion: 2\nBinary: bar\nMaintainer: B <b@d.org>\nUploaders: C <c@d.org>, D <d@d.org>\n\n" +
            "Package: foo\nVersion: 1.0-2\nBinary: foo, libfoo2\nMaintainer: A <a@d.org>\n"));
        var (conf, errors) = PiupartsConf.Parse($"[global]\nmirror = {_temp.Url("mirror")}\n[sid]\ndistro = sid\n", "piuparts.conf");
        Assert.Empty(errors);
        var (urls, error) = new ArchiveLayout(conf!.Section("sid")!, DistrosConf.Empty()).SourcesUrls();
        Assert.Null(error);
        using var fetcher = new IndexFetcher();

        var result = new IndexLoader(fetcher).LoadSources(urls);

        Assert.Empty(result.Errors);
        Assert.Equal([_temp.Url("mirror/dists/sid/main/source/Sources.gz")], result.Fetched);
        Assert.Equal(["foo", "bar"], result.Index!.InOrder.Select(p => p.Name));
        Assert.Equal("1.0-2", result.Index["foo"]!.Version);
        Assert.Equal(["foo", "libfoo2"], result.Index["foo"]!.Binaries);
        Assert.Equal(["C <c@d.org>", "D <d@d.org>"], result.Index["bar"]!.Uploaders);
    }
}
