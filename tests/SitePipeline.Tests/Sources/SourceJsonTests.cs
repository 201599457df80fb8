using System.Text.Json;
using System.Text.Json.Nodes;
using Piuparts.SitePipeline.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Sources;

/// <summary>Each source page's JSON twin: valid against docs/source.schema.json, and saying what the page says.</summary>
public sealed class SourceJsonTests(SampleSite sample) : IClassFixture<SampleSite>
{
    private static JsonSchemaSubset Schema() => JsonSchemaSubset.Load(Path.Combine(AppContext.BaseDirectory, "docs", "source.schema.json"));

    [Fact]
    public void Every_source_json_of_the_sample_site_is_valid_against_the_schema()
    {
        Assert.True(sample.ExitCode == 0, sample.Error);
        var schema = Schema();
        var files = Directory.GetFiles(sample.Site, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetRelativePath(sample.Site, f).Split('/') is [_, "source", _, _]).ToArray();

        var pages = Directory.GetFiles(sample.Site, "*.html", SearchOption.AllDirectories)
            .Count(f => Path.GetRelativePath(sample.Site, f).Split('/') is [_, "source", _, _]);
        Assert.Equal(pages, files.Length);
        Assert.All(files, file => Assert.Empty(schema.Errors(JsonDocument.Parse(File.ReadAllText(file)).RootElement)));
    }

    [Fact]
    public void Each_source_page_has_its_json_beside_it()
    {
        var pages = Directory.GetFiles(Path.Combine(sample.Site, "bookworm", "source"), "*.html", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "index.html");

        Assert.All(pages, page => Assert.True(File.Exists(Path.ChangeExtension(page, ".json")), page));
    }

    [Fact]
    public void The_json_of_a_source_gives_its_binaries_states_logs_known_problems_and_history()
    {
        var atlas = JsonDocument.Parse(File.ReadAllText(sample.Page("bookworm/source/a/atlas.json"))).RootElement;

        var dev = atlas.GetProperty("binaries").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "libatlas-base-dev");
        Assert.Equal("fail", atlas.GetProperty("verdict").GetString());
        Assert.Equal("failed-testing", dev.GetProperty("state").GetString());
        Assert.True(dev.GetProperty("bug_filed").GetBoolean());
        Assert.Equal("../../bugged/libatlas-base-dev_3.10.3-13.log", dev.GetProperty("logs")[0].GetProperty("url").GetString());
        Assert.Equal("owned_files_after_purge_error", dev.GetProperty("known_problems")[0].GetProperty("problem").GetString());
        Assert.True(File.Exists(Path.Combine(sample.Site, "bookworm/source/a", dev.GetProperty("logs")[0].GetProperty("url").GetString()!)));
        Assert.Equal(3, atlas.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public void The_schema_check_reports_a_missing_an_unexpected_and_a_wrong_member()
    {
        var atlas = JsonNode.Parse(File.ReadAllText(sample.Page("bookworm/source/a/atlas.json")))!.AsObject();
        atlas["verdict"] = "broken";
        atlas["pages"] = atlas["page"]!.GetValue<string>();
        atlas.Remove("page");

        var errors = Schema().Errors(JsonDocument.Parse(atlas.ToJsonString()).RootElement);

        Assert.Equal(["$: unexpected \"pages\"", "$: no \"page\"", "$.verdict: broken is not one of [\"pass\", \"fail\", \"unknown\"]"], errors);
    }
}
