using Piuparts.Core.MasterDir;
using Piuparts.Differential.Tests.Harness;
using static Piuparts.Differential.Tests.Harness.MasterDirectoryBuilder;

namespace Piuparts.Differential.Tests.Rules;

/// <summary>package-states.md §6.7 (order dependence) and §6.8 (partial sections).</summary>
public sealed class OrderRuleTests
{
    /// <summary>
    /// The same stanzas and logs in two index orders, as sections forward and backward:
    /// * pp (yf | xq): forward it chooses xq while xq is still unknown and keeps it
    ///   (dependency-cannot-be-tested); backward xq is already an error and pp keeps yf
    ///   (dependency-failed-testing);
    /// * xx (vv, provided by pw and the failed pf): forward pw is still unknown, so the failed
    ///   provider wins; backward pw already waits;
    /// * cc ↔ dd with dd → bf (failed): forward cc is resolved as a cycle member first; backward
    ///   dd's error reaches cc.
    /// </summary>
    [Fact]
    public void Rule_6_7_the_same_packages_in_two_index_orders_get_different_states()
    {
        string[] forward =
        [
            Stanza("yf", "1.0"),
            Stanza("pp", "1.0", "Depends: yf | xq"),
            Stanza("xq", "1.0", "Depends: missing-xq"),
            Stanza("xx", "1.0", "Depends: vv"),
            Stanza("pw", "1.0", "Provides: vv"),
            Stanza("pf", "1.0", "Provides: vv"),
            Stanza("cc", "1.0", "Depends: dd"),
            Stanza("dd", "1.0", "Depends: cc, bf"),
            Stanza("bf", "1.0"),
        ];
        var rule = new RuleCase(nameof(Rule_6_7_the_same_packages_in_two_index_orders_get_different_states))
            .Section("forward", forward)
            .Section("backward", [.. forward.Reverse()]);
        foreach (var section in (string[])["forward", "backward"])
        {
            rule.Log(section, LogDirectory.Fail, "yf")
                .Log(section, LogDirectory.Fail, "pf")
                .Log(section, LogDirectory.Fail, "bf");
        }

        var comparison = rule.Compare();

        RuleAssert.DebianStates(comparison, "forward",
            ("pp", "dependency-cannot-be-tested"), ("xq", "dependency-does-not-exist"), ("xx", "dependency-failed-testing"),
            ("pw", "waiting-to-be-tested"), ("cc", "waiting-to-be-tested"), ("dd", "dependency-failed-testing"));
        RuleAssert.DebianStates(comparison, "backward",
            ("pp", "dependency-failed-testing"), ("xq", "dependency-does-not-exist"), ("xx", "waiting-for-dependency-to-be-tested"),
            ("pw", "waiting-to-be-tested"), ("cc", "dependency-failed-testing"), ("dd", "dependency-failed-testing"));
        comparison.AssertSame();
    }

