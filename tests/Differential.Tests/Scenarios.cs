using Piuparts.Core.MasterDir;
using Piuparts.Differential.Tests.Harness;

namespace Piuparts.Differential.Tests;

/// <summary>
/// The scenarios the comparison runs with Debian's master and the master under test. Sessions
/// reserve until "error" (the set of reservations is then fixed even though the original breaks
/// ties at random), send <c>_state</c> only for real packages (the original dies otherwise,
/// except where that is the point), and mark <c>idle</c> as timing-dependent where activity
/// in the same second decides it.
/// </summary>
public static class Scenarios
{
    /// <summary>The log of protocol.md §8.</summary>
    public const string LiwcLog = "Start: 2026-11-24 05:00:00 GMT\npiuparts run ends.\n";

    public const string ExcerptSection = "bookworm";

    public static IReadOnlyList<Scenario> All =>
        [SampleTranscript(), RecycleAndResubmit(), IdleStamps(), PartialAndUpgradeSections(), ProtocolErrors(), BookwormExcerpt()];

    public static TheoryData<string> Names => new(All.Select(s => s.Name));

    public static Scenario Named(string name) => All.Single(s => s.Name == name);

    /// <summary>Section demo of protocol.md §8: liwc (reserved earlier), vorbisgain depending on liwc, zzlib.</summary>
    public static MasterDirectoryBuilder Demo() => new MasterDirectoryBuilder()
        .Section("demo")
        .Packages("demo", [
            MasterDirectoryBuilder.Stanza("liwc", "1.2.3-4"),
            MasterDirectoryBuilder.Stanza("vorbisgain", "2.3-4", "Depends: liwc"),
            MasterDirectoryBuilder.Stanza("zzlib", "1.0"),
        ])
        .Log("demo", LogDirectory.Reserved, "liwc", "1.2.3-4");

    /// <summary>The slave's side of the sample transcript of protocol.md §8.</summary>
    public static SessionScript SampleSession() => new SessionScript("section demo", "idle")
        .Submit("pass", "liwc", "1.2.3-4", LiwcLog)
        .Repeat("reserve", 3)
        .SendTimingDependent("idle")
        .Send("status");

    /// <summary>§8, then a second connection: results for the reservations, duplicates, unreserve, debug commands.</summary>
    public static Scenario SampleTranscript()
    {
        var second = new SessionScript("section demo")
            .SendTimingDependent("idle")
            .Submit("fail", "vorbisgain", "2.3-4", "vorbisgain fails\n")
            .Send("unreserve zzlib 1.0")
            .Submit("pass", "zzlib", "1.0", "zzlib passes\n")
            .Submit("pass", "zzlib", "1.0", "a duplicate, ignored\n")
            .Submit("untestable", "nosuch", "0.1", "not in the index, accepted anyway\n")
            .Submit("pass", "empty", "1", "")
            .Send("unreserve never 1.0", "status", "_state liwc", "_state vorbisgain", "_depends vorbisgain",
                "_recursive-depends vorbisgain", "_depcycle vorbisgain", "_list bogus", "reserve")
            .SendTimingDependent("idle");
        return new Scenario("sample-transcript", Demo(), [SampleSession(), second], ["demo"],
            new Dictionary<string, IReadOnlyList<string>>
            {
                ["demo"] = ["_state liwc", "_state vorbisgain", "_state zzlib", "_depends vorbisgain", "_depends zzlib"],
            });
    }

    /// <summary>Recycle mode: marks, reservations that delete old results, re-submission, unreserve, a .kpr removed.</summary>
    public static Scenario RecycleAndResubmit()
    {
        var hour = TimeSpan.FromHours(1);
        var setup = new MasterDirectoryBuilder()
            .Section("recycling")
            .Packages("recycling", [
                MasterDirectoryBuilder.Stanza("aa", "1.0"),
                MasterDirectoryBuilder.Stanza("bb", "2.0"),
                MasterDirectoryBuilder.Stanza("cc", "3.0"),
                MasterDirectoryBuilder.Stanza("dd", "4.0", "Depends: aa"),
                MasterDirectoryBuilder.Stanza("ee", "1.0", "Depends: cc"),
                MasterDirectoryBuilder.Stanza("ff", "1.0"),
            ])
            .PrepareSection("recycling")
            .Log("recycling", LogDirectory.Pass, "aa", "1.0", "aa passed once\n", 3 * hour)
            .Log("recycling", LogDirectory.Recycle, "aa", "1.0", "", 2 * hour)
            .Log("recycling", LogDirectory.Fail, "bb", "2.0", "bb failed once\n", 3 * hour)
            .Log("recycling", LogDirectory.Recycle, "bb", "2.0", "", hour)
            .Log("recycling", LogDirectory.Pass, "cc", "3.0", "cc passed\n", 3 * hour)
            .Log("recycling", LogDirectory.Bugged, "ee", "1.0", "ee bugged\n", 3 * hour)
            .Log("recycling", LogDirectory.Recycle, "ee", "1.0", "", hour)
            .File("recycling/pass/ff_1.0.kpr", "ff: known problem report\n", 3 * hour);
        var first = new SessionScript("section recycling", "idle", "recycle", "recycle", "status")
            .Repeat("reserve", 6)
            .Submit("pass", "aa", "1.0", "aa passes again\n")
            .Send("unreserve bb 2.0")
            .Submit("pass", "ff", "1.0", "ff passes\n")
            .SendTimingDependent("idle")
            .Send("status");
        var second = new SessionScript("section recycling", "recycle", "idle", "status")
            .Repeat("reserve", 6)
            .Send("status");
        return new Scenario("recycle-and-resubmit", setup, [first, second], ["recycling"],
            new Dictionary<string, IReadOnlyList<string>>
            {
                ["recycling"] = ["_state aa", "_state bb", "_state dd", "_state ee", "_state ff"],
            });
    }

