using Piuparts.Core.Config;

namespace Piuparts.Core.Tests.Config;

/// <summary>Loading and checking piuparts.conf as a whole: what makes it unusable and what is only a warning.</summary>
public sealed class PiupartsConfTests
{
    private const string Path = "/etc/piuparts/piuparts.conf";

    [Fact]
    public void A_good_file_loads_without_errors_or_warnings()
    {
        const string text = """
            [global]
            sections = sid bookworm
            master-directory = /srv/master
            output-directory = /srv/htdocs

            [sid]
            distro = sid

            [bookworm]
            distro = bookworm
            depends-sections = sid
            """;

        var (conf, errors) = PiupartsConf.Parse(text, Path, "master-directory", "output-directory", "sections");

        Assert.Empty(errors);
        Assert.NotNull(conf);
        Assert.Empty(conf.Warnings);
        Assert.Equal(["sid", "bookworm"], conf.Sections);
        Assert.Equal("/srv/master", conf.MasterDirectory);
        Assert.Equal("/srv/htdocs", conf.OutputDirectory);
        Assert.Equal("/etc/piuparts/distros.conf", conf.DefaultDistrosPath);
        Assert.True(conf.HasSection("bookworm"));
        Assert.Null(conf.Section("trixie"));
    }

    [Fact]
    public void A_file_without_global_is_an_error()
    {
        var (conf, errors) = PiupartsConf.Parse("[sid]\ndistro = sid\n", Path);

        Assert.Null(conf);
        var error = Assert.Single(errors);
        Assert.Contains("[global]", error.Message);
        Assert.Equal(Path, error.File);
    }

    [Fact]
    public void A_required_key_missing_names_file_section_global_and_key()
    {
        var (conf, errors) = PiupartsConf.Parse("[global]\nsections = sid\n[sid]\n", Path, "master-directory");

        Assert.Null(conf);
        var error = Assert.Single(errors);
        Assert.Equal(SectionSettings.GlobalSection, error.Section);
        Assert.Equal("master-directory", error.Key);
        Assert.Equal($"{Path}: [global] master-directory: required but not set", error.ToString());
    }

    [Fact]
    public void A_required_key_set_empty_is_missing_too()
    {
        var (_, errors) = PiupartsConf.Parse("[global]\nmaster-directory =\n", Path, "master-directory");

        Assert.Equal("master-directory", Assert.Single(errors).Key);
    }

    [Fact]
    public void A_required_key_may_come_from_DEFAULT()
    {
        var (conf, errors) = PiupartsConf.Parse("[DEFAULT]\nmaster-directory = /srv/master\n[global]\n", Path, "master-directory");

        Assert.Empty(errors);
        Assert.Equal("/srv/master", conf!.MasterDirectory);
    }

    [Fact]
    public void Every_missing_required_key_is_reported()
    {
        var (_, errors) = PiupartsConf.Parse("[global]\n", Path, "sections", "master-directory", "output-directory");

        Assert.Equal(["sections", "master-directory", "output-directory"], errors.Select(e => e.Key));
    }

    [Fact]
    public void A_section_in_sections_that_does_not_exist_names_the_line_of_sections()
    {
        const string text = """
            [global]
            master-directory = /srv/master
            sections =
                sid
                sid-strict
            [sid]
            """;

        var (conf, errors) = PiupartsConf.Parse(text, Path);

        Assert.Null(conf);
        var error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("sections", error.Key);
        Assert.Contains("[sid-strict]", error.Message);
        Assert.Equal($"{Path}:3: [global] sections: names section [sid-strict], which piuparts.conf does not have", error.ToString());
    }

    [Fact]
    public void A_basetgz_section_that_does_not_exist_is_an_error()
    {
        var (_, errors) = PiupartsConf.Parse("[global]\nbasetgz-sections = tarball-bookworm\n", Path);

        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("basetgz-sections", error.Key);
    }

    [Fact]
    public void A_depends_sections_entry_that_does_not_exist_names_its_section_and_line()
    {
        const string text = """
            [global]
            sections = bookworm-backports
            [bookworm]
            [bookworm-backports]
            distro = bookworm-backports
            depends-sections = bookworm bookworm-security
            """;

        var (_, errors) = PiupartsConf.Parse(text, Path);

        var error = Assert.Single(errors);
        Assert.Equal($"{Path}:6: [bookworm-backports] depends-sections: names section [bookworm-security], which piuparts.conf does not have",
            error.ToString());
    }

