using Piuparts.Core.Config;

namespace Piuparts.Core.Tests.Config;

/// <summary>What IniParser reports besides the values (those are checked against Python in IniParserDifferentialTests).</summary>
public sealed class IniParserTests
{
    [Fact]
    public void Every_malformed_line_is_reported_not_only_the_first()
    {
        const string text = """
            [global]
            sections = sid
            no separator here
            [sid]
            distro = sid
            distro = bookworm
            [global]
            = no key
            """;

        var (ini, errors) = IniParser.Parse(text, "piuparts.conf");

        Assert.Null(ini);
        Assert.Equal([3, 6, 7, 8], errors.Select(e => e.Line));
        Assert.All(errors, e => Assert.Equal("piuparts.conf", e.File));
    }

    [Fact]
    public void A_duplicate_section_error_names_the_section()
    {
        var (_, errors) = IniParser.Parse("[sid]\n[bookworm]\n[sid]\n", "p.conf");

        var error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("sid", error.Section);
        Assert.Null(error.Key);
        Assert.StartsWith("p.conf:3: [sid]: ", error.ToString());
    }

    [Fact]
    public void A_duplicate_key_error_names_section_and_the_folded_key()
    {
        var (_, errors) = IniParser.Parse("[sid]\nArea = main\nAREA = contrib\n", "p.conf");

        var error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("sid", error.Section);
        Assert.Equal("area", error.Key);
        Assert.StartsWith("p.conf:3: [sid] area: ", error.ToString());
    }

    [Fact]
    public void The_same_key_in_two_sections_is_no_duplicate()
    {
        var (ini, errors) = IniParser.Parse("[DEFAULT]\narea = main\n[sid]\narea = contrib\n[bookworm]\narea = non-free\n", "p.conf");

        Assert.Empty(errors);
        Assert.Equal("contrib", ini!.Get("sid", "area").Value);
        Assert.Equal("non-free", ini.Get("bookworm", "area").Value);
    }

    [Fact]
    public void A_key_before_any_header_is_an_error_that_quotes_the_line()
    {
        var (ini, errors) = IniParser.Parse("# comment\n\ndistro = sid\n[sid]\n", "p.conf");

        Assert.Null(ini);
        var error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("distro = sid", error.Message);
    }

    [Fact]
    public void Values_remember_the_section_and_line_where_they_were_written()
    {
        var (ini, errors) = IniParser.Parse("[DEFAULT]\narea = main\n\n[sid]\ndistro = sid\nlist = a\n  b\n", "p.conf");

        Assert.Empty(errors);
        Assert.Equal(new IniValue("sid", "sid", "distro", 5), ini!.Raw("sid", "distro"));
        Assert.Equal(new IniValue("a\nb", "sid", "list", 6), ini.Raw("sid", "list"));
        Assert.Equal(new IniValue("main", IniFile.DefaultSection, "area", 2), ini.Raw("sid", "area"));
    }

    [Fact]
    public void An_empty_text_is_a_file_without_sections()
    {
        var (ini, errors) = IniParser.Parse("", "p.conf");

        Assert.Empty(errors);
        Assert.Empty(ini!.SectionNames);
        Assert.Empty(ini.Keys(IniFile.DefaultSection));
    }

    [Fact]
    public void Section_names_come_in_file_order_without_DEFAULT()
    {
        var (ini, _) = IniParser.Parse("[zz]\n[DEFAULT]\n[aa]\n[global]\n", "p.conf");

        Assert.Equal(["zz", "aa", "global"], ini!.SectionNames);
        Assert.False(ini.HasSection(IniFile.DefaultSection));
    }
}
