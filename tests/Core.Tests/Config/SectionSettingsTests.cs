using Piuparts.Core.Config;

namespace Piuparts.Core.Tests.Config;

/// <summary>Per-section lookups (config.md §2): section or [DEFAULT], else [global], else the built-in default.</summary>
public sealed class SectionSettingsTests
{
    private static PiupartsConf Parse(string text)
    {
        var (conf, errors) = PiupartsConf.Parse(text, "piuparts.conf");
        Assert.Empty(errors);
        return conf!;
    }

    private static SectionSettings Section(string text, string name = "sid") => Parse(text).Section(name)!;

    [Fact]
    public void A_key_missing_in_a_section_falls_back_to_global()
    {
        var sid = Section("[global]\nmirror = http://deb.debian.org/debian\nmax-reserved = 50\n[sid]\ndistro = sid\n");

        Assert.Equal("http://deb.debian.org/debian", sid.Mirror);
        Assert.Equal(50, sid.Integer("max-reserved"));
        Assert.Equal(new SettingValue("mirror", "http://deb.debian.org/debian", SettingOrigin.Global, 2), sid.Lookup("mirror"));
    }

    [Fact]
    public void A_key_set_in_the_section_beats_global()
    {
        var sid = Section("[global]\narea = main\n[sid]\narea = contrib\n");

        Assert.Equal("contrib", sid.Area);
        Assert.Equal(new SettingValue("area", "contrib", SettingOrigin.Section, 4), sid.Lookup("area"));
    }

    [Fact]
    public void A_DEFAULT_key_beats_global()
    {
        var conf = Parse("[DEFAULT]\nidle-sleep = 60\n[global]\nidle-sleep = 600\n[sid]\n");

        var sid = conf.Section("sid")!;

        Assert.Equal(60, sid.Integer("idle-sleep"));
        Assert.Equal(new SettingValue("idle-sleep", "60", SettingOrigin.Default, 2), sid.Lookup("idle-sleep"));
        // [global] itself sees its own value, which beats [DEFAULT] like in any section.
        Assert.Equal(600, conf.Global.Integer("idle-sleep"));
    }

    [Fact]
    public void A_key_set_in_the_section_beats_DEFAULT()
    {
        var sid = Section("[DEFAULT]\narea = contrib\n[global]\n[sid]\narea = non-free\n");

        Assert.Equal("non-free", sid.Area);
    }

    [Fact]
    public void A_global_value_is_interpolated_in_global_not_in_the_section()
    {
        var sid = Section("[global]\nname = global\nlog-file = %(name)s.log\n[sid]\nname = sid\n");

        Assert.Equal("global.log", sid["log-file"]);
    }

    [Theory]
    [InlineData("area", "main")]
    [InlineData("max-reserved", "1")]
    [InlineData("idle-sleep", "300")]
    [InlineData("precedence", "1")]
    [InlineData("max-tgz-age", "2592000")]
    [InlineData("min-tgz-retry-delay", "21600")]
    [InlineData("slave-flush-interval", "0")]
    [InlineData("piuparts-command", "sudo piuparts")]
    [InlineData("piuparts-flags", "")]
    [InlineData("basetgz-directory", ".")]
    [InlineData("keep-sources-list", "no")]
    [InlineData("debug", "no")]
    [InlineData("json-sections", "default")]
    [InlineData("reschedule-old-days", "180")]
    [InlineData("reschedule-old-count", "200")]
    [InlineData("reschedule-fail-days", "30")]
    [InlineData("reschedule-fail-count", "25")]
    [InlineData("expire-old-days", "0")]
    [InlineData("expire-fail-days", "0")]
    [InlineData("auto-reschedule", "yes")]
    public void A_key_set_nowhere_has_its_built_in_default(string key, string expected)
    {
        var sid = Section("[global]\n[sid]\n");

        Assert.Equal(new SettingValue(key, expected, SettingOrigin.BuiltIn, 0), sid.Lookup(key));
        Assert.Equal(expected, ConfigKeys.Find(key)?.Default);
    }

    [Theory]
    [InlineData("mirror")]
    [InlineData("distro")]
    [InlineData("arch")]
    [InlineData("master-host")]
    [InlineData("master-command")]
    [InlineData("tmpdir")]
    [InlineData("slave-load-max")]
    [InlineData("log-file")]
    public void A_key_without_a_default_is_unset(string key)
    {
        var sid = Section("[global]\n[sid]\n");

        Assert.Null(sid[key]);
        Assert.Null(sid.NonEmpty(key));
        Assert.Equal(SettingOrigin.BuiltIn, sid.Lookup(key).Origin);
    }

    [Fact]
    public void The_built_in_piuparts_command_is_two_words()
    {
        var sid = Section("[global]\n[sid]\n");

        Assert.Equal(["sudo", "piuparts"], sid.Words("piuparts-command"));
    }

    [Fact]
    public void A_global_only_key_is_not_inherited_by_a_section()
    {
        var conf = Parse("[global]\nmaster-directory = /srv/master\n[sid]\n");

        Assert.Equal("/srv/master", conf.MasterDirectory);
        Assert.Null(conf.Section("sid")!["master-directory"]);
    }