    /// <summary>
    /// part (depends-sections = base): aa and ee are older than base's, so outdated, and their
    /// _state is base's (a pass log of part's aa does not matter); ff, equal in both, is not
    /// outdated. Dependencies are found in part first (bb), then in base (cc, vd, the outdated
    /// aa and ee by their base state); base's states use cached success (bp passed although its
    /// dependency is missing, while base as a section of its own resolves bp); part's pass logs
    /// whose dependencies are only in base are resolved (qq waits, x3's dependency failed).
    /// </summary>
    [Fact]
    public void Rule_6_8_a_partial_section_has_outdated_packages_and_finds_dependencies_in_its_depends_sections()
    {
        var comparison = new RuleCase(nameof(Rule_6_8_a_partial_section_has_outdated_packages_and_finds_dependencies_in_its_depends_sections))
            .Section("base",
                Stanza("aa", "2.0"),
                Stanza("bb", "1.0"),
                Stanza("cc", "1.0"),
                Stanza("dd", "1.0", "Provides: vd"),
                Stanza("ee", "1.0"),
                Stanza("ff", "1.0"),
                Stanza("bp", "1.0", "Depends: nothere"),
                Stanza("zf", "1.0"))
            .Section(new SectionSpec("part") { Distro = "part", DependsSections = "base" },
                ["aa", "bb", "ee", "ff", "xx", "yy", "zz", "uu", "ww", "w2", "qq", "x3"])
            .Packages("part",
                Stanza("aa", "1.0"),
                Stanza("bb", "2.0", "Depends: cc"),
                Stanza("ee", "0.9"),
                Stanza("ff", "1.0"),
                Stanza("xx", "1.0", "Depends: aa"),
                Stanza("yy", "1.0", "Depends: bb"),
                Stanza("zz", "1.0", "Depends: vd"),
                Stanza("uu", "1.0", "Depends: ee"),
                Stanza("ww", "1.0", "Depends: missing-ww"),
                Stanza("w2", "1.0", "Depends: bp"),
                Stanza("qq", "1.0", "Depends: cc"),
                Stanza("x3", "1.0", "Depends: zf"))
            .Log("base", LogDirectory.Pass, "aa", "2.0")
            .Log("base", LogDirectory.Fail, "ee")
            .Log("base", LogDirectory.Pass, "bp")
            .Log("base", LogDirectory.Fail, "zf")
            .Log("part", LogDirectory.Pass, "aa")
            .Log("part", LogDirectory.Pass, "qq")
            .Log("part", LogDirectory.Pass, "x3")
            .Compare();

        RuleAssert.DebianStates(comparison, "part",
            ("aa", "outdated"), ("bb", "waiting-for-dependency-to-be-tested"), ("ee", "outdated"), ("ff", "waiting-to-be-tested"),
            ("xx", "waiting-to-be-tested"), ("yy", "waiting-for-dependency-to-be-tested"), ("zz", "waiting-for-dependency-to-be-tested"),
            ("uu", "dependency-failed-testing"), ("ww", "dependency-does-not-exist"), ("w2", "waiting-to-be-tested"),
            ("qq", "waiting-for-dependency-to-be-tested"), ("x3", "dependency-failed-testing"));
        RuleAssert.DebianReplies(comparison, "part",
            ("_state aa", "ok successfully-tested 1.0"), ("_state ee", "ok failed-testing 0.9"), ("_recursive-depends zz", "ok vd"));
        RuleAssert.DebianStates(comparison, "base", ("bp", "dependency-does-not-exist"));
        comparison.AssertSame();
    }

    /// <summary>
    /// top depends on mid, mid on base. top sees only mid's own packages and states: aa is
    /// outdated in top and in mid, so xx (top) sees "outdated", which is no class at all, and
    /// stays unknown; bb exists only in base, so for top it does not exist; cc is mid's.
    /// </summary>
    [Fact]
    public void Rule_6_8_the_depends_sections_of_a_depends_section_are_not_searched()
    {
        var comparison = new RuleCase(nameof(Rule_6_8_the_depends_sections_of_a_depends_section_are_not_searched))
            .Section("base", Stanza("aa", "3.0"), Stanza("bb", "1.0"))
            .Section(new SectionSpec("mid") { Distro = "mid", DependsSections = "base" }, ["aa", "cc"])
            .Section(new SectionSpec("top") { Distro = "top", DependsSections = "mid" }, ["aa", "xx", "yy", "zz"])
            .Packages("mid", Stanza("aa", "2.0"), Stanza("cc", "1.0"))
            .Packages("top",
                Stanza("aa", "1.0"),
                Stanza("xx", "1.0", "Depends: aa"),
                Stanza("yy", "1.0", "Depends: bb"),
                Stanza("zz", "1.0", "Depends: cc"))
            .Log("base", LogDirectory.Pass, "aa", "3.0")
            .Log("base", LogDirectory.Pass, "bb")
            .Compare();

        RuleAssert.DebianStates(comparison, "top",
            ("aa", "outdated"), ("xx", "unknown"), ("yy", "dependency-does-not-exist"), ("zz", "waiting-for-dependency-to-be-tested"));
        RuleAssert.DebianReplies(comparison, "top", ("_state aa", "ok outdated 1.0"));
        RuleAssert.DebianStates(comparison, "mid", ("aa", "outdated"), ("cc", "waiting-to-be-tested"));
        RuleAssert.DebianReplies(comparison, "mid", ("_state aa", "ok successfully-tested 2.0"));
        comparison.AssertSame();
    }
}