    [Fact]
    public void Section_names_are_case_sensitive_when_checked()
    {
        var (_, errors) = PiupartsConf.Parse("[global]\nsections = Sid\n[sid]\n", Path);

        Assert.Contains("[Sid]", Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("max-reserved", "lots")]
    [InlineData("idle-sleep", "5m")]
    [InlineData("precedence", "1.5")]
    [InlineData("max-tgz-age", "")]
    [InlineData("slave-flush-interval", "1 2")]
    public void A_non_numeric_integer_key_names_line_section_and_key(string key, string value)
    {
        var (conf, errors) = PiupartsConf.Parse($"[global]\n[sid]\ndistro = sid\n{key} = {value}\n", Path);

        Assert.Null(conf);
        var error = Assert.Single(errors);
        Assert.Equal(4, error.Line);
        Assert.Equal("sid", error.Section);
        Assert.Equal(key, error.Key);
        Assert.Equal($"{Path}:4: [sid] {key}: '{value}' is not a whole number", error.ToString());
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("+5")]
    [InlineData("0")]
    [InlineData("2592000")]
    public void A_whole_number_with_a_sign_is_accepted(string value)
    {
        var (conf, errors) = PiupartsConf.Parse($"[global]\n[sid]\nmax-tgz-age = {value}\n", Path);

        Assert.Empty(errors);
        Assert.Equal(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture), conf!.Section("sid")!.Integer("max-tgz-age"));
    }

    [Fact]
    public void A_non_numeric_number_key_is_an_error_but_an_empty_one_is_not()
    {
        var (_, errors) = PiupartsConf.Parse("[global]\nslave-load-max =\n[sid]\nslave-load-max = high\n", Path);

        var error = Assert.Single(errors);
        Assert.Equal(("sid", "slave-load-max", 4), (error.Section, error.Key, error.Line));
    }

    [Fact]
    public void A_bad_global_number_is_reported_at_its_line_in_global()
    {
        var (_, errors) = PiupartsConf.Parse("[global]\nidle-sleep = never\n[sid]\n[bookworm]\n", Path);

        var error = Assert.Single(errors);
        Assert.Equal((SectionSettings.GlobalSection, 2), (error.Section, error.Line));
    }

    [Fact]
    public void A_bad_percent_in_a_known_key_is_an_error_at_its_line()
    {
        var (conf, errors) = PiupartsConf.Parse("[global]\n[sid]\ndescription = 50% of sid\n", Path);

        Assert.Null(conf);
        var error = Assert.Single(errors);
        Assert.Equal(("sid", "description", 3), (error.Section, error.Key, error.Line));
    }

    [Fact]
    public void An_unknown_key_is_only_a_warning()
    {
        var (conf, errors) = PiupartsConf.Parse("[global]\n[sid]\ndistor = sid\n", Path);

        Assert.Empty(errors);
        Assert.NotNull(conf);
        var warning = Assert.Single(conf.Warnings);
        Assert.Equal($"{Path}:3: [sid] distor: unknown key, ignored", warning.ToString());
    }

    [Fact]
    public void An_unknown_key_is_never_read_so_a_lone_percent_in_it_is_fine()
    {
        var (conf, errors) = PiupartsConf.Parse("[global]\n[sid]\nnote = 50% done\n", Path);

        Assert.Empty(errors);
        Assert.Equal("note", Assert.Single(conf!.Warnings).Key);
    }

    [Fact]
    public void Syntax_errors_come_from_the_ini_parser_with_their_lines()
    {
        var (conf, errors) = PiupartsConf.Parse("[global]\n[sid]\n[sid]\nnot a key\n", Path);

        Assert.Null(conf);
        Assert.Equal([3, 4], errors.Select(e => e.Line));
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var missing = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"piuparts-{Guid.NewGuid():N}.conf");

        var (conf, errors) = PiupartsConf.Load(missing);

        Assert.Null(conf);
        var error = Assert.Single(errors);
        Assert.Equal($"{missing}: no such file", error.ToString());
    }

    [Fact]
    public void Load_reads_the_file_and_distros_conf_is_expected_beside_it()
    {
        var directory = Directory.CreateTempSubdirectory("piuparts-conf-");
        try
        {
            var path = System.IO.Path.Combine(directory.FullName, "piuparts.conf");
            File.WriteAllText(path, "[global]\nsections = sid\n[sid]\ndistro = sid\n");

            var (conf, errors) = PiupartsConf.Load(path, "sections");

            Assert.Empty(errors);
            Assert.Equal(path, conf!.Path);
            Assert.Equal("sid", conf.Section("sid")!.Distro);
            Assert.Equal(System.IO.Path.Combine(directory.FullName, "distros.conf"), conf.DefaultDistrosPath);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