    [Fact]
    public void An_unknown_key_is_looked_up_like_a_section_key()
    {
        var sid = Section("[global]\nfavourite-colour = blue\n[sid]\n");

        Assert.Equal(new SettingValue("favourite-colour", "blue", SettingOrigin.Global, 2), sid.Lookup("favourite-colour"));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("true", true)]
    [InlineData("Yes", false)]
    [InlineData("TRUE", false)]
    [InlineData("1", false)]
    [InlineData("on", false)]
    [InlineData("no", false)]
    [InlineData("", false)]
    [InlineData("yes please", false)]
    public void A_flag_is_on_only_for_the_exact_words_yes_and_true(string value, bool expected)
    {
        var sid = Section($"[global]\n[sid]\nkeep-sources-list = {value}\n");

        Assert.Equal(expected, sid.Flag("keep-sources-list"));
    }

    [Fact]
    public void A_flag_default_applies_when_the_flag_is_unset()
    {
        var sid = Section("[global]\n[sid]\n");

        Assert.False(sid.Flag("keep-sources-list"));
        Assert.False(sid.Flag("debug"));
        Assert.True(sid.Flag("auto-reschedule"));
    }

    [Fact]
    public void A_flag_falls_back_to_global_too()
    {
        var sid = Section("[global]\ndebug = yes\n[sid]\n");

        Assert.True(sid.Flag("debug"));
    }

    // distro, upgrade-test-distros ("-" = key not written) -> Distro, StartDistro, FinalDistro, DistroList (config.md §2).
    [Theory]
    [InlineData("sid", "-", "sid", "sid", "sid", "")]
    [InlineData("-", "bookworm trixie", "trixie", "bookworm", "trixie", "bookworm trixie")]
    [InlineData("sid", "bookworm trixie", "sid", "bookworm", "trixie", "bookworm trixie")]
    [InlineData("", "bullseye bookworm trixie", "trixie", "bullseye", "trixie", "bullseye bookworm trixie")]
    [InlineData("sid", "", "sid", "sid", "sid", "")]
    [InlineData("None", "-", "None", "None", "None", "")]
    [InlineData("-", "trixie", "trixie", "trixie", "trixie", "trixie")]
    [InlineData("-", "-", null, null, null, "")]
    [InlineData("", "", null, null, null, "")]
    public void Distro_start_and_final_distro_follow_piuparts_conf_py(string distro, string upgradeTestDistros,
        string? expectedDistro, string? expectedStart, string? expectedFinal, string expectedList)
    {
        var text = "[global]\n[s]\n";
        if (distro != "-")
            text += $"distro = {distro}\n";
        if (upgradeTestDistros != "-")
            text += $"upgrade-test-distros = {upgradeTestDistros}\n";

        var section = Section(text, "s");

        Assert.Equal(expectedDistro, section.Distro);
        Assert.Equal(expectedStart, section.StartDistro);
        Assert.Equal(expectedFinal, section.FinalDistro);
        Assert.Equal(expectedList.Split(' ', StringSplitOptions.RemoveEmptyEntries), section.DistroList);
    }

    [Fact]
    public void Upgrade_test_distros_may_span_lines()
    {
        var section = Section("[global]\n[s]\nupgrade-test-distros =\n  bullseye\n  bookworm\n\n  trixie\n", "s");

        Assert.Equal(["bullseye", "bookworm", "trixie"], section.DistroList);
        Assert.Equal("trixie", section.Distro);
    }

    [Fact]
    public void An_empty_area_is_main_and_an_unset_arch_is_this_machines()
    {
        var section = Section("[global]\n[s]\narea =\n", "s");

        Assert.Equal("main", section.Area);
        Assert.Equal(HostArchitecture.Name, section.Arch);
    }

    [Fact]
    public void Arch_and_area_come_from_the_file_when_set()
    {
        var section = Section("[global]\narch = i386\n[s]\narea = non-free-firmware\n", "s");

        Assert.Equal("non-free-firmware", section.Area);
        Assert.Equal("i386", section.Arch);
    }

    [Fact]
    public void A_number_key_is_null_when_unset_or_empty()
    {
        var conf = Parse("[global]\n[a]\nslave-load-max =\n[b]\nslave-load-max = 2.5\n[c]\n");

        Assert.Null(conf.Section("a")!.Number("slave-load-max"));
        Assert.Equal(2.5, conf.Section("b")!.Number("slave-load-max"));
        Assert.Null(conf.Section("c")!.Number("slave-load-max"));
    }

    [Fact]
    public void Depends_sections_is_a_word_list()
    {
        var conf = Parse("[global]\n[sid]\n[bookworm]\n[s]\ndepends-sections = sid\n  bookworm\n");

        Assert.Equal(["sid", "bookworm"], conf.Section("s")!.DependsSections);
        Assert.Empty(conf.Section("sid")!.DependsSections);
    }
}
