using Piuparts.Core.Tests.Support;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Tests.Pipeline;

/// <summary>The page manifest: a page is valid while its file has the recorded size and time, checked file by file or all at once.</summary>
public sealed class PageManifestTests : IDisposable
{
    private readonly TemporaryDirectory _output = new();

    public void Dispose() => _output.Dispose();

    // Writes the pages and records them as they are now.
    private PageManifest Recorded(params string[] pages)
    {
        var entries = new Dictionary<string, PageManifest.Entry>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var path = Path.Combine(_output.Path, page);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, $"<p>{page}</p>");
            var info = new FileInfo(path);
            entries[page] = new PageManifest.Entry($"print of {page}", info.Length, info.LastWriteTimeUtc.Ticks);
        }
        PageManifest.Load(_output.Path).Save(entries, _output.Path);
        return PageManifest.Load(_output.Path);
    }

    [Fact]
    public void A_page_is_valid_while_its_file_is_as_recorded_whether_checked_one_by_one_or_all_at_once()
    {
        Recorded("sid/index.html", "sid/source/a/alpha.html", "sid/source/b/beta.html");
        File.AppendAllText(Path.Combine(_output.Path, "sid/source/a/alpha.html"), "edited");
        File.Delete(Path.Combine(_output.Path, "sid/source/b/beta.html"));
        var oneByOne = PageManifest.Load(_output.Path);
        var allAtOnce = PageManifest.Load(_output.Path);

        allAtOnce.CheckFiles(_output.Path);

        foreach (var manifest in new[] { oneByOne, allAtOnce })
        {
            Assert.Equal("print of sid/index.html", manifest.Valid("sid/index.html", _output.Path));
            Assert.Null(manifest.Valid("sid/source/a/alpha.html", _output.Path));
            Assert.Null(manifest.Valid("sid/source/b/beta.html", _output.Path));
            Assert.Null(manifest.Valid("sid/never-recorded.html", _output.Path));
        }
    }

    [Fact]
    public void Files_checked_all_at_once_answer_as_they_were_then_and_another_directory_is_checked_file_by_file()
    {
        var manifest = Recorded("sid/index.html");
        manifest.CheckFiles(_output.Path);
        using var copy = new TemporaryDirectory();
        Directory.CreateDirectory(Path.Combine(copy.Path, "sid"));

        File.AppendAllText(Path.Combine(_output.Path, "sid/index.html"), "edited after the check");

        // As found by the check: the next run sees the edit, as its file no longer matches the record.
        Assert.Equal("print of sid/index.html", manifest.Valid("sid/index.html", _output.Path));
        Assert.Null(PageManifest.Load(_output.Path).Valid("sid/index.html", _output.Path));
        Assert.Null(manifest.Valid("sid/index.html", copy.Path));
    }
}
