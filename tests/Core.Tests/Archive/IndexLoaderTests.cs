using System.Text;
using Piuparts.Core.Archive;

using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Archive;

/// <summary>
/// IndexLoader (package-states.md §2.2–2.4): loading one or several Packages URLs into one index,
/// and turning every unreadable input into an InputError that names the URL, never an exception.
/// </summary>
public sealed class IndexLoaderTests : IDisposable
{
    private readonly TemporaryDirectory _mirror = new();
    private readonly IndexFetcher _fetcher = new();
    private readonly IndexLoader _loader;

    public IndexLoaderTests() => _loader = new IndexLoader(_fetcher);

    public void Dispose()
    {
        _fetcher.Dispose();
        _mirror.Dispose();
    }

    // Writes dists/<dist>/main/binary-amd64/Packages<suffix> and returns the URL without suffix.
    private string Publish(string dist, IndexCompression form, byte[] content)
    {
        var path = $"debian/dists/{dist}/main/binary-amd64/Packages";
        _mirror.Write(path + form.Suffix(), content);
        return _mirror.Url(path);
    }

    private string PublishText(string dist, string packages) =>
        Publish(dist, IndexCompression.Gzip, ExcerptForms.Encode(IndexCompression.Gzip, Encoding.UTF8.GetBytes(packages)));

    private static string Stanza(string name, string version, string extra = "") =>
        $"Package: {name}\nVersion: {version}\nArchitecture: amd64\n{extra}\n";

    [Fact]
    public void The_shipped_excerpt_loads_with_every_stanza_in_file_order()
    {
        var url = Publish("bookworm", IndexCompression.Xz, ExcerptForms.Xz);

        var result = _loader.LoadBinaries([url]);

        Assert.Empty(result.Errors);
        Assert.Equal([url + ".xz"], result.Fetched);
        var index = result.Index!;
        Assert.Equal(ExcerptForms.Stanzas, index.Count);
        var namesInFile = Encoding.UTF8.GetString(ExcerptForms.Plain).Split('\n')
            .Where(line => line.StartsWith("Package: ", StringComparison.Ordinal))
            .Select(line => line["Package: ".Length..]);
        Assert.Equal(namesInFile, index.InOrder.Select(p => p.Name));
    }

    [Fact]
    public void Every_form_of_the_excerpt_gives_the_same_index_as_the_plain_file()
    {
        var plain = _loader.LoadBinaries([Publish("plain", IndexCompression.None, ExcerptForms.Plain)]);
        Assert.Empty(plain.Errors);

        foreach (var form in new[] { IndexCompression.Xz, IndexCompression.Bzip2, IndexCompression.Gzip })
        {
            var url = Publish(form.ToString(), form, ExcerptForms.Bytes(form));

            var result = _loader.LoadBinaries([url]);

            Assert.Empty(result.Errors);
            Assert.Equal([url + form.Suffix()], result.Fetched);
            Assert.Equal(plain.Index!.Count, result.Index!.Count);
            for (int i = 0; i < plain.Index.Count; i++)
            {
                var expected = plain.Index.InOrder[i];
                var actual = result.Index.InOrder[i];
                Assert.Equal(expected.Name, actual.Name);
                Assert.Equal(expected.Version, actual.Version);
                Assert.True(expected.Paragraph.RawBytes.SequenceEqual(actual.Paragraph.RawBytes), $"{form}: stanza of {expected.Name} differs");
            }
        }
    }

    [Fact]
    public void Several_urls_merge_in_order_a_newer_version_replaces_the_package_in_its_first_place()
    {
        var first = PublishText("bookworm",
            Stanza("alpha", "1.0") + Stanza("beta", "1.0") + Stanza("gamma", "2.0") + Stanza("delta", "1:0.5", "Description: first\n"));
        var second = PublishText("bookworm-updates",
            Stanza("epsilon", "1.0") + Stanza("gamma", "1.9") + Stanza("beta", "1.0+deb12u1") + Stanza("delta", "1:0.5", "Description: second\n"));

        var result = _loader.LoadBinaries([first, second]);

        Assert.Empty(result.Errors);
        Assert.Equal([first + ".gz", second + ".gz"], result.Fetched);
        var index = result.Index!;
        Assert.Equal(["alpha", "beta", "gamma", "delta", "epsilon"], index.InOrder.Select(p => p.Name));
        Assert.Equal(["1.0", "1.0+deb12u1", "2.0", "1:0.5", "1.0"], index.InOrder.Select(p => p.Version));
        Assert.Equal("first", index["delta"]!.Paragraph["Description"]);
    }

