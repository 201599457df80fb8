using Piuparts.SitePipeline.Modules;
using Piuparts.SitePipeline.Rendering;
using Piuparts.SitePipeline.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Modules;

/// <summary>State pages: a big list is rendered in pieces and joined, with the same bytes.</summary>
public sealed class RenderSectionPagesTests
{
    private static RenderSectionPages.StatePageModel Model()
    {
        var libc = new RenderSectionPages.DependencyEntry("libc6", "state-successfully-tested.html#libc6", "successfully-tested", false, [], []);
        var mail = new RenderSectionPages.DependencyEntry("mail-transport-agent", null, "unknown", true,
            [new("exim4", "state-failed-testing.html#exim4", "failed-testing", true, [], [])], []);
        var packages = Enumerable.Range(0, 7).Select(i => new RenderSectionPages.StateEntry(
            $"pkg{i}", $"pkg{i}", $"source/p/pkg{i}.html", i % 2 == 0, i == 3, i, i / 2, i == 5 ? null : "Ann <ann@example.org>",
            i % 3 == 0 ? [libc, mail with { Alternatives = [libc] }] : [])).ToArray();
        return new RenderSectionPages.StatePageModel("sid", "dependency-failed-testing", true, packages);
    }

    [Fact]
    public void A_state_page_rendered_in_pieces_is_the_same_as_rendered_in_one()
    {
        var (templates, errors) = TemplateSet.Load();
        Assert.Empty(errors);

        var whole = RenderSectionPages.StateBody(templates!, Model(), rowsPerPiece: 1000);

        Assert.Equal(whole, RenderSectionPages.StateBody(templates!, Model(), rowsPerPiece: 2));
        Assert.Equal(whole, RenderSectionPages.StateBody(templates!, Model(), rowsPerPiece: 1));
        var list = Html.Parse($"<html><body>{whole}</body></html>").QuerySelectorAll("ul.packages > li");
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"pkg{i}"), list.Select(li => li.Id));
        Assert.Contains("<p class=\"count\">7 packages.", whole, StringComparison.Ordinal);
    }
}
