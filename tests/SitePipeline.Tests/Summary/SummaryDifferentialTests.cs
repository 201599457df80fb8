using System.Text.Json;
using Piuparts.Core.Tests.Support;
using Piuparts.SitePipeline.Sources;
using Piuparts.SitePipeline.Summary;

namespace Piuparts.SitePipeline.Tests.Summary;

/// <summary>
/// The same additions and merges through Debian's piupartslib.pkgsummary and through ours give
/// byte-identical summary.json files (the date fed to both).
/// </summary>
public sealed class SummaryDifferentialTests
{
    private const string Date = "Tue Nov 4 04:39:35 UTC 2026";

    private static readonly string[] Sources =
    [
        "0ad", "abacas", "adduser", "libc6", "libreoffice", "zz-top", "überpkg", "日本語", "emoji😀", "e\u0301",
        "quote\"back\\slash", "tab\there", "ctl\u0001\u007f", "A", "a", "lib", "\uE000private", "\U0001F600first",
    ];

    private static readonly string[] Names = ["unstable", "testing", "stable", "oldstable", "experimental", "overall", "sid-strict", "ünïcode"];

    private static readonly string[] Flags = ["F", "X", "W", "P", "-"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Section_and_global_summaries_are_byte_identical_to_piupartslib(int seed)
    {
        var random = new Random(seed);
        var sections = Enumerable.Range(0, 4).Select(i => (Name: $"section{i}", Adds: Additions(random))).ToList();
        var order = sections.Select(s => s.Name).Reverse().Append("missing-section").ToList();

        using var theirs = new TemporaryDirectory();
        using var ours = new TemporaryDirectory();
        var job = new
        {
            date = Date,
            @out = theirs.Path,
            sections = sections.Select(s => new { name = s.Name, adds = s.Adds.Select(a => new object[] { a.Name, a.Source, a.Flag, a.Count, a.Url }) }),
            order,
        };
        DebianTools.Run(DebianTools.Python, [DebianTools.DataPath("Summary", "pkgsummary_driver.py")], JsonSerializer.Serialize(job));

        foreach (var (name, adds) in sections)
        {
            var summary = new PackageSummary(Date);
            foreach (var a in adds)
            {
                Assert.True(SummaryFlags.TryParse(a.Flag, out var flag));
                summary.Add(a.Source, a.Name, flag, a.Count, a.Url);
            }
            Directory.CreateDirectory(ours.Combine(name));
            SummaryJson.Write(summary, ours.Combine(name, "summary.json"));
        }
        var merged = GlobalSummary.Merge(ours.Path, order, Date, out var errors);
        Assert.Empty(errors);
        Assert.NotEmpty(merged.Packages);
        SummaryJson.Write(merged, ours.Combine("summary.json"));

        foreach (var file in sections.Select(s => Path.Combine(s.Name, "summary.json")).Append("summary.json"))
            Assert.Equal(File.ReadAllText(theirs.Combine(file)), File.ReadAllText(ours.Combine(file)));
    }

    [Fact]
    public void An_empty_summary_is_byte_identical_to_piupartslib()
    {
        using var theirs = new TemporaryDirectory();
        var job = new { date = Date, @out = theirs.Path, sections = Array.Empty<object>(), order = Array.Empty<string>() };
        DebianTools.Run(DebianTools.Python, [DebianTools.DataPath("Summary", "pkgsummary_driver.py")], JsonSerializer.Serialize(job));

        Assert.Equal(File.ReadAllBytes(theirs.Combine("summary.json")), SummaryJson.Serialize(new PackageSummary(Date)));
    }

    private static List<(string Name, string Source, string Flag, int Count, string Url)> Additions(Random random)
    {
        var adds = new List<(string, string, string, int, string)>();
        var count = random.Next(0, 60);
        for (int i = 0; i < count; i++)
        {
            var source = Sources[random.Next(Sources.Length)];
            var url = random.Next(4) == 0
                ? $"http://example.org/ü/{source}?x={random.Next(100)}"
                : SourcePage.SummaryUrl("piuparts.example.net", "/doc", "sid", source) + $"#{random.Next(3)}";
            adds.Add((Names[random.Next(Names.Length)], source, Flags[random.Next(Flags.Length)],
                random.Next(3) == 0 ? random.Next(0, 500) : 0, url));
        }
        return adds;
    }
}
