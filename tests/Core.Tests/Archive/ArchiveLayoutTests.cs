using Piuparts.Core.Archive;
using Piuparts.Core.Config;

namespace Piuparts.Core.Tests.Archive;

/// <summary>Index URLs of a section (package-states.md §2.1).</summary>
public sealed class ArchiveLayoutTests
{
    private const string Distros = """
        [wheezy]
        uri = http://archive.debian.org/debian

        [wheezy/updates]
        uri = http://archive.debian.org/debian-security
        depends = wheezy

        [wheezy-lts]
        uri = None
        depends = wheezy wheezy/updates
        candidates = wheezy wheezy/updates

        [bookworm-backports]
        depends = bookworm

        [stable]
        distribution = bookworm

        [orphan]
        uri = None
        """;

    private static ArchiveLayout Layout(string section, string distros = Distros)
    {
        var (conf, errors) = PiupartsConf.Parse("[global]\narch = amd64\n[s]\n" + section, "piuparts.conf");
        Assert.Empty(errors);
        var (distrosConf, distrosErrors) = DistrosConf.Parse(distros, "/etc/piuparts/distros.conf");
        Assert.Empty(distrosErrors);
        return new ArchiveLayout(conf!.Section("s")!, distrosConf!);
    }

    private static void AssertUrls(IReadOnlyList<string> expected, (IReadOnlyList<string> Urls, string? Error) actual)
    {
        Assert.Null(actual.Error);
        Assert.Equal(expected, actual.Urls);
    }

    [Fact]
    public void A_Packages_url_is_mirror_dists_distribution_area_binary_arch_Packages()
    {
        var layout = Layout("distro = sid\nmirror = http://deb.debian.org/debian\n");

        AssertUrls(["http://deb.debian.org/debian/dists/sid/main/binary-amd64/Packages"], layout.PackagesUrls());
    }

    [Fact]
    public void A_Sources_url_is_mirror_dists_distribution_area_source_Sources()
    {
        var layout = Layout("distro = sid\nmirror = http://deb.debian.org/debian\narea = contrib\n");

        AssertUrls(["http://deb.debian.org/debian/dists/sid/contrib/source/Sources"], layout.SourcesUrls());
    }

    [Fact]
    public void Area_and_arch_come_from_the_section_or_global()
    {
        var (conf, _) = PiupartsConf.Parse("[global]\narea = non-free\narch = arm64\nmirror = http://m/debian\n[s]\ndistro = sid\n", "piuparts.conf");
        var layout = new ArchiveLayout(conf!.Section("s")!, DistrosConf.Empty());

        Assert.Equal(["http://m/debian/dists/sid/non-free/binary-arm64/Packages"], layout.PackagesUrls().Urls);
    }

    [Fact]
    public void A_virtual_distribution_gives_one_url_per_candidate_each_with_its_own_mirror()
    {
        var layout = Layout("distro = wheezy-lts\nmirror = http://deb.debian.org/debian\n");

        AssertUrls(
            [
                "http://archive.debian.org/debian/dists/wheezy/main/binary-amd64/Packages",
                "http://archive.debian.org/debian-security/dists/wheezy/updates/main/binary-amd64/Packages",
            ], layout.PackagesUrls());
        AssertUrls(
            [
                "http://archive.debian.org/debian/dists/wheezy/main/source/Sources",
                "http://archive.debian.org/debian-security/dists/wheezy/updates/main/source/Sources",
            ], layout.SourcesUrls());
    }

    [Fact]
    public void A_distribution_without_uri_uses_the_sections_mirror()
    {
        var layout = Layout("distro = bookworm-backports\nmirror = http://deb.debian.org/debian\n");

        Assert.Equal(["http://deb.debian.org/debian/dists/bookworm-backports/main/binary-amd64/Packages"], layout.PackagesUrls().Urls);
    }

    [Fact]
    public void An_alias_puts_the_archive_name_in_the_url()
    {
        var layout = Layout("distro = stable\nmirror = http://deb.debian.org/debian\n");

        Assert.Equal(["http://deb.debian.org/debian/dists/bookworm/main/binary-amd64/Packages"], layout.PackagesUrls().Urls);
    }

    [Fact]
    public void The_distro_of_an_upgrade_test_section_is_its_last_distribution()
    {
        var layout = Layout("upgrade-test-distros = wheezy bookworm-backports\nmirror = http://m/debian\n");

        Assert.Equal(["http://m/debian/dists/bookworm-backports/main/binary-amd64/Packages"], layout.PackagesUrls().Urls);
        Assert.Equal(["http://archive.debian.org/debian/dists/wheezy/main/binary-amd64/Packages"], layout.PackagesUrls("wheezy").Urls);
    }

    [Fact]
    public void No_mirror_anywhere_is_an_error_naming_section_distribution_and_distros_conf()
    {
        var layout = Layout("distro = sid\n");

        var (urls, error) = layout.PackagesUrls();

        Assert.Empty(urls);
        Assert.NotNull(error);
        Assert.Contains("sid", error);
        Assert.Contains("[s]", error);
        Assert.Contains("mirror", error);
        Assert.Contains("/etc/piuparts/distros.conf", error);
        Assert.Equal(error, layout.SourcesUrls().Error);
    }

    [Fact]
    public void One_candidate_without_a_mirror_fails_the_whole_list()
    {
        var layout = Layout("distro = mixed\n", Distros + "\n[mixed]\ncandidates = wheezy sid\n");

        var (urls, error) = layout.PackagesUrls();

        Assert.Empty(urls);
        Assert.Contains("no mirror for sid", error);
    }

    [Fact]
    public void The_uri_of_distros_conf_needs_no_section_mirror()
    {
        var layout = Layout("distro = wheezy\n");

        AssertUrls(["http://archive.debian.org/debian/dists/wheezy/main/binary-amd64/Packages"], layout.PackagesUrls());
    }

    [Fact]
    public void A_section_without_distro_or_upgrade_test_distros_is_an_error()
    {
        var layout = Layout("mirror = http://m/debian\n");

        var (urls, error) = layout.PackagesUrls();

        Assert.Empty(urls);
        Assert.Contains("neither distro nor upgrade-test-distros", error);
    }

    [Fact]
    public void A_virtual_distribution_with_nothing_behind_it_is_an_error()
    {
        var layout = Layout("distro = orphan\nmirror = http://m/debian\n");

        var (urls, error) = layout.PackagesUrls();

        Assert.Empty(urls);
        Assert.Contains("orphan is virtual", error);
    }

    [Fact]
    public void Without_distros_conf_the_distro_and_the_section_mirror_make_the_url()
    {
        var (conf, _) = PiupartsConf.Parse("[global]\n[s]\ndistro = trixie\nmirror = http://m/debian\narch = i386\n", "piuparts.conf");

        var layout = new ArchiveLayout(conf!.Section("s")!, DistrosConf.Empty());

        Assert.Equal(["http://m/debian/dists/trixie/main/binary-i386/Packages"], layout.PackagesUrls().Urls);
        Assert.Equal(["http://m/debian/dists/trixie/main/source/Sources"], layout.SourcesUrls().Urls);
    }
}
