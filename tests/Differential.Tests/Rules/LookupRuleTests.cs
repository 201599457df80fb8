using Piuparts.Core.MasterDir;
using Piuparts.Differential.Tests.Harness;
using static Piuparts.Differential.Tests.Harness.MasterDirectoryBuilder;

namespace Piuparts.Differential.Tests.Rules;

/// <summary>package-states.md §5: state_of and best_state.</summary>
public sealed class LookupRuleTests
{
    /// <summary>
    /// vv is provided by pp (failed) in the partial section and is a real, passed package of
    /// base: xx takes pp's class (state_of looks here first) while its recursive dependencies
    /// follow base's vv (get_package looks for real packages first). zz, only in base, is base's.
    /// </summary>
    [Fact]
    public void Rule_5_3_a_name_virtual_here_and_real_in_a_depends_section_has_the_state_of_the_provider_here()
    {
        var comparison = new RuleCase(nameof(Rule_5_3_a_name_virtual_here_and_real_in_a_depends_section_has_the_state_of_the_provider_here))
            .Section("base",
                Stanza("vv", "1.0", "Depends: ww"),
                Stanza("ww", "1.0"),
                Stanza("zz", "1.0"))
            .Section(new SectionSpec("part") { Distro = "part", DependsSections = "base" }, ["pp", "xx", "yy"])
            .Packages("part",
                Stanza("pp", "1.0", "Provides: vv"),
                Stanza("xx", "1.0", "Depends: vv"),
                Stanza("yy", "1.0", "Depends: zz"))
            .Log("base", LogDirectory.Pass, "vv")
            .Log("base", LogDirectory.Pass, "zz")
            .Log("part", LogDirectory.Fail, "pp")
            .Compare();

        RuleAssert.DebianStates(comparison, "part",
            ("pp", "failed-testing"), ("xx", "dependency-failed-testing"), ("yy", "waiting-to-be-tested"));
        RuleAssert.DebianReplies(comparison, "part", ("_recursive-depends xx", "ok vv ww"), ("_state xx", "ok dependency-failed-testing 1.0"));
        RuleAssert.DebianStates(comparison, "base", ("vv", "successfully-tested"), ("zz", "successfully-tested"));
        comparison.AssertSame();
    }

    /// <summary>
    /// A virtual name whose provider here is outdated: state_of gives the raw "outdated", and
    /// best_state then asks the provider without resolving virtual names, which resolves
    /// "outdated" to base's state: base's pq passed, so xq can be tested; base's pf failed.
    /// </summary>
    [Fact]
    public void Rule_5_3_a_virtual_name_provided_by_an_outdated_package_has_the_providers_state_in_the_depends_section()
    {
        var comparison = new RuleCase(nameof(Rule_5_3_a_virtual_name_provided_by_an_outdated_package_has_the_providers_state_in_the_depends_section))
            .Section("base", Stanza("pq", "2.0"), Stanza("pf", "2.0"))
            .Section(new SectionSpec("part") { Distro = "part", DependsSections = "base" }, ["pq", "pf", "xq", "xf"])
            .Packages("part",
                Stanza("pq", "1.0", "Provides: vq", "Depends: missing-pq"),
                Stanza("pf", "1.0", "Provides: vf"),
                Stanza("xq", "1.0", "Depends: vq"),
                Stanza("xf", "1.0", "Depends: vf"))
            .Log("base", LogDirectory.Pass, "pq", "2.0")
            .Log("base", LogDirectory.Fail, "pf", "2.0")
            .Compare();

        RuleAssert.DebianStates(comparison, "part",
            ("pq", "outdated"), ("pf", "outdated"), ("xq", "waiting-to-be-tested"), ("xf", "dependency-failed-testing"));
        RuleAssert.DebianReplies(comparison, "part", ("_recursive-depends xq", "ok vq missing-pq"));
        comparison.AssertSame();
    }

