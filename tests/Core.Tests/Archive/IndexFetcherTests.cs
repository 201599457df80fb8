using System.Text;
using Piuparts.Core.Archive;

using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Archive;

/// <summary>IndexFetcher on file:// mirrors (package-states.md §2.2): which form is opened and how it is decoded.</summary>
public sealed class IndexFetcherTests : IDisposable
{
    private const string PackagesPath = "debian/dists/bookworm/main/binary-amd64/Packages";

    private readonly TemporaryDirectory _mirror = new();
    private readonly IndexFetcher _fetcher = new();

    public void Dispose()
    {
        _fetcher.Dispose();
        _mirror.Dispose();
    }

    private string PackagesUrl => _mirror.Url(PackagesPath);

    // Writes the form of the index with the given compression; the .xz form is the shipped excerpt,
    // the others hold one stanza that names the form, so the test can tell which one was decoded.
    private void WriteMarkedForm(IndexCompression form)
    {
        var content = form == IndexCompression.Xz
            ? ExcerptForms.Xz
            : ExcerptForms.Encode(form, MarkerStanza(form));
        _mirror.Write(PackagesPath + form.Suffix(), content);
    }

    private static byte[] MarkerStanza(IndexCompression form) =>
        Encoding.UTF8.GetBytes($"Package: form-{form.ToString().ToLowerInvariant()}\nVersion: 1.0\n\n");

    [Theory]
    [InlineData(IndexCompression.Xz)]
    [InlineData(IndexCompression.Bzip2)]
    [InlineData(IndexCompression.Gzip)]
    [InlineData(IndexCompression.None)]
    public void A_mirror_with_only_one_form_opens_that_form_and_decodes_it_to_the_plain_bytes(IndexCompression form)
    {
        _mirror.Write(PackagesPath + form.Suffix(), ExcerptForms.Bytes(form));

        var result = _fetcher.Open(PackagesUrl);

        Assert.True(result.Succeeded, result.Error);
        Assert.Null(result.Error);
        Assert.Equal(PackagesUrl + form.Suffix(), result.Url);
        using var content = result.Content!;
        Assert.Equal(ExcerptForms.Plain, ExcerptForms.ReadToEnd(content));
    }

    [Theory]
    [InlineData(new[] { IndexCompression.Xz, IndexCompression.Bzip2, IndexCompression.Gzip, IndexCompression.None }, IndexCompression.Xz)]
    [InlineData(new[] { IndexCompression.Bzip2, IndexCompression.Gzip, IndexCompression.None }, IndexCompression.Bzip2)]
    [InlineData(new[] { IndexCompression.Xz, IndexCompression.None }, IndexCompression.Xz)]
    [InlineData(new[] { IndexCompression.Gzip, IndexCompression.None }, IndexCompression.Gzip)]
    [InlineData(new[] { IndexCompression.Bzip2, IndexCompression.None }, IndexCompression.Bzip2)]
    [InlineData(new[] { IndexCompression.None }, IndexCompression.None)]
    public void The_first_existing_form_in_the_order_xz_bz2_gz_plain_is_the_one_opened(IndexCompression[] present, IndexCompression expected)
    {
        foreach (var form in present)
            WriteMarkedForm(form);

        var result = _fetcher.Open(PackagesUrl);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(PackagesUrl + expected.Suffix(), result.Url);
        using var content = result.Content!;
        var text = Encoding.UTF8.GetString(ExcerptForms.ReadToEnd(content));
        if (expected == IndexCompression.Xz)
            Assert.Equal(Encoding.UTF8.GetString(ExcerptForms.Plain), text);
        else
            Assert.Equal(Encoding.UTF8.GetString(MarkerStanza(expected)), text);
    }

    [Fact]
    public void A_mirror_without_any_form_fails_with_an_error_naming_every_url_tried()
    {
        _mirror.Write("debian/dists/bookworm/main/binary-amd64/Release", "Archive: bookworm\n"u8.ToArray());

        var result = _fetcher.Open(PackagesUrl);

        Assert.False(result.Succeeded);
        Assert.Null(result.Content);
        Assert.Equal(PackagesUrl, result.Url);
        Assert.NotNull(result.Error);
        foreach (var form in IndexCompressions.TryOrder)
            Assert.Contains(PackagesUrl + form.Suffix(), result.Error);
    }

    [Fact]
    public void A_mirror_directory_that_does_not_exist_counts_as_missing_forms_not_as_a_crash()
    {
        var url = _mirror.Url("no-such-mirror/dists/sid/main/binary-amd64/Packages");

        var result = _fetcher.Open(url);

        Assert.False(result.Succeeded);
        Assert.Equal(url, result.Url);
        Assert.Contains(url + ".xz", result.Error);
        Assert.Contains(url + ".gz", result.Error);
    }

    [Fact]
    public void A_form_that_exists_but_cannot_be_read_stops_the_search_and_names_its_path()
    {
        // A directory where Packages.xz should be: opening it fails with something other than "not found".
        Directory.CreateDirectory(Path.Combine(_mirror.Path, PackagesPath + ".xz"));
        WriteMarkedForm(IndexCompression.Gzip);

        var result = _fetcher.Open(PackagesUrl);

        Assert.False(result.Succeeded);
        Assert.Contains(Path.Combine(_mirror.Path, PackagesPath + ".xz"), result.Error);
        Assert.DoesNotContain(".gz", result.Error);
    }

    [Fact]
    public void A_bz2_file_broken_in_its_first_block_is_reported_by_open_rather_than_thrown()
    {
        // The bzip2 decoder decodes its first block as soon as it is created.
        _mirror.Write(PackagesPath + ".bz2", ExcerptForms.Bzip2[..(ExcerptForms.Bzip2.Length / 4)]);

        var result = _fetcher.Open(PackagesUrl);

        Assert.False(result.Succeeded);
        Assert.Equal(PackagesUrl + ".bz2", result.Url);
        Assert.Contains(PackagesUrl + ".bz2", result.Error);
    }

    [Theory]
    [InlineData("None/dists/bookworm/main/binary-amd64/Packages")]
    [InlineData("ftp://ftp.example.org/debian/dists/bookworm/main/binary-amd64/Packages")]
    [InlineData("")]
    public void A_url_that_is_not_file_or_http_fails_and_names_the_url(string url)
    {
        var result = _fetcher.Open(url);

        Assert.False(result.Succeeded);
        Assert.Equal(url, result.Url);
        Assert.Contains($"'{url}'", result.Error);
    }

    [Fact]
    public void A_file_url_without_a_host_part_is_opened_as_urllib_opens_it()
    {
        WriteMarkedForm(IndexCompression.Gzip);

        // "file:/abs/path" here; "file:relative/path" is the same rule with the working directory.
        var result = _fetcher.Open("file:" + _mirror.Combine(PackagesPath));

        Assert.True(result.Succeeded, result.Error);
        using var reader = new StreamReader(result.Content!);
        Assert.Equal("Package: form-gzip", reader.ReadLine());
        Assert.NotNull(_fetcher.Validator("file:" + _mirror.Combine(PackagesPath)));
    }

    [Theory]
    [InlineData("file:mirror/dists/x/Packages", "mirror/dists/x/Packages")]
    [InlineData("file:./a%20b/Packages", "./a b/Packages")]
    [InlineData("file:///srv/mirror/Packages", "/srv/mirror/Packages")]
    public void A_file_url_names_the_path_urllib_would_open(string url, string path) =>
        Assert.Equal(path, FileUrl.PathOf(url));
}
