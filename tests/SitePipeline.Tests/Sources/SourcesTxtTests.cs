using Piuparts.Core.Tests.Support;
using Piuparts.SitePipeline.Sources;

namespace Piuparts.SitePipeline.Tests.Sources;

public sealed class SourcesTxtTests
{
    [Fact]
    public void Each_source_gets_a_line_with_its_verdict_sorted_by_ordinal_name()
    {
        SourceResult[] sources = [new("b", SourceVerdict.Fail, "1"), new("B", SourceVerdict.Pass, "1"), new("a", SourceVerdict.Unknown, "1")];

        Assert.Equal("B: pass\na: unknown\nb: fail\n", SourcesTxt.Render(sources));
    }

    [Fact]
    public void The_file_is_replaced_whole()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine(SourcesTxt.FileName);
        File.WriteAllText(path, "old: pass\nlonger old content\n");

        SourcesTxt.Write(path, [new("x", SourceVerdict.Pass, "1")]);

        Assert.Equal("x: pass\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(directory.Path));
    }

    [Theory]
    [InlineData("libfoo", "libf")]
    [InlineData("lib", "lib")]
    [InlineData("zsh", "z")]
    [InlineData("\U0001F600x", "\U0001F600")]
    public void Source_pages_live_under_the_first_character_or_the_first_four_of_lib_names(string source, string subdirectory)
    {
        Assert.Equal(subdirectory, SourcePage.Subdirectory(source));
    }
}
