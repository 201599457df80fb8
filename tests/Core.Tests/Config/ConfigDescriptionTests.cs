using Piuparts.Core.Config;

namespace Piuparts.Core.Tests.Config;

public sealed class ConfigDescriptionTests
{
    private static string Describe(string piuparts, string distros, params string[] sections)
    {
        var (conf, errors) = PiupartsConf.Parse(piuparts, "piuparts.conf");
        Assert.Empty(errors);
        var (distrosConf, distrosErrors) = DistrosConf.Parse(distros, "distros.conf");
        Assert.Empty(distrosErrors);
        return ConfigDescription.Render(new SiteConfig(conf!, distrosConf!), sections);
    }

    [Fact]
    public void Every_setting_shows_where_its_value_comes_from()
    {
        const string piuparts = """
            [DEFAULT]
            idle-sleep = 60
            [global]
            sections = sid
            mirror = http://deb.debian.org/debian
            [sid]
            distro = sid
            arch = amd64
            """;

        var lines = Describe(piuparts, "", "sid").Split('\n');

        Assert.Contains("sections = sid    # piuparts.conf:4", lines);
        Assert.Contains("distro = sid    # piuparts.conf:7", lines);
        Assert.Contains("mirror = http://deb.debian.org/debian    # [global], piuparts.conf:5", lines);
        Assert.Contains("idle-sleep = 60    # [DEFAULT], piuparts.conf:2", lines);
        Assert.Contains("area = main    # default", lines);
        Assert.Contains("master-host = (unset)    # default", lines);
    }

    [Fact]
    public void The_index_urls_of_each_section_follow_its_settings()
    {
        var text = Describe("[global]\n[lts]\ndistro = wheezy-lts\narch = i386\nmirror = http://m/debian\n",
            "[wheezy/updates]\nuri = http://security/debian\ndepends = wheezy\n[wheezy-lts]\nuri = None\ndepends = wheezy wheezy/updates\ncandidates = wheezy wheezy/updates\n",
            "lts");

        var lines = text.Split('\n');
        Assert.Contains("# packages-url: http://m/debian/dists/wheezy/main/binary-i386/Packages", lines);
        Assert.Contains("# packages-url: http://security/debian/dists/wheezy/updates/main/binary-i386/Packages", lines);
        Assert.Contains("# sources-url: http://m/debian/dists/wheezy/main/source/Sources", lines);
    }

    [Fact]
    public void A_url_problem_and_the_warnings_are_shown_not_thrown()
    {
        var text = Describe("[global]\n[sid]\ndistro = sid\ndistor = typo\n", "", "sid");

        Assert.Contains("# warning: piuparts.conf:4: [sid] distor: unknown key, ignored\n", text);
        Assert.Contains("# packages-url: no mirror for sid", text);
    }

    [Fact]
    public void A_multi_line_value_is_indented()
    {
        var text = Describe("[global]\nsections = sid\n[sid]\ndescription = first\n  second\n", "", "sid");

        Assert.Contains("description = first\n    second    # piuparts.conf:4\n", text);
    }

    [Fact]
    public void A_list_written_over_several_lines_is_shown_on_one()
    {
        var text = Describe("[global]\nsections =\n  sid\n  trixie\n[sid]\n[trixie]\n", "");

        Assert.Contains("sections = sid trixie    # piuparts.conf:2\n", text);
    }
}
