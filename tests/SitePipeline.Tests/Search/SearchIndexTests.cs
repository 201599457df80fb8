using System.Text.Json;
using Piuparts.SitePipeline.Search;
using Piuparts.SitePipeline.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Search;

/// <summary>The search index of a section: every source, binary and maintainer with a page, in a script that search.js loads.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly SmallArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    private JsonElement Index()
    {
        _archive.Report();
        var script = _archive.Read("sid", SearchIndex.FileName);
        Assert.StartsWith("piupartsSearch.add({", script, StringComparison.Ordinal);
        Assert.EndsWith(");\n", script, StringComparison.Ordinal);
        return JsonDocument.Parse(script["piupartsSearch.add(".Length..^");\n".Length]).RootElement;
    }

    [Fact]
    public void The_index_lists_every_source_with_its_verdict_in_name_order()
    {
        var index = Index();

        var sources = index.GetProperty("sources").EnumerateArray().Select(s => $"{s[0].GetString()} {s[1].GetString()}").ToArray();

        Assert.Equal(["alpha pass", "beta fail", "c++pkg pass", "elsewhere pass", "gamma fail"], sources);
        Assert.Equal(1, index.GetProperty("version").GetInt32());
        Assert.Equal("sid", index.GetProperty("section").GetString());
    }

    [Fact]
    public void A_binary_points_to_its_source_and_its_state()
    {
        var index = Index();
        var sources = index.GetProperty("sources").EnumerateArray().Select(s => s[0].GetString()).ToArray();
        var states = index.GetProperty("states").EnumerateArray().Select(s => s.GetString()).ToArray();

        var binaries = index.GetProperty("binaries").EnumerateArray()
            .ToDictionary(b => b[0].GetString()!, b => (Source: sources[b[1].GetInt32()], State: states[b[2].GetInt32()]));

        Assert.Equal(["alpha", "c++pkg", "delta", "epsilon", "gamma", "libbeta1", "zeta"], binaries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("beta", "failed-testing"), binaries["libbeta1"]);
        Assert.Equal(("gamma", "dependency-failed-testing"), binaries["epsilon"]);
        Assert.Equal(("gamma", "dependency-does-not-exist"), binaries["zeta"]);
    }

    [Fact]
    public void The_index_lists_every_maintainer_and_uploader_address_once()
    {
        var index = Index();

        var maintainers = index.GetProperty("maintainers").EnumerateArray().Select(m => m.GetString()!).ToArray();

        Assert.Equal(["ann@example.org", "bob@example.org", "cy@example.org", "dee@example.org", "eve@example.org"], maintainers);
    }

    [Fact]
    public void Every_page_has_the_search_box_and_the_results_page_exists()
    {
        _archive.Report();

        var source = Html.Parse(_archive.Read("sid", "source", "a", "alpha.html"));
        var form = source.QuerySelector("form.search")!;

        Assert.Equal("../../../search.html", form.GetAttribute("action"));
        Assert.Equal("sid", form.GetAttribute("data-section"));
        Assert.NotNull(source.QuerySelector("script[src='../../../search.js']"));
        Assert.NotNull(Html.Parse(_archive.Read("search.html")).QuerySelector("#SearchResults[data-sections='sid']"));
        Assert.True(File.Exists(_archive.Page("search.js")));
    }
}
