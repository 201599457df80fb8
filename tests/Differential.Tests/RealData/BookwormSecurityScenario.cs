using Piuparts.Core.MasterDir;
using Piuparts.Core.Tests.Support;
using Piuparts.Differential.Tests.Harness;

namespace Piuparts.Differential.Tests.RealData;

/// <summary>
/// Real data with a partial distribution: section bookworm reads every 12th stanza of
/// bookworm main amd64 (5,287 packages), section bookworm-security all of bookworm-security
/// main amd64 from its own distros.conf entry (its own uri, depends = bookworm) with
/// depends-sections = bookworm, so the security packages older than the excerpt's are outdated
/// and their dependencies are looked up in the excerpt. Both sections get logs seeded at
/// random (fixed seed, about 40% pass). Sessions reserve until "error" (so the reserved set
/// does not depend on the original's random tie-break), submit, unreserve, recycle.
/// </summary>
public static class BookwormSecurityScenario
{
    public const string Main = "bookworm";
    public const string Security = "bookworm-security";
    public const string Name = "bookworm-and-security";

    private const int RandomSeed = 20261124;

    // Upper bounds of rng.NextDouble() for each combination of seeded logs; above the last: no log.
    private static readonly (double Below, LogDirectory[] Logs)[] Shares =
    [
        (0.36, [LogDirectory.Pass]),
        (0.40, [LogDirectory.Pass, LogDirectory.Recycle]),
        (0.52, [LogDirectory.Fail]),
        (0.56, [LogDirectory.Fail, LogDirectory.Recycle]),
        (0.64, [LogDirectory.Untestable]),
        (0.70, [LogDirectory.Bugged]),
        (0.75, [LogDirectory.Affected]),
        (0.82, [LogDirectory.Reserved]),
        (0.85, [LogDirectory.Reserved, LogDirectory.Fail]),
        (0.88, [LogDirectory.Reserved, LogDirectory.Recycle]),
    ];

    private static readonly Lazy<IReadOnlyList<(string Name, string Version)>> MainHeads = new(() => ExcerptHeads.Read(MainXz));
    private static readonly Lazy<IReadOnlyList<(string Name, string Version)>> SecurityHeads = new(() => ExcerptHeads.Read(SecurityXz));

    public static string MainXz => DebianTools.DataPath("bookworm-main-every-12th.Packages.xz");

    public static string SecurityXz => DebianTools.DataPath("bookworm-security.Packages.xz");

    /// <summary>Package names of a section, first appearance first.</summary>
    public static IReadOnlyList<string> Names(string section) => Heads(section).Select(h => h.Name).Distinct().ToList();

    /// <summary>The logs seeded for each package of a section (names that occur in one stanza only; none for about 12%).</summary>
    public static IReadOnlyList<(string Name, string Version, LogDirectory[] Logs)> Seeds(string section)
    {
        var random = new Random(section == Main ? RandomSeed : RandomSeed + 1);
        return ExcerptHeads.Unique(Heads(section))
            .Select(h =>
            {
                var draw = random.NextDouble();
                var logs = Shares.FirstOrDefault(s => draw < s.Below).Logs ?? [];
                return (h.Name, h.Version, logs);
            })
            .ToList();
    }

