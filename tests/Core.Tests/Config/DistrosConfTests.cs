using Piuparts.Core.Config;

namespace Piuparts.Core.Tests.Config;

/// <summary>distros.conf semantics (config.md §5, package-states.md §2.1).</summary>
public sealed class DistrosConfTests
{
    private const string Debian = """
        [jessie]
        uri = http://archive.debian.org/debian

        [jessie/updates]
        uri = http://security.debian.org
        depends = jessie

        [jessie-lts]
        uri = None
        depends = jessie jessie/updates
        candidates = jessie jessie/updates

        [jessie-backports]
        uri = http://archive.debian.org/debian
        depends = jessie jessie/updates
        target-release = jessie-backports

        [jessie-backports-sloppy]
        uri = http://archive.debian.org/debian
        depends = jessie jessie/updates jessie-backports
        target-release = jessie-backports-sloppy

        [stretch-current]
        uri = None
        depends = stretch/updates stretch-updates

        [stretch/updates]
        uri = http://security.debian.org
        depends = stretch

        [stretch-updates]
        depends = stretch

        [experimental]
        depends = sid
        target-release = experimental
        components = main contrib

        [stable]
        distribution = bullseye
        """;

    private static DistrosConf Parse(string text)
    {
        var (conf, errors) = DistrosConf.Parse(text, "distros.conf");
        Assert.Empty(errors);
        return conf!;
    }

    [Fact]
    public void Expand_lists_parents_first_and_each_distribution_once()
    {
        var distros = Parse(Debian);

        Assert.Equal(["jessie", "jessie/updates", "jessie-backports", "jessie-backports-sloppy"], distros.Expand("jessie-backports-sloppy"));
        Assert.Equal(["sid", "experimental"], distros.Expand("experimental"));
    }

    [Fact]
    public void Expand_leaves_out_virtual_distributions()
    {
        var distros = Parse(Debian);

        Assert.Equal(["jessie", "jessie/updates"], distros.Expand("jessie-lts"));
        Assert.Equal(["stretch", "stretch/updates", "stretch-updates"], distros.Expand("stretch-current"));
    }

    [Fact]
    public void Expand_goes_through_a_virtual_parent_to_its_own_parents()
    {
        var distros = Parse(Debian + "\n[jessie-everything]\nuri = None\ndepends = jessie-lts jessie-backports\n");

        Assert.Equal(["jessie", "jessie/updates", "jessie-backports"], distros.Expand("jessie-everything"));
    }

    [Fact]
    public void Expand_of_a_name_without_a_block_is_the_name()
    {
        Assert.Equal(["trixie"], Parse(Debian).Expand("trixie"));
    }

    [Fact]
    public void Expand_of_a_dependency_loop_ends()
    {
        var distros = Parse("[a]\ndepends = b\n[b]\ndepends = c\n[c]\ndepends = a\n");

        // What piuparts' _expand_depends gives: a is met again first, so it comes first.
        Assert.Equal(["a", "c", "b"], distros.Expand("a"));
    }

    [Fact]
    public void Expand_of_a_virtual_distribution_with_nothing_behind_it_is_empty()
    {
        Assert.Empty(Parse("[nothing]\nuri = None\n").Expand("nothing"));
    }

    [Fact]
    public void Candidates_default_to_the_distribution_itself()
    {
        var distros = Parse(Debian + "\n[empty]\ncandidates =\n");

        Assert.Equal(["jessie-backports"], distros.Candidates("jessie-backports"));
        Assert.Equal(["empty"], distros.Candidates("empty"));
        Assert.Equal(["sid"], distros.Candidates("sid"));
    }

    [Fact]
    public void Candidates_are_taken_as_listed_without_recursion()
    {
        var distros = Parse(Debian + "\n[everything]\ncandidates = jessie-lts experimental\n");

        Assert.Equal(["jessie", "jessie/updates"], distros.Candidates("jessie-lts"));
        Assert.Equal(["jessie-lts", "experimental"], distros.Candidates("everything"));
    }

    [Theory]
    [InlineData("None", true)]
    [InlineData("none", false)]
    [InlineData("NONE", false)]
    [InlineData("http://deb.debian.org/debian", false)]
    public void A_distribution_is_virtual_only_for_uri_None_exactly(string uri, bool expected)
    {
        var distros = Parse($"[d]\nuri = {uri}\n");

        Assert.Equal(expected, distros.IsVirtual("d"));
        Assert.Equal(expected ? null : uri, distros.Uri("d"));
    }

    [Fact]
    public void A_distribution_without_a_block_is_real_and_named_after_itself()
    {
        var distros = Parse(Debian);

        Assert.False(distros.IsKnown("sid"));
        Assert.False(distros.IsVirtual("sid"));
        Assert.Null(distros.Uri("sid"));
        Assert.Equal("sid", distros.Distribution("sid"));
        Assert.Empty(distros.Depends("sid"));
        Assert.Null(distros.TargetRelease("sid"));
    }