    /// <summary>
    /// depends-sections = "base other base": the databases are asked in that order (base is
    /// one database, named twice). part's aa is older than other's, so outdated, but its state
    /// is base's, the first that knows it; cc is found in other.
    /// </summary>
    [Fact]
    public void Rule_5_3_depends_sections_are_asked_in_their_order_and_one_named_twice_is_one_database()
    {
        var comparison = new RuleCase(nameof(Rule_5_3_depends_sections_are_asked_in_their_order_and_one_named_twice_is_one_database))
            .Section("base", Stanza("aa", "1.0"), Stanza("bb", "1.0"))
            .Section("other", Stanza("aa", "2.0"), Stanza("cc", "1.0"))
            .Section(new SectionSpec("part") { Distro = "part", DependsSections = "base other base" }, ["aa", "xx", "yy", "zz"])
            .Packages("part",
                Stanza("aa", "1.5"),
                Stanza("xx", "1.0", "Depends: aa"),
                Stanza("yy", "1.0", "Depends: cc"),
                Stanza("zz", "1.0", "Depends: bb"))
            .Log("base", LogDirectory.Fail, "aa")
            .Log("base", LogDirectory.Pass, "bb")
            .Log("other", LogDirectory.Pass, "aa", "2.0")
            .Compare();

        RuleAssert.DebianStates(comparison, "part",
            ("aa", "outdated"), ("xx", "dependency-failed-testing"), ("yy", "waiting-for-dependency-to-be-tested"),
            ("zz", "waiting-to-be-tested"));
        RuleAssert.DebianReplies(comparison, "part", ("_state aa", "ok failed-testing 1.5"));
        comparison.AssertSame();
    }

    /// <summary>
    /// The first provider's class does not decide: waiting beats failed (x1), failed-testing
    /// beats cannot-be-tested (x2), dependency-failed-testing beats dependency-does-not-exist (x3),
    /// a passed provider makes the name good (x4), and so does a passed provider of a real,
    /// failed name (x5).
    /// </summary>
    [Fact]
    public void Rule_5_4_best_state_takes_the_best_class_among_a_name_and_its_providers()
    {
        const string section = "best";
        var comparison = new RuleCase(nameof(Rule_5_4_best_state_takes_the_best_class_among_a_name_and_its_providers))
            .Section(section,
                Stanza("pf", "1.0", "Provides: v1"),
                Stanza("pw", "1.0", "Provides: v1"),
                Stanza("x1", "1.0", "Depends: v1"),
                Stanza("pu", "1.0", "Provides: v2"),
                Stanza("pf2", "1.0", "Provides: v2"),
                Stanza("x2", "1.0", "Depends: v2"),
                Stanza("pd", "1.0", "Provides: v3", "Depends: missing-pd"),
                Stanza("pdf", "1.0", "Provides: v3", "Depends: pf"),
                Stanza("x3", "1.0", "Depends: v3"),
                Stanza("pf3", "1.0", "Provides: v4"),
                Stanza("pp", "1.0", "Provides: v4"),
                Stanza("x4", "1.0", "Depends: v4"),
                Stanza("rr", "1.0"),
                Stanza("pr", "1.0", "Provides: rr"),
                Stanza("x5", "1.0", "Depends: rr"))
            .Log(section, LogDirectory.Fail, "pf")
            .Log(section, LogDirectory.Untestable, "pu")
            .Log(section, LogDirectory.Fail, "pf2")
            .Log(section, LogDirectory.Fail, "pf3")
            .Log(section, LogDirectory.Pass, "pp")
            .Log(section, LogDirectory.Fail, "rr")
            .Log(section, LogDirectory.Pass, "pr")
            .Compare();

        RuleAssert.DebianStates(comparison, section,
            ("pw", "waiting-to-be-tested"), ("x1", "waiting-for-dependency-to-be-tested"), ("x2", "dependency-failed-testing"),
            ("pd", "dependency-does-not-exist"), ("pdf", "dependency-failed-testing"), ("x3", "dependency-failed-testing"),
            ("x4", "waiting-to-be-tested"), ("x5", "waiting-to-be-tested"));
        comparison.AssertSame();
    }
}