    public static Scenario Create()
    {
        var setup = new MasterDirectoryBuilder()
            .Section(Main)
            .Section(new SectionSpec(Security) { Distro = Security, DependsSections = Main })
            .DistrosConf($"[{Main}]\ndistribution = {Main}\n\n" +
                $"[{Security}]\nuri = {{mirror}}/debian-security\ndistribution = {Security}\ndepends = {Main}\n")
            .PackagesXz(Main, MainXz)
            .PackagesXz(Security, SecurityXz, under: "debian-security");
        foreach (var section in (string[])[Main, Security])
        {
            foreach (var (name, version, logs) in Seeds(section))
            {
                foreach (var log in logs)
                    setup.Log(section, log, name, version, log is LogDirectory.Reserved or LogDirectory.Recycle ? "" : $"{name} {version}\n");
            }
        }
        var mainSeeds = Seeds(Main);
        var securitySeeds = Seeds(Security);
        var reserved = With(securitySeeds, LogDirectory.Reserved);
        var reservedFailed = With(securitySeeds, LogDirectory.Reserved, LogDirectory.Fail);
        var untouched = With(securitySeeds);
        var passedRecycled = With(securitySeeds, LogDirectory.Pass, LogDirectory.Recycle);
        var recycled = securitySeeds.Count(s => s.Logs.Contains(LogDirectory.Recycle));

        var first = new SessionScript($"section {Security}", "status")
            .Repeat("reserve", untouched.Count + 1)
            .Submit("pass", reserved[0].Name, reserved[0].Version, "passes after a reservation\n")
            .Submit("fail", reserved[1].Name, reserved[1].Version, "fails after a reservation\n")
            .Submit("untestable", reservedFailed[0].Name, reservedFailed[0].Version, "untestable now, the old fail log goes\n")
            .Send($"unreserve {reservedFailed[1].Name} {reservedFailed[1].Version}", $"unreserve {reserved[2].Name} {reserved[2].Version}")
            .Submit("pass", untouched[0].Name, untouched[0].Version, "passes\n")
            .Send("status");
        var second = new SessionScript($"section {Security}", "recycle", "status")
            .Repeat("reserve", untouched.Count + recycled + 2)
            .Submit("pass", passedRecycled[0].Name, passedRecycled[0].Version, "passes again\n")
            .Send("status");
        var mainReserved = With(mainSeeds, LogDirectory.Reserved);
        var third = new SessionScript($"section {Main}", "status")
            .Repeat("reserve", With(mainSeeds).Count + 1)
            .Submit("fail", mainReserved[0].Name, mainReserved[0].Version, "fails after a reservation\n")
            .Send("status");

        string[] named = [reserved[0].Name, reserved[1].Name, reserved[2].Name, reservedFailed[0].Name, reservedFailed[1].Name,
                          untouched[0].Name, passedRecycled[0].Name];
        var mainNames = Names(Main);
        var securityNames = Names(Security);
        var inBoth = securityNames.Intersect(mainNames, StringComparer.Ordinal);
        return new Scenario(Name, setup, [first, second, third], [Main, Security],
            new Dictionary<string, IReadOnlyList<string>>
            {
                [Main] = Queries(mainNames, [mainReserved[0].Name], stateEvery: 40, dependsEvery: 500, cycleEvery: 1000),
                [Security] = Queries(securityNames, [.. named, .. inBoth], stateEvery: 20, dependsEvery: 300, cycleEvery: 1000),
            });
    }

    private static IReadOnlyList<(string Name, string Version)> Heads(string section) => section == Main ? MainHeads.Value : SecurityHeads.Value;

    /// <summary>The seeds with exactly these logs, in index order.</summary>
    private static List<(string Name, string Version)> With(IReadOnlyList<(string Name, string Version, LogDirectory[] Logs)> seeds,
        params LogDirectory[] logs) =>
        seeds.Where(s => s.Logs.SequenceEqual(logs)).Select(s => (s.Name, s.Version)).ToList();

    private static List<string> Queries(IReadOnlyList<string> names, IEnumerable<string> more, int stateEvery, int dependsEvery, int cycleEvery)
    {
        var queries = names.Where((_, i) => i % stateEvery == 0).Concat(more).Distinct().Select(n => $"_state {n}").ToList();
        foreach (var name in names.Where((_, i) => i % dependsEvery == 0))
            queries.AddRange([$"_depends {name}", $"_recursive-depends {name}"]);
        queries.AddRange(names.Where((_, i) => i % cycleEvery == 0).Select(n => $"_depcycle {n}"));
        return queries;
    }
}