    /// <summary>
    /// Seeded stamps (protocol.md §3.3): fresh (positive answer), expired, outdated by a newer log
    /// directory, and recycle.stamp, which only counts after a successful <c>recycle</c>.
    /// </summary>
    public static Scenario IdleStamps()
    {
        var minutes = TimeSpan.FromMinutes(10);
        var hours = TimeSpan.FromHours(2);
        var setup = new MasterDirectoryBuilder()
            .Packages("demo", [MasterDirectoryBuilder.Stanza("liwc", "1.2.3-4"), MasterDirectoryBuilder.Stanza("zzlib", "1.0")]);
        foreach (var section in (string[])["fresh", "expired", "outdated", "recycled"])
            setup.Section(section, "demo").PrepareSection(section);
        setup.File("fresh/idle.stamp", "", minutes)
            .File("expired/idle.stamp", "", hours)
            .File("outdated/idle.stamp", "", minutes)
            .File("recycled/idle.stamp", "", hours)
            .File("recycled/recycle.stamp", "", minutes)
            .Log("recycled", LogDirectory.Pass, "liwc", "1.2.3-4", "liwc passed\n", 3 * hours)
            .Log("recycled", LogDirectory.Recycle, "liwc", "1.2.3-4", "", 3 * hours)
            .DirectoryAge(TimeSpan.FromHours(1))
            .DirectoryAge(TimeSpan.FromMinutes(1), "outdated/fail");
        var session = new SessionScript("section fresh", "idle", "section expired", "idle", "section outdated", "idle",
                "section recycled", "idle", "recycle", "idle")
            .Repeat("reserve", 3)
            .SendTimingDependent("idle")
            .Send("status");
        return new Scenario("idle-stamps", setup, [session], ["recycled"], new Dictionary<string, IReadOnlyList<string>>());
    }

    /// <summary>
    /// A partial section (depends-sections, outdated packages), an upgrade section (test
    /// versions from the final distro, "None" for packages it lacks), virtual packages,
    /// alternatives, a cycle and the hard-coded ignore list, switching sections in one session.
    /// </summary>
    public static Scenario PartialAndUpgradeSections()
    {
        var setup = new MasterDirectoryBuilder()
            .Section("base")
            .Section(new SectionSpec("security") { Distro = "security", DependsSections = "base" })
            .Section(new SectionSpec("upgrade") { Distro = "base", UpgradeTestDistros = "base next" })
            .Packages("base", [
                MasterDirectoryBuilder.Stanza("p1", "1.0"),
                MasterDirectoryBuilder.Stanza("p2", "2.0", "Depends: p1"),
                MasterDirectoryBuilder.Stanza("p3", "1.0", "Depends: missing-thing"),
                MasterDirectoryBuilder.Stanza("p4", "1.0", "Provides: virt"),
                MasterDirectoryBuilder.Stanza("p5", "1.0", "Depends: virt (>= 1)"),
                MasterDirectoryBuilder.Stanza("p6", "1.0", "Depends: nothere | p1"),
                MasterDirectoryBuilder.Stanza("c1", "1.0", "Depends: c2"),
                MasterDirectoryBuilder.Stanza("c2", "1.0", "Pre-Depends: c1", "Depends: p1"),
                MasterDirectoryBuilder.Stanza("p8", "1.0", "Depends: p3"),
            ])
            .Packages("security", [
                MasterDirectoryBuilder.Stanza("p1", "0.9"),
                MasterDirectoryBuilder.Stanza("p2", "2.1", "Depends: p1"),
                MasterDirectoryBuilder.Stanza("p7", "1.0", "Depends: p5"),
                MasterDirectoryBuilder.Stanza("p9", "1.0", "Depends: kbdcontrol, p6"),
            ])
            .Packages("next", [
                MasterDirectoryBuilder.Stanza("p1", "1.1"),
                MasterDirectoryBuilder.Stanza("c1", "1.0"),
                MasterDirectoryBuilder.Stanza("c2", "1.0"),
                MasterDirectoryBuilder.Stanza("p6", "2.0"),
            ])
            .Log("base", LogDirectory.Pass, "p1", "1.0", "p1 passed\n")
            .Log("base", LogDirectory.Fail, "p4", "1.0", "p4 failed\n")
            .Log("upgrade", LogDirectory.Pass, "p1", "1.1", "p1 upgrades\n");
        var session = new SessionScript("section upgrade", "status")
            .Repeat("reserve", 10)
            .Send("section security", "status")
            .Repeat("reserve", 6)
            .Send("section base", "status")
            .Repeat("reserve", 8)
            .Send("status");
        return new Scenario("partial-and-upgrade-sections", setup, [session], ["base", "security", "upgrade"],
            new Dictionary<string, IReadOnlyList<string>>
            {
                ["base"] = ["_state p1", "_state p5", "_state c1", "_depends p6", "_depends c2", "_recursive-depends c1",
                            "_depcycle c1", "_depcycle p2", "_state p8"],
                ["security"] = ["_state p1", "_state p2", "_state p7", "_state p9", "_depends p7", "_recursive-depends p9"],
                ["upgrade"] = ["_state p1", "_state p2", "_state c1", "_depends c1"],
            });
    }

