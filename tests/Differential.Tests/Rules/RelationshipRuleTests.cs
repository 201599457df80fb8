using Piuparts.Core.MasterDir;
using static Piuparts.Differential.Tests.Harness.MasterDirectoryBuilder;

namespace Piuparts.Differential.Tests.Rules;

/// <summary>package-states.md §3: dependencies, virtual packages, and §4.4: the hard-coded name lists.</summary>
public sealed class RelationshipRuleTests
{
    private const string Section = "relations";

    /// <summary>
    /// deps = chosen(Depends) then chosen(Pre-Depends), duplicates kept, versions and ":any"
    /// ignored, Recommends not a dependency. cc's Depends come first, so its first error is ee's.
    /// </summary>
    [Fact]
    public void Rule_3_3_deps_are_Depends_then_Pre_Depends_with_duplicates_kept()
    {
        var comparison = new RuleCase(nameof(Rule_3_3_deps_are_Depends_then_Pre_Depends_with_duplicates_kept))
            .Section(Section,
                Stanza("aa", "1.0", "Depends: bb, bb (>= 1.0)", "Pre-Depends: bb"),
                Stanza("bb", "1.0"),
                Stanza("cc", "1.0", "Pre-Depends: dd", "Depends: ee"),
                Stanza("dd", "1.0"),
                Stanza("ee", "1.0"),
                Stanza("ff", "1.0", "Depends: gg:any (<< 0.1)", "Recommends: missing-r"),
                Stanza("gg", "1.0"),
                Stanza("hh", "1.0", "Depends: aa, gg, aa"))
            .Log(Section, LogDirectory.Fail, "dd")
            .Log(Section, LogDirectory.Untestable, "ee")
            .Log(Section, LogDirectory.Pass, "gg")
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("aa", "waiting-for-dependency-to-be-tested"), ("cc", "dependency-cannot-be-tested"), ("ff", "waiting-to-be-tested"),
            ("hh", "waiting-for-dependency-to-be-tested"));
        RuleAssert.DebianReplies(comparison, Section,
            ("_depends aa", "ok bb bb bb"), ("_depends cc", "ok ee dd"), ("_depends ff", "ok gg"), ("_depends hh", "ok aa gg aa"),
            ("_recursive-depends hh", "ok aa gg bb"));
        comparison.AssertSame();
    }

    /// <summary>
    /// Providers are listed in index order (p1 first: vv resolves to p1, whose Depends the
    /// recursive dependencies follow), a package providing its own name is not its own provider,
    /// one providing a name twice is listed twice, and rr is both real (failed) and provided by
    /// pw (waiting): the real package is the one followed, the provider's class wins.
    /// </summary>
    [Fact]
    public void Rule_3_4_providers_follow_index_order_without_self_provides_and_a_name_may_be_real_and_virtual()
    {
        var comparison = new RuleCase(nameof(Rule_3_4_providers_follow_index_order_without_self_provides_and_a_name_may_be_real_and_virtual))
            .Section(Section,
                Stanza("qq", "1.0"),
                Stanza("p1", "1.0", "Provides: vv", "Depends: qq"),
                Stanza("p2", "1.0", "Provides: vv, vv (= 2.0)"),
                Stanza("p3", "1.0", "Provides: vv (= 1.0)", "Depends: missing-p3"),
                Stanza("xx", "1.0", "Depends: vv"),
                Stanza("sp", "1.0", "Provides: sp, vs"),
                Stanza("yy", "1.0", "Depends: vs"),
                Stanza("ys", "1.0", "Depends: sp"),
                Stanza("kk", "1.0"),
                Stanza("rr", "1.0", "Depends: kk"),
                Stanza("pw", "1.0", "Provides: rr"),
                Stanza("zz", "1.0", "Depends: rr"))
            .Log(Section, LogDirectory.Fail, "rr")
            .Log(Section, LogDirectory.Pass, "sp")
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("p1", "waiting-for-dependency-to-be-tested"), ("p3", "dependency-does-not-exist"), ("xx", "waiting-for-dependency-to-be-tested"),
            ("sp", "successfully-tested"), ("yy", "waiting-to-be-tested"), ("ys", "waiting-to-be-tested"), ("rr", "failed-testing"),
            ("pw", "waiting-to-be-tested"), ("zz", "waiting-for-dependency-to-be-tested"));
        RuleAssert.DebianReplies(comparison, Section,
            ("_recursive-depends xx", "ok vv qq"), ("_recursive-depends zz", "ok rr kk"), ("_recursive-depends yy", "ok vs"));
        comparison.AssertSame();
    }

    /// <summary>
    /// The foreign and ignore lists are good, but only for names that are neither real nor
    /// virtual here: mediawiki is a failed package of the section, libnss-mdns-i386 a virtual
    /// one. An unscored good alternative is not chosen over a first one that does not exist (gg).
    /// </summary>
    [Fact]
    public void Rule_4_4_foreign_and_ignored_names_are_good_only_when_the_section_does_not_know_them()
    {
        var comparison = new RuleCase(nameof(Rule_4_4_foreign_and_ignored_names_are_good_only_when_the_section_does_not_know_them))
            .Section(Section,
                Stanza("aa", "1.0", "Depends: ia32-libs-i386, ia32-libs-gtk-i386"),
                Stanza("bb", "1.0", "Depends: kbdcontrol, vidcontrol, oracle-instantclient12.1-basic"),
                Stanza("mediawiki", "1.0"),
                Stanza("cc", "1.0", "Depends: mediawiki"),
                Stanza("ee", "1.0", "Provides: libnss-mdns-i386", "Depends: missing-ee"),
                Stanza("dd", "1.0", "Depends: libnss-mdns-i386"),
                Stanza("ff", "1.0", "Depends: llvm-3.7-dev | missing-ff"),
                Stanza("gg", "1.0", "Depends: missing-gg | kbdcontrol"),
                Stanza("fp", "1.0", "Depends: ia32-libs-i386"))
            .Log(Section, LogDirectory.Fail, "mediawiki")
            .Log(Section, LogDirectory.Pass, "fp")
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("aa", "waiting-to-be-tested"), ("bb", "waiting-to-be-tested"), ("cc", "dependency-failed-testing"),
            ("ee", "dependency-does-not-exist"), ("dd", "dependency-cannot-be-tested"), ("ff", "waiting-to-be-tested"),
            ("gg", "dependency-does-not-exist"), ("fp", "successfully-tested"));
        RuleAssert.DebianReplies(comparison, Section, ("_depends ff", "ok llvm-3.7-dev"), ("_depends gg", "ok missing-gg"));
        comparison.AssertSame();
    }
}
