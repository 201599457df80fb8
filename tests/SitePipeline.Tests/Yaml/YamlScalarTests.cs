using Piuparts.SitePipeline.Sources;
using Piuparts.SitePipeline.Yaml;

namespace Piuparts.SitePipeline.Tests.Yaml;

public sealed class YamlScalarTests
{
    [Theory]
    [InlineData("1.3.1-9", YamlScalarStyle.Plain)]
    [InlineData("3.134", YamlScalarStyle.SingleQuoted)]
    [InlineData("1:30", YamlScalarStyle.SingleQuoted)]
    [InlineData("yes", YamlScalarStyle.SingleQuoted)]
    [InlineData("a: b", YamlScalarStyle.SingleQuoted)]
    [InlineData("caf\u00e9", YamlScalarStyle.DoubleQuoted)]
    public void Strings_get_the_style_pyyaml_gives_them(string value, YamlScalarStyle style)
    {
        Assert.Equal(style, YamlScalar.StyleOf(value));
    }

    [Fact]
    public void Sources_yaml_quotes_versions_read_as_numbers_and_doubles_single_quotes()
    {
        SourceResult[] sources = [new("adduser", SourceVerdict.Unknown, "3.134"), new("abacas", SourceVerdict.Pass, "1.3.1-9"), new("q", SourceVerdict.Fail, "'1")];

        Assert.Equal(
            "- source: abacas\n  state: pass\n  version: 1.3.1-9\n" +
            "- source: adduser\n  state: unknown\n  version: '3.134'\n" +
            "- source: q\n  state: fail\n  version: '''1'\n",
            SourcesYaml.Render(sources));
    }

    [Fact]
    public void Sections_yaml_is_a_block_sequence_or_an_empty_flow_list()
    {
        Assert.Equal("- sid\n- '1.0'\n", SectionsYaml.Render(["sid", "1.0"]));
        Assert.Equal("[]\n", SectionsYaml.Render([]));
    }
}
