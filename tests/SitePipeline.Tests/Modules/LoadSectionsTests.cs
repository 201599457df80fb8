using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Modules;

public sealed class LoadSectionsTests : IDisposable
{
    private readonly SmallArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Theory]
    [InlineData("maintainer")]
    [InlineData("images")]
    [InlineData("sitemap-2.xml")]
    [InlineData("summary.json/sid")]
    public void A_section_named_like_the_sites_own_top_level_files_is_skipped_with_an_error_naming_it(string name)
    {
        // A second section beside sid, with a directory of its own, named like something the site writes at its top.
        File.WriteAllText(_archive.ConfigPath, File.ReadAllText(_archive.ConfigPath).Replace("sections = sid", $"sections = sid {name}")
            + $"\n[{name}]\ndistro = sid\narch = amd64\n");
        Directory.CreateDirectory(Path.Combine(_archive.Master, name));

        var result = ReportPipeline.Run(_archive.Config(), new ReportOptions { Now = SmallArchive.Now, LockWait = TimeSpan.Zero }, _ => { });

        var error = Assert.Single(result.Errors);
        Assert.Equal(name, error.Section);
        Assert.Contains($"section name '{name}' is taken by the site's own", error.Message);
        Assert.EndsWith("piuparts.conf", error.File);
        Assert.True(File.Exists(_archive.Page("sid", "index.html")));
        Assert.False(File.Exists(_archive.Page(name, "index.html")));
    }
}
