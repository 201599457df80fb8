using Piuparts.Core.Config;

namespace Piuparts.Core.Tests.Config;

public sealed class SiteConfigTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("piuparts-site-config-");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Distros_conf_is_read_from_beside_piuparts_conf_by_default()
    {
        var piuparts = Write("piuparts.conf", "[global]\nsections = s\n[s]\ndistro = stable\n");
        var distros = Write("distros.conf", "[stable]\ndistribution = trixie\n");

        var (config, errors) = SiteConfig.Load(piuparts, null, "sections");

        Assert.Empty(errors);
        Assert.NotNull(config);
        Assert.Equal(distros, config.Distros.Path);
        Assert.Equal("trixie", config.Distros.Distribution("stable"));
        Assert.Equal(["s"], config.Piuparts.Sections);
    }

    [Fact]
    public void An_explicit_distros_path_wins()
    {
        var piuparts = Write("piuparts.conf", "[global]\n");
        Write("distros.conf", "[stable]\ndistribution = trixie\n");
        var other = Write("other-distros.conf", "[stable]\ndistribution = bookworm\n");

        var (config, _) = SiteConfig.Load(piuparts, other);

        Assert.Equal("bookworm", config!.Distros.Distribution("stable"));
    }

    [Fact]
    public void A_missing_distros_conf_is_empty()
    {
        var piuparts = Write("piuparts.conf", "[global]\n");

        var (config, errors) = SiteConfig.Load(piuparts, null);

        Assert.Empty(errors);
        Assert.False(config!.Distros.IsKnown("stable"));
    }

    [Fact]
    public void Errors_in_distros_conf_are_reported()
    {
        var piuparts = Write("piuparts.conf", "[global]\n");
        var distros = Write("distros.conf", "[sid]\nnot a key\n");

        var (config, errors) = SiteConfig.Load(piuparts, null);

        Assert.Null(config);
        var error = Assert.Single(errors);
        Assert.Equal((distros, 2), (error.File, error.Line));
    }

    [Fact]
    public void Errors_in_piuparts_conf_are_reported_with_the_required_keys()
    {
        var piuparts = Write("piuparts.conf", "[global]\n");

        var (config, errors) = SiteConfig.Load(piuparts, null, "master-directory");

        Assert.Null(config);
        Assert.Equal($"{piuparts}: [global] master-directory: required but not set", Assert.Single(errors).ToString());
    }
}