    /// <summary>Input the original dies on (no reply, exit 1), and the inputs it tolerates.</summary>
    public static Scenario ProtocolErrors()
    {
        SessionScript Demo(params string[] commands) => new SessionScript("section demo").Send(commands);
        var sessions = new List<SessionScript>
        {
            new("status"),
            new("section nosuch", "status"),
            Demo("pass aa"),
            Demo("frobnicate"),
            Demo().Add(SessionStep.Raw("pass aa 1.0\n unindented next:\nno leading space\n.\n")),
            Demo().Submit("pass", "a/b", "1.0", "a slash in the name\n"),
            Demo("_list waiting-to-be-tested", "_depends liwc", "status", "_depends nosuch", "status"),
            new SessionScript().Add(SessionStep.Raw("section\tdemo\r\n")).Send("  idle", "", "status"),
            Demo("section nosuch", "section demo", "_list waiting-to-be-tested"),
        };
        return new Scenario("protocol-errors", Scenarios.Demo(), sessions, ["demo"],
            new Dictionary<string, IReadOnlyList<string>>());
    }

    /// <summary>Real bookworm data (every 30th stanza) with logs seeded in every directory and two new results.</summary>
    public static Scenario BookwormExcerpt()
    {
        var session = new SessionScript($"section {ExcerptSection}", "idle")
            .Submit("pass", "comixcursors-righthanded-opaque", "0.9.1-2", "passes\n")
            .Submit("fail", "cl-command-line-arguments", "20151218-1.1", "fails\n")
            .Send("status");
        var names = ExcerptNames();
        var sampled = names.Where((_, i) => i % 150 == 0).Concat(ExcerptSeeds.Select(s => s.Name)).Distinct();
        var queries = sampled.Select(n => $"_state {n}")
            .Concat(["_depends tasksel", "_recursive-depends task-croatian", "_depends python3-h5py", "_depcycle libc6"])
            .ToList();
        return new Scenario("bookworm-excerpt", ExcerptSetup(), [session], [ExcerptSection],
            new Dictionary<string, IReadOnlyList<string>> { [ExcerptSection] = queries });
    }

    /// <summary>The logs seeded into the excerpt section.</summary>
    public static IReadOnlyList<(LogDirectory Directory, string Name, string Version)> ExcerptSeeds { get; } =
    [
        (LogDirectory.Pass, "libafterburner.fx-java-doc", "1.7.0-3"),
        (LogDirectory.Pass, "fonts-campania", "2.009-2"),
        // libc6's dependency libgcc-s1 is not in the excerpt: the pass log does not count.
        (LogDirectory.Pass, "libc6", "2.36-9+deb12u14"),
        // A log of another version than the index's is not this package's log.
        (LogDirectory.Pass, "libcalendar-ocaml-doc", "0.9-1"),
        (LogDirectory.Fail, "sensible-utils", "0.0.17+nmu1"),
        (LogDirectory.Untestable, "cl-ppcre", "20220126.gitb4056c5-1"),
        (LogDirectory.Bugged, "libcctz-doc", "2.3+dfsg1-3"),
        (LogDirectory.Affected, "colobot-common-textures", "0.2.0-2"),
        (LogDirectory.Reserved, "asterisk-core-sounds-en-gsm", "1.6.1-1"),
        (LogDirectory.Recycle, "c++-annotations-dvi", "12.2.0-2"),
    ];

    public static MasterDirectoryBuilder ExcerptSetup()
    {
        var setup = new MasterDirectoryBuilder()
            .Section(ExcerptSection)
            .PackagesXz(ExcerptSection, Core.Tests.Support.BookwormExcerpt.XzPath);
        foreach (var (directory, name, version) in ExcerptSeeds)
            setup.Log(ExcerptSection, directory, name, version, directory is LogDirectory.Reserved or LogDirectory.Recycle ? "" : $"{name} {version}\n");
        return setup;
    }

    /// <summary>The excerpt's package names in index order.</summary>
    public static IReadOnlyList<string> ExcerptNames() =>
        Core.Tests.Support.BookwormExcerpt.Load().InOrder.Select(p => p.Name).ToList();
}
