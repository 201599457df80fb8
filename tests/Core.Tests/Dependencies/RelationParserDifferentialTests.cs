using System.Text.Json;
using Piuparts.Core.Archive;
using Piuparts.Core.Dependencies;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Dependencies;

/// <summary>Our relation parser against piuparts' own (piupartslib.dependencyparser) on the same texts.</summary>
public class RelationParserDifferentialTests
{
    private static readonly string[] RelationFields =
        ["Depends", "Pre-Depends", "Provides", "Recommends", "Suggests", "Conflicts", "Breaks", "Replaces", "Enhances"];

    private static List<JsonElement> ParseWithPiuparts(IReadOnlyList<string> texts)
    {
        var output = DebianTools.Run(DebianTools.Python, [DebianTools.DataPath("Dependencies", "piuparts-parse.py")],
            stdin: JsonSerializer.Serialize(texts));
        return JsonSerializer.Deserialize<List<JsonElement>>(output)!;
    }

    private static string[][][] Shape(IReadOnlyList<RelationGroup> groups) =>
        groups.Select(g => g.Alternatives.Select(r => new[] { r.Name, r.Operator ?? "", r.Version ?? "" }).ToArray()).ToArray();

    private static string[][][] Shape(JsonElement groups) =>
        groups.EnumerateArray().Select(g => g.EnumerateArray()
            .Select(d => d.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()).ToArray()).ToArray();

    [Fact]
    public void Every_relation_field_of_the_bookworm_excerpt_parses_as_piuparts_parses_it()
    {
        var index = BookwormExcerpt.Load();
        var texts = index.InOrder
            .SelectMany(p => RelationFields.Select(f => p.Paragraph[f]).OfType<string>())
            .Distinct().ToList();

        var theirs = ParseWithPiuparts(texts);

        Assert.True(texts.Count > 2500, $"only {texts.Count} fields in the excerpt");
        for (int i = 0; i < texts.Count; i++)
        {
            var ours = RelationParser.Parse(texts[i]);
            Assert.True(ours.Succeeded, ours.Describe("field", texts[i]));
            Assert.False(theirs[i].TryGetProperty("error", out var error), $"piuparts rejects '{texts[i]}': {error}");
            Assert.Equal(Shape(theirs[i].GetProperty("groups")), Shape(ours.Groups));
        }
    }

    [Fact]
    public void What_piuparts_rejects_we_reject_too_except_restrictions_and_profiles()
    {
        string[] rejectedByBoth = ["foo bar", "a", "aa, , bb", ", aa", "foo:", "foo (>= )", "foo (>= 1", "${shlibs:Depends}", "aa,,"];
        string[] acceptedOnlyByUs = ["foo [amd64]", "foo <!nocheck>"];

        var theirs = ParseWithPiuparts([.. rejectedByBoth, .. acceptedOnlyByUs]);

        for (int i = 0; i < rejectedByBoth.Length; i++)
        {
            Assert.True(theirs[i].TryGetProperty("error", out _), $"piuparts accepts '{rejectedByBoth[i]}'");
            Assert.False(RelationParser.Parse(rejectedByBoth[i]).Succeeded, $"we accept '{rejectedByBoth[i]}'");
        }
        for (int i = 0; i < acceptedOnlyByUs.Length; i++)
        {
            Assert.True(theirs[rejectedByBoth.Length + i].TryGetProperty("error", out _));
            Assert.True(RelationParser.Parse(acceptedOnlyByUs[i]).Succeeded);
        }
    }
}
