using System.Text.Json;
using Piuparts.Core.Tests.Support;
using Piuparts.SitePipeline.Sources;
using Piuparts.SitePipeline.Yaml;

namespace Piuparts.SitePipeline.Tests.Yaml;

/// <summary>sections.yaml and sources.yaml are the text PyYAML's yaml.dump(…, default_flow_style=False) gives.</summary>
public sealed class YamlDifferentialTests
{
    public static readonly string[] Tricky =
    [
        "yes", "Yes", "YES", "yEs", "no", "No", "NO", "y", "n", "on", "Off", "true", "False", "~", "null", "Null", "NULL", "nULL", "",
        "1:30", "1:3.1", "-1:30", "1:60", "0x1F", "0X1F", "0b101", "0b2", "017", "018", "0", "-0", "+5", "1_000", "1__0", "6.4", "1.10",
        "20220827.1", "1e5", "1.0e+5", "1.0e5", ".5", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "inf", "nan", "2023-01-01", "2023-1-1",
        "2023-01-01T10:00:00", "2023-01-01 10:00:00.5 +01:00", "2023-01-01t1:00:00Z", "-x", "- x", "-", "--", "---", "--- x", "...", "..x",
        "?", "?x", "? x", ":", ":x", ": x", "a: b", "a:b", "a:", "a #b", "a#b", "#a", ",a", "a,b", "[a]", "a[b]", "{a}", "a}", "&a", "*a",
        "!a", "|a", ">a", "'a", "\"a", "%a", "@a", "`a", "a'b", "a\"b", "it's", "<<", "=", "!", "&", "*", " lead", "trail ", "two  spaces",
        "tab\there", "a\nb", "a\n\nb", "a \nb", "a\n b", "\na", "a\n", "caf\u00e9", "\u00a0", "\u0085", "\u2028", "\ufeff", "\u007f",
        "\u0001", "\u001b", "\\", "a\\b", "emoji\U0001F600", "1.3.1-9", "2:1.2+dfsg-1~bpo12+1", "3.134", "1:2.3", "0.9",
        "1.0", "10", "09", "1:0.5", "1:2", "12:30:45", "1_0:3", "@", "%", "a@b", "x" + new string(' ', 3) + "y",
        string.Join(" ", Enumerable.Repeat("word", 40)), string.Join(" ", Enumerable.Repeat("it's", 40)),
        string.Join(" ", Enumerable.Repeat("caf\u00e9", 40)), string.Join("  ", Enumerable.Repeat("ab", 50)),
        new string('x', 100) + " " + new string('y', 100), string.Join(" ", Enumerable.Repeat("\u00e9", 60)),
        " " + string.Join(" ", Enumerable.Repeat("ab", 50)) + " ", string.Join(" ", Enumerable.Repeat("a\"b", 40)),
        string.Join("\n", Enumerable.Repeat("line", 3)), "yes " + string.Join(" ", Enumerable.Repeat("w", 100)),
    ];

    [Fact]
    public void Tricky_strings_are_quoted_as_pyyaml_quotes_them()
    {
        // Names sort as the file sorts them; a prefix keeps every tricky string a distinct source.
        var sources = Tricky.Select((t, i) => new SourceResult($"{i:D4}{t}", (SourceVerdict)(i % 3), t)).ToList();
        Compare(Tricky, sources);
        Compare(["sid"], Tricky.Distinct().Select(t => new SourceResult(t, SourceVerdict.Pass, "1")).ToList());
    }

    [Fact]
    public void Every_version_of_bookworm_is_written_as_pyyaml_writes_it()
    {
        using var directory = new TemporaryDirectory();
        var packages = directory.Combine("Packages");
        AptLists.DecodeLz4(AptLists.BookwormMainPackages(), packages);
        var sources = new List<SourceResult>();
        string? name = null;
        foreach (var line in File.ReadLines(packages))
        {
            if (line.StartsWith("Package: ", StringComparison.Ordinal))
                name = line["Package: ".Length..];
            else if (line.StartsWith("Version: ", StringComparison.Ordinal))
                sources.Add(new SourceResult(name!, (SourceVerdict)(sources.Count % 3), line["Version: ".Length..]));
        }
        Assert.True(sources.Count > 50_000);
        // Package names are unique in one index, so the order is fixed by the sort.
        Compare(sources.Select(s => s.Version).Distinct().Take(3000), sources);
    }

    [Fact]
    public void Empty_lists_are_written_in_flow_style()
    {
        Compare([], []);
    }

    private static void Compare(IEnumerable<string> sections, IReadOnlyList<SourceResult> sources)
    {
        var sorted = sources.OrderBy(s => s.Source, StringComparer.Ordinal).ToList();
        var job = JsonSerializer.Serialize(new
        {
            sections,
            sources = sorted.Select(s => new[] { s.Source, s.Verdict.Word(), s.Version }),
        });
        var output = DebianTools.Run(DebianTools.Python, [DebianTools.DataPath("Yaml", "yaml_driver.py")], job);
        var parts = output.Split('\0');

        AssertSameLines(parts[0], SectionsYaml.Render(sections));
        AssertSameLines(parts[1], SourcesYaml.Render(sources));
    }

    // The first differing line says more than two 3 MB strings.
    private static void AssertSameLines(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Min(e.Length, a.Length); i++)
            Assert.True(e[i] == a[i], $"line {i + 1}: PyYAML {JsonSerializer.Serialize(e[i])}, ours {JsonSerializer.Serialize(a[i])}");
        Assert.Equal(e.Length, a.Length);
    }
}