    [Fact]
    public void An_empty_url_list_gives_an_empty_index_without_errors()
    {
        var result = _loader.LoadBinaries([]);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Fetched);
        Assert.Equal(0, result.Index!.Count);
    }

    [Fact]
    public void A_url_that_cannot_be_fetched_stops_the_load_with_an_error_naming_it()
    {
        var good = PublishText("bookworm", Stanza("alpha", "1.0"));
        var missing = _mirror.Url("debian/dists/bookworm-backports/main/binary-amd64/Packages");

        var result = _loader.LoadBinaries([good, missing]);

        Assert.Null(result.Index);
        Assert.Equal([good + ".gz"], result.Fetched);
        var error = Assert.Single(result.Errors);
        Assert.Equal(missing, error.File);
        Assert.Contains(missing + ".xz", error.Message);
    }

    [Theory]
    [InlineData(IndexCompression.Xz, 0.5)]
    [InlineData(IndexCompression.Xz, 0.999)]
    [InlineData(IndexCompression.Bzip2, 0.5)]
    [InlineData(IndexCompression.Bzip2, 0.999)]
    [InlineData(IndexCompression.Gzip, 0.5)]
    [InlineData(IndexCompression.Gzip, 0.999)]
    public void A_truncated_compressed_file_gives_an_input_error_naming_the_url(IndexCompression form, double kept)
    {
        var whole = ExcerptForms.Bytes(form);
        var url = Publish("bookworm", form, whole[..(int)(whole.Length * kept)]);

        var result = _loader.LoadBinaries([url]);

        Assert.Null(result.Index);
        var error = Assert.Single(result.Errors);
        Assert.Equal(url + form.Suffix(), error.File);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData(IndexCompression.Xz)]
    [InlineData(IndexCompression.Bzip2)]
    [InlineData(IndexCompression.Gzip)]
    public void A_file_that_ends_one_byte_short_is_reported_not_silently_accepted(IndexCompression form)
    {
        var whole = ExcerptForms.Bytes(form);
        var url = Publish("bookworm", form, whole[..^1]);

        var result = _loader.LoadBinaries([url]);

        Assert.Null(result.Index);
        Assert.Equal(url + form.Suffix(), Assert.Single(result.Errors).File);
    }

    [Fact]
    public void Bytes_that_are_not_xz_at_all_give_an_input_error()
    {
        var url = Publish("bookworm", IndexCompression.Xz, Encoding.UTF8.GetBytes(Stanza("alpha", "1.0")));

        var result = _loader.LoadBinaries([url]);

        Assert.Null(result.Index);
        Assert.Equal(url + ".xz", Assert.Single(result.Errors).File);
    }

    [Fact]
    public void A_malformed_line_gives_an_error_with_the_url_and_its_line_number()
    {
        var url = PublishText("bookworm",
            Stanza("alpha", "1.0") +                       // lines 1-4
            "Package: beta\nVersion: 1.0\nthis line has no colon\n\n" + // lines 5-8
            Stanza("gamma", "1.0"));

        var result = _loader.LoadBinaries([url]);

        Assert.Null(result.Index);
        var error = Assert.Single(result.Errors);
        Assert.Equal(url + ".gz", error.File);
        Assert.Equal(7, error.Line);
        Assert.StartsWith($"{url}.gz:7:", error.ToString());
    }

    [Fact]
    public void A_stanza_without_a_version_gives_an_error_at_its_first_line()
    {
        var url = PublishText("bookworm", Stanza("alpha", "1.0") + "Package: beta\nArchitecture: all\n\n");

        var result = _loader.LoadBinaries([url]);

        Assert.Null(result.Index);
        var error = Assert.Single(result.Errors);
        Assert.Equal(url + ".gz", error.File);
        Assert.Equal(5, error.Line);
        Assert.Contains("beta", error.Message);
    }

    [Fact]
    public void Invalid_utf8_gives_an_error_naming_the_url()
    {
        var bytes = Encoding.UTF8.GetBytes(Stanza("alpha", "1.0", "Maintainer: Jos\u00e9\n"));
        int accent = Array.IndexOf(bytes, (byte)0xC3);
        bytes[accent + 1] = 0x28; // 0xC3 0x28 is not UTF-8
        var url = Publish("bookworm", IndexCompression.Gzip, ExcerptForms.Encode(IndexCompression.Gzip, bytes));

        var result = _loader.LoadBinaries([url]);

        Assert.Null(result.Index);
        var error = Assert.Single(result.Errors);
        Assert.Equal(url + ".gz", error.File);
        Assert.Contains("UTF-8", error.Message);
    }
}
