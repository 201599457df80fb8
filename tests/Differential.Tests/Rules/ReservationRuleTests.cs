using Piuparts.Core.MasterDir;
using Piuparts.Differential.Tests.Harness;
using static Piuparts.Differential.Tests.Harness.MasterDirectoryBuilder;

namespace Piuparts.Differential.Tests.Rules;

/// <summary>
/// package-states.md §9: the reservation order and recycle mode. Debian's master breaks ties
/// between equal weights at random, so every case here has distinct weights for the packages
/// it reserves, and the reserves are separated by <c>status</c> so that the transcripts compare
/// their order (a run of consecutive reserves is compared as a set).
/// </summary>
public sealed class ReservationRuleTests
{
    /// <summary>
    /// Weights (min(chain, waiting), waiting): base, under a chain of three waiting packages,
    /// (3, 3); hub, with four direct waiting dependents, (2, 4); hv, whose three dependents name
    /// the virtual vh it provides, (2, 3); b2 (1, 1); solo (0, 0). rv is reserved already, pd
    /// passed: neither is a candidate.
    /// </summary>
    [Fact]
    public void Rule_9_1_the_base_of_the_longest_waiting_chain_is_reserved_first()
    {
        const string section = "queue";
        var comparison = new RuleCase(nameof(Rule_9_1_the_base_of_the_longest_waiting_chain_is_reserved_first))
            .Section(section,
                Stanza("solo", "1.0"),
                Stanza("x1", "1.0", "Depends: hub"),
                Stanza("x2", "1.0", "Depends: hub"),
                Stanza("x3", "1.0", "Depends: hub"),
                Stanza("x4", "1.0", "Depends: hub"),
                Stanza("hub", "1.0"),
                Stanza("y1", "1.0", "Depends: vh"),
                Stanza("y2", "1.0", "Depends: vh (>= 1)"),
                Stanza("y3", "1.0", "Depends: missing-y | vh"),
                Stanza("hv", "1.0", "Provides: vh"),
                Stanza("t2", "1.0", "Depends: b2"),
                Stanza("b2", "1.0"),
                Stanza("m3", "1.0", "Depends: m2"),
                Stanza("m2", "1.0", "Depends: m1"),
                Stanza("m1", "1.0", "Depends: base"),
                Stanza("base", "1.0"),
                Stanza("rv", "1.0"),
                Stanza("pd", "1.0"))
            .Log(section, LogDirectory.Reserved, "rv")
            .Log(section, LogDirectory.Pass, "pd")
            .Session(Interleaved($"section {section}", 6))
            .Compare();

        Assert.Equal(["ok base 1.0", "ok hub 1.0", "ok hv 1.0", "ok b2 1.0", "ok solo 1.0", "error"],
            comparison.Expected.Sessions[0].RepliesTo("reserve"));
        comparison.AssertSame();
    }

