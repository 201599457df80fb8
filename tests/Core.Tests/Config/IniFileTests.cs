using Piuparts.Core.Config;

namespace Piuparts.Core.Tests.Config;

public sealed class IniFileTests
{
    private static IniFile Parse(string text)
    {
        var (ini, errors) = IniParser.Parse(text, "test.ini");
        Assert.Empty(errors);
        return ini!;
    }

    [Fact]
    public void Lookups_fold_the_key_but_not_the_section()
    {
        var ini = Parse("[Sid]\nDistro = sid\n");

        Assert.Equal("sid", ini.Get("Sid", "DISTRO").Value);
        Assert.Equal("sid", ini.Raw("Sid", "distro")?.Raw);
        Assert.True(ini.HasSection("Sid"));
        Assert.False(ini.HasSection("sid"));
    }

    [Fact]
    public void Keys_lists_the_sections_own_keys_first_then_the_DEFAULT_keys_it_does_not_set()
    {
        var ini = Parse("[DEFAULT]\nb = 1\nc = 2\n[s]\nc = 3\na = 4\n");

        Assert.Equal(["c", "a", "b"], ini.Keys("s"));
        Assert.Equal(["b", "c"], ini.Keys(IniFile.DefaultSection));
    }

    [Fact]
    public void An_unset_key_is_null_without_an_error()
    {
        var ini = Parse("[s]\na = 1\n");

        Assert.Equal((null, null), ini.Get("s", "b"));
        Assert.Null(ini.Raw("s", "b"));
    }

    [Fact]
    public void A_DEFAULT_value_is_interpolated_with_the_keys_of_the_section_read()
    {
        var ini = Parse("[DEFAULT]\nlog = %(name)s/master.log\nname = default\n[sid]\nname = sid\n[bookworm]\n");

        Assert.Equal("sid/master.log", ini.Get("sid", "log").Value);
        Assert.Equal("default/master.log", ini.Get("bookworm", "log").Value);
        Assert.Equal("default/master.log", ini.Get(IniFile.DefaultSection, "log").Value);
    }

    [Fact]
    public void An_interpolation_error_names_the_section_read_and_the_line_of_the_failing_value()
    {
        var ini = Parse("[DEFAULT]\ndescription = 50% done\n[sid]\ndistro = sid\n");

        var (value, error) = ini.Get("sid", "description");

        Assert.Null(value);
        Assert.NotNull(error);
        Assert.Equal(2, error.Line);
        Assert.Equal("sid", error.Section);
        Assert.Equal("description", error.Key);
        Assert.StartsWith("test.ini:2: [sid] description: ", error.ToString());
        Assert.Contains("%%", error.Message);
    }

    [Fact]
    public void A_reference_to_an_unset_key_quotes_it_as_written()
    {
        var ini = Parse("[sid]\nlog = %(Missing)s.log\n");

        var error = ini.Get("sid", "log").Error;

        Assert.NotNull(error);
        Assert.Contains("%(Missing)s", error.Message);
    }

    [Fact]
    public void A_reference_loop_is_an_error_not_a_hang()
    {
        var ini = Parse("[s]\na = %(b)s\nb = %(a)s\n");

        Assert.NotNull(ini.Get("s", "a").Error);
        Assert.NotNull(ini.Get("s", "b").Error);
    }

    [Fact]
    public void The_raw_value_is_not_interpolated()
    {
        var ini = Parse("[s]\nroot = /srv\npath = %(root)s/x 100%%\n");

        Assert.Equal("%(root)s/x 100%%", ini.Raw("s", "path")?.Raw);
        Assert.Equal("/srv/x 100%", ini.Get("s", "path").Value);
    }

    [Fact]
    public void An_empty_file_has_nothing_in_it()
    {
        var ini = IniFile.Empty("none.ini");

        Assert.Equal("none.ini", ini.Path);
        Assert.Empty(ini.SectionNames);
        Assert.Equal((null, null), ini.Get("sid", "distro"));
    }
}
