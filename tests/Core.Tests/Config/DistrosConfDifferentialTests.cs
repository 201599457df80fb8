using System.Text;
using System.Text.Json;
using Piuparts.Core.Archive;
using Piuparts.Core.Config;

namespace Piuparts.Core.Tests.Config;

/// <summary>
/// DistrosConf and ArchiveLayout against piuparts' own piupartslib.conf.DistroConfig: for every
/// distribution a distros.conf names (its blocks and every name in depends and candidates),
/// Expand, Candidates and the Packages and Sources URLs of a section with that distro must be
/// what piuparts computes. Where piuparts fails (its assertion that a virtual distribution has
/// a real one behind it) or builds a URL starting with "None" (no mirror anywhere, fatal in the
/// master), piuparts-site must report an error: an empty Expand, an error from ArchiveLayout.
/// </summary>
public sealed class DistrosConfDifferentialTests(DistroConfigOracle python) : IClassFixture<DistroConfigOracle>
{
    private const string Failed = "!error";

    public static TheoryData<string, bool> HandMadeFiles
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var file in DistroConfigOracle.HandMadeFiles)
            {
                data.Add(file, true);
                data.Add(file, false);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(HandMadeFiles))]
    public void A_hand_made_distros_conf_gives_the_answers_of_DistroConfig(string file, bool withMirror) =>
        Compare(file, ConfigTestData.PathOf(file), withMirror);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Debians_shipped_distros_conf_gives_the_answers_of_DistroConfig(bool withMirror) =>
        Compare(DistrosConf.DefaultPath, DistrosConf.DefaultPath, withMirror);

    private void Compare(string file, string path, bool withMirror)
    {
        var answers = python.Answers(file, withMirror);
        var names = answers.EnumerateObject().Select(a => a.Name).ToList();
        Assert.True(names.Count >= 5, $"DistroConfig names only {names.Count} distributions in {file}");

        var (distros, errors) = DistrosConf.Load(path);
        Assert.Empty(errors);
        Assert.NotNull(distros);
        var conf = SectionsFor(names, withMirror);

        Assert.Equal(RenderPython(answers, withMirror), RenderOurs(names, distros, conf));
    }

    /// <summary>A piuparts.conf with one section per distribution: s0 tests names[0], and so on.</summary>
    private static PiupartsConf SectionsFor(IReadOnlyList<string> names, bool withMirror)
    {
        var text = new StringBuilder("[global]\n");
        text.Append("area = ").Append(DistroConfigOracle.Area).Append('\n');
        text.Append("arch = ").Append(DistroConfigOracle.Arch).Append('\n');
        if (withMirror)
            text.Append("mirror = ").Append(DistroConfigOracle.Mirror).Append('\n');
        for (int i = 0; i < names.Count; i++)
            text.Append("[s").Append(i).Append("]\ndistro = ").Append(names[i]).Append('\n');
        var (conf, errors) = PiupartsConf.Parse(text.ToString(), "generated-piuparts.conf");
        Assert.Empty(errors);
        return conf!;
    }

    private static string RenderPython(JsonElement answers, bool withMirror)
    {
        var text = new StringBuilder();
        foreach (var distro in answers.EnumerateObject())
        {
            text.Append(distro.Name).Append('\n');
            Append(text, "expand", Words(distro.Value.GetProperty("expand")));
            Append(text, "candidates", Words(distro.Value.GetProperty("candidates")));
            Append(text, "packages", Urls(distro.Value.GetProperty("packages"), withMirror));
            Append(text, "sources", Urls(distro.Value.GetProperty("sources"), withMirror));
        }
        return text.ToString();

        static IReadOnlyList<string>? Words(JsonElement answer) =>
            answer.ValueKind == JsonValueKind.Array ? answer.EnumerateArray().Select(w => w.GetString()!).ToList() : null;

        static IReadOnlyList<string>? Urls(JsonElement answer, bool withMirror)
        {
            var urls = Words(answer);
            return urls == null || (!withMirror && urls.Any(url => url.StartsWith("None/", StringComparison.Ordinal))) ? null : urls;
        }
    }

    private static string RenderOurs(IReadOnlyList<string> names, DistrosConf distros, PiupartsConf conf)
    {
        var text = new StringBuilder();
        for (int i = 0; i < names.Count; i++)
        {
            var layout = new ArchiveLayout(conf.Section($"s{i}")!, distros);
            var expand = distros.Expand(names[i]);
            var (packages, packagesError) = layout.PackagesUrls();
            var (sources, sourcesError) = layout.SourcesUrls();
            text.Append(names[i]).Append('\n');
            Append(text, "expand", expand.Count > 0 ? expand : null);
            Append(text, "candidates", distros.Candidates(names[i]));
            Append(text, "packages", packagesError == null ? packages : null);
            Append(text, "sources", sourcesError == null ? sources : null);
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, string label, IReadOnlyList<string>? words) =>
        text.Append("  ").Append(label).Append(": ").Append(words == null ? Failed : string.Join(' ', words)).Append('\n');
}