    /// <summary>
    /// In recycle mode (status "(recycle) ..."), recycled packages are resolved again: ru
    /// (untestable) now waits and, with two waiting dependents, comes first; then nn (new, no
    /// recycle mark), rb and rf (bugged and failed, recycled; rb's mark is the older), rp
    /// (passed, recycled). A reserved log is looked at first: rx (reserved and failed) waits, rr
    /// (reserved and recycled) waits but is never reserved. Reserving deletes the recycle marks
    /// and the bugged, failed and untestable logs; unreserving rp restores its mark, so a second
    /// recycling session reserves it again after nn; recycle after the index is loaded is
    /// refused, and without recycle mode rx is failed again.
    /// </summary>
    [Fact]
    public void Rule_9_6_recycle_mode_tests_recycled_packages_again_after_new_ones_and_rechecks_of_passed_ones_last()
    {
        const string section = "recycling";
        string[] stanzas =
        [
            Stanza("ru", "1.0"),
            Stanza("dd", "1.0", "Depends: ru"),
            Stanza("bp", "1.0", "Depends: ru"),
            Stanza("nn", "1.0"),
            Stanza("rf", "1.0"),
            Stanza("rp", "1.0"),
            Stanza("pp", "1.0"),
            Stanza("rr", "1.0"),
            Stanza("rv", "1.0"),
            Stanza("rd", "1.0", "Depends: missing-rd"),
            Stanza("rx", "1.0"),
            Stanza("rb", "1.0"),
        ];
        var names = RuleCase.NamesIn(stanzas);
        var hour = TimeSpan.FromHours(1);
        var first = RuleCase.ListingSession(section, ["recycle", "recycle"], names);
        foreach (var step in Interleaved(null, 6))
            first.Add(step);
        first.Submit("pass", "rf", "1.0", "rf passes\n")
            .Submit("fail", "ru", "1.0", "ru fails\n")
            .Send("unreserve rp 1.0", "unreserve nn 1.0", "status");
        var second = RuleCase.ListingSession(section, ["recycle"], names);
        foreach (var step in Interleaved(null, 3))
            second.Add(step);
        var third = new SessionScript($"section {section}", "status", "recycle", "status");
        var comparison = new RuleCase(nameof(Rule_9_6_recycle_mode_tests_recycled_packages_again_after_new_ones_and_rechecks_of_passed_ones_last))
            .Section(section, stanzas)
            .Log(section, LogDirectory.Untestable, "ru", age: 3 * hour)
            .Log(section, LogDirectory.Recycle, "ru", age: 2 * hour)
            .Log(section, LogDirectory.Pass, "bp", age: 3 * hour)
            .Log(section, LogDirectory.Recycle, "bp", age: 2 * hour)
            .Log(section, LogDirectory.Bugged, "rb", age: 4 * hour)
            .Log(section, LogDirectory.Recycle, "rb", age: 3 * hour)
            .Log(section, LogDirectory.Fail, "rf", age: 3 * hour)
            .Log(section, LogDirectory.Recycle, "rf", age: 2 * hour)
            .Log(section, LogDirectory.Pass, "rp", age: 3 * hour)
            .Log(section, LogDirectory.Recycle, "rp", age: 2 * hour)
            .Log(section, LogDirectory.Pass, "pp", age: 3 * hour)
            .Log(section, LogDirectory.Reserved, "rr", age: hour)
            .Log(section, LogDirectory.Recycle, "rr", age: 2 * hour)
            .Log(section, LogDirectory.Reserved, "rv", age: hour)
            .Log(section, LogDirectory.Fail, "rd", age: 3 * hour)
            .Log(section, LogDirectory.Recycle, "rd", age: 2 * hour)
            .Log(section, LogDirectory.Reserved, "rx", age: hour)
            .Log(section, LogDirectory.Fail, "rx", age: 3 * hour)
            .Session(first)
            .Session(second)
            .Session(third)
            .Compare();

        var debian = comparison.Expected.Sessions;
        RuleAssert.States(StateListing.From(debian[0]), "Debian's master in recycle mode",
            ("ru", "waiting-to-be-tested"), ("dd", "waiting-for-dependency-to-be-tested"), ("bp", "waiting-for-dependency-to-be-tested"),
            ("nn", "waiting-to-be-tested"), ("rf", "waiting-to-be-tested"), ("rp", "waiting-to-be-tested"), ("pp", "successfully-tested"),
            ("rr", "waiting-to-be-tested"), ("rv", "waiting-to-be-tested"), ("rd", "dependency-does-not-exist"),
            ("rx", "waiting-to-be-tested"), ("rb", "waiting-to-be-tested"));
        Assert.Equal(["ok", "ok"], debian[0].RepliesTo("recycle"));
        Assert.StartsWith("ok (recycle) ", debian[0].ReplyTo("status"));
        Assert.Equal(["ok ru 1.0", "ok nn 1.0", "ok rb 1.0", "ok rf 1.0", "ok rp 1.0", "error"], debian[0].RepliesTo("reserve"));
        RuleAssert.States(StateListing.From(debian[1]), "Debian's master in the second recycling session",
            ("rx", "waiting-to-be-tested"), ("ru", "failed-testing"), ("bp", "dependency-failed-testing"), ("rf", "successfully-tested"),
            ("rp", "waiting-to-be-tested"));
        Assert.Equal(["ok nn 1.0", "ok rp 1.0", "error"], debian[1].RepliesTo("reserve"));
        Assert.Equal(["error"], debian[2].RepliesTo("recycle"));
        Assert.DoesNotContain("(recycle)", debian[2].RepliesTo("status")[1]);
        RuleAssert.DebianStates(comparison, section, ("rx", "failed-testing"), ("rb", "waiting-to-be-tested"));
        comparison.AssertSame();
    }

    /// <summary>
    /// part recycles, base (its depends-section) does not: base's bq keeps its pass log's state
    /// despite its recycle mark, so xx can be tested; part's own yy is recycled, and reserved
    /// after xx (a recheck of a passed package).
    /// </summary>
    [Fact]
    public void Rule_9_6_only_the_sections_own_database_recycles()
    {
        var first = RuleCase.ListingSession("part", ["recycle"], ["xx", "yy"]);
        foreach (var step in Interleaved(null, 3))
            first.Add(step);
        var comparison = new RuleCase(nameof(Rule_9_6_only_the_sections_own_database_recycles))
            .Section("base", Stanza("bq", "1.0"))
            .Section(new SectionSpec("part") { Distro = "part", DependsSections = "base" }, ["xx", "yy"])
            .Packages("part", Stanza("xx", "1.0", "Depends: bq"), Stanza("yy", "1.0"))
            .Log("base", LogDirectory.Pass, "bq")
            .Log("base", LogDirectory.Recycle, "bq")
            .Log("part", LogDirectory.Pass, "yy")
            .Log("part", LogDirectory.Recycle, "yy")
            .Session(first)
            .Compare();

        RuleAssert.States(StateListing.From(comparison.Expected.Sessions[0]), "Debian's master recycling part",
            ("xx", "waiting-to-be-tested"), ("yy", "waiting-to-be-tested"));
        Assert.Equal(["ok xx 1.0", "ok yy 1.0", "error"], comparison.Expected.Sessions[0].RepliesTo("reserve"));
        RuleAssert.DebianStates(comparison, "base", ("bq", "successfully-tested"));
        comparison.AssertSame();
    }

    /// <summary><paramref name="reserves"/> reserves with a <c>status</c> between each two, after <c>section</c> when given.</summary>
    private static SessionScript Interleaved(string? sectionCommand, int reserves)
    {
        var script = sectionCommand == null ? new SessionScript() : new SessionScript(sectionCommand);
        for (int i = 0; i < reserves; i++)
        {
            if (i > 0)
                script.Send("status");
            script.Send("reserve");
        }
        return script;
    }
}