    [Fact]
    public void An_alias_names_the_archive_distribution()
    {
        var distros = Parse(Debian);

        Assert.True(distros.IsKnown("stable"));
        Assert.Equal("bullseye", distros.Distribution("stable"));
        Assert.Equal("jessie-backports", distros.Distribution("jessie-backports"));
    }

    [Fact]
    public void The_other_keys_are_read_as_written()
    {
        var distros = Parse(Debian);

        Assert.Equal(["jessie", "jessie/updates", "jessie-backports"], distros.Depends("jessie-backports-sloppy"));
        Assert.Equal("jessie-backports-sloppy", distros.TargetRelease("jessie-backports-sloppy"));
        Assert.Equal("main contrib", distros.Components("experimental"));
    }

    [Fact]
    public void A_virtual_distribution_takes_mirror_and_name_from_its_first_real_one()
    {
        var distros = Parse(Debian);

        Assert.Equal("jessie", distros.Concrete("jessie-lts"));
        Assert.Equal("http://archive.debian.org/debian", distros.Mirror("jessie-lts", "http://deb.debian.org/debian"));
        Assert.Equal("stretch", distros.Concrete("stretch-current"));
        Assert.Equal("http://deb.debian.org/debian", distros.Mirror("stretch-current", "http://deb.debian.org/debian"));
        Assert.Equal("jessie-backports", distros.Concrete("jessie-backports"));
    }

    [Fact]
    public void Mirror_is_the_uri_else_the_sections_mirror()
    {
        var distros = Parse(Debian);

        Assert.Equal("http://security.debian.org", distros.Mirror("jessie/updates", "http://deb.debian.org/debian"));
        Assert.Equal("http://deb.debian.org/debian", distros.Mirror("experimental", "http://deb.debian.org/debian"));
        Assert.Equal("http://deb.debian.org/debian", distros.Mirror("sid", "http://deb.debian.org/debian"));
        Assert.Null(distros.Mirror("sid", null));
    }

    [Fact]
    public void An_empty_uri_counts_as_unset()
    {
        var distros = Parse("[sid]\nuri =\n");

        Assert.Null(distros.Uri("sid"));
        Assert.Equal("http://m/debian", distros.Mirror("sid", "http://m/debian"));
    }

    [Fact]
    public void DEFAULT_applies_to_every_block_but_not_to_names_without_one()
    {
        var distros = Parse("[DEFAULT]\nuri = http://local/debian\n[bookworm]\n");

        Assert.Equal("http://local/debian", distros.Mirror("bookworm", "http://m/debian"));
        Assert.Equal("http://m/debian", distros.Mirror("sid", "http://m/debian"));
    }

    [Fact]
    public void Section_names_are_case_sensitive()
    {
        var distros = Parse("[Sid]\ndistribution = unstable\n");

        Assert.Equal("unstable", distros.Distribution("Sid"));
        Assert.Equal("sid", distros.Distribution("sid"));
    }

    [Fact]
    public void Values_are_interpolated()
    {
        var distros = Parse("[DEFAULT]\nbase = http://mirror.example\n[sid]\nuri = %(base)s/debian\n");

        Assert.Equal("http://mirror.example/debian", distros.Uri("sid"));
    }

    [Fact]
    public void A_lone_percent_in_a_key_piuparts_reads_is_an_error_at_its_line()
    {
        var (conf, errors) = DistrosConf.Parse("[sid]\n\nuri = http://example.org/50%\n", "distros.conf");

        Assert.Null(conf);
        var error = Assert.Single(errors);
        Assert.Equal(("distros.conf", 3, "sid", "uri"), (error.File, error.Line, error.Section, error.Key));
    }

    [Fact]
    public void A_lone_percent_in_a_key_piuparts_does_not_read_is_fine()
    {
        var (conf, errors) = DistrosConf.Parse("[sid]\nnote = 50% of the archive\n", "distros.conf");

        Assert.Empty(errors);
        Assert.NotNull(conf);
    }

    [Fact]
    public void A_syntax_error_makes_the_file_unusable()
    {
        var (conf, errors) = DistrosConf.Parse("[sid]\n[sid]\n", "distros.conf");

        Assert.Null(conf);
        Assert.Equal(2, Assert.Single(errors).Line);
    }

    [Fact]
    public void A_missing_file_is_an_empty_configuration()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"distros-{Guid.NewGuid():N}.conf");

        var (conf, errors) = DistrosConf.Load(missing);

        Assert.Empty(errors);
        Assert.NotNull(conf);
        Assert.Equal(missing, conf.Path);
        Assert.False(conf.IsKnown("sid"));
        Assert.Equal(["sid"], conf.Expand("sid"));
        Assert.Equal(["sid"], conf.Candidates("sid"));
        Assert.Equal("http://m/debian", conf.Mirror("sid", "http://m/debian"));
    }

    [Fact]
    public void Load_reads_an_existing_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"distros-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, "[stable]\ndistribution = trixie\n");
        try
        {
            var (conf, errors) = DistrosConf.Load(path);

            Assert.Empty(errors);
            Assert.Equal("trixie", conf!.Distribution("stable"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
