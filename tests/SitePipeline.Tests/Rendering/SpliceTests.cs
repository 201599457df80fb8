using System.Text;
using Piuparts.SitePipeline.Rendering;

namespace Piuparts.SitePipeline.Tests.Rendering;

public sealed class SpliceTests
{
    [Fact]
    public void A_body_spliced_into_the_hole_gives_the_bytes_of_the_page_rendered_with_it()
    {
        var (before, after) = Splice.Around($"<main>é{Splice.Hole}</main>ü");

        var page = Splice.Join([before, Encoding.UTF8.GetBytes("<p>a</p>"), Array.Empty<byte>(), Encoding.UTF8.GetBytes("<p>ß</p>"), after]);

        Assert.Equal("<main>é<p>a</p><p>ß</p></main>ü", Encoding.UTF8.GetString(page));
    }

    [Theory]
    [InlineData("<main></main>")]
    [InlineData("<main>" + Splice.Hole + Splice.Hole + "</main>")]
    public void A_template_that_drops_or_repeats_the_hole_is_an_error(string rendered)
    {
        Assert.Throws<InvalidOperationException>(() => Splice.Around(rendered));
    }
}
