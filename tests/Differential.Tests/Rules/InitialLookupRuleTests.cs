using Piuparts.Core.MasterDir;
using static Piuparts.Differential.Tests.Harness.MasterDirectoryBuilder;

namespace Piuparts.Differential.Tests.Rules;

/// <summary>package-states.md §6.2: the initial lookup of each package from its logs.</summary>
public sealed class InitialLookupRuleTests
{
    private const string Section = "lookup";

    /// <summary>
    /// pass before fail, bugged and affected (failed-testing), before untestable, before
    /// reserved; a state from the lookup never changes (ff, reserved, keeps waiting-to-be-tested
    /// whatever its dependency); logs of another version and recycle marks (without recycle mode)
    /// do not count.
    /// </summary>
    [Fact]
    public void Rule_6_2_the_initial_lookup_checks_pass_then_failures_then_untestable_then_reserved()
    {
        var comparison = new RuleCase(nameof(Rule_6_2_the_initial_lookup_checks_pass_then_failures_then_untestable_then_reserved))
            .Section(Section,
                Stanza("aa", "1.0"),
                Stanza("bb", "1.0"),
                Stanza("cc", "1.0"),
                Stanza("dd", "1.0"),
                Stanza("ee", "1.0"),
                Stanza("ff", "1.0", "Depends: missing-ff"),
                Stanza("oo", "1.0"),
                Stanza("pp", "1.0"),
                Stanza("qq", "1.0"))
            .Log(Section, LogDirectory.Pass, "aa")
            .Log(Section, LogDirectory.Fail, "aa")
            .Log(Section, LogDirectory.Fail, "bb")
            .Log(Section, LogDirectory.Untestable, "bb")
            .Log(Section, LogDirectory.Bugged, "cc")
            .Log(Section, LogDirectory.Reserved, "cc")
            .Log(Section, LogDirectory.Affected, "dd")
            .Log(Section, LogDirectory.Untestable, "dd")
            .Log(Section, LogDirectory.Untestable, "ee")
            .Log(Section, LogDirectory.Reserved, "ee")
            .Log(Section, LogDirectory.Reserved, "ff")
            .Log(Section, LogDirectory.Pass, "oo", "0.9")
            .Log(Section, LogDirectory.Recycle, "pp")
            .Log(Section, LogDirectory.Bugged, "qq")
            .Log(Section, LogDirectory.Pass, "qq")
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("aa", "successfully-tested"), ("bb", "failed-testing"), ("cc", "failed-testing"), ("dd", "failed-testing"),
            ("ee", "cannot-be-tested"), ("ff", "waiting-to-be-tested"), ("oo", "waiting-to-be-tested"), ("pp", "waiting-to-be-tested"),
            ("qq", "successfully-tested"));
        comparison.AssertSame();
    }

    /// <summary>
    /// A pass log counts at once only when every chosen dependency is a real or provided package
    /// of the section (ii, even though its dependency failed; jj through a provider). Otherwise
    /// the package is resolved: gg's dependency does not exist, hh falls back to its fail log,
    /// mm's first alternative is missing and its chosen one still waits, rr's foreign dependency
    /// is good so its pass log counts after all.
    /// </summary>
    [Fact]
    public void Rule_6_2_a_pass_log_counts_at_once_only_when_every_dependency_is_trivially_satisfiable()
    {
        var comparison = new RuleCase(nameof(Rule_6_2_a_pass_log_counts_at_once_only_when_every_dependency_is_trivially_satisfiable))
            .Section(Section,
                Stanza("bb", "1.0"),
                Stanza("gg", "1.0", "Depends: missing-gg"),
                Stanza("hh", "1.0", "Depends: missing-hh"),
                Stanza("ii", "1.0", "Depends: bb"),
                Stanza("jj", "1.0", "Depends: vj"),
                Stanza("kk", "1.0", "Provides: vj", "Depends: missing-kk"),
                Stanza("mm", "1.0", "Depends: missing-mm | ww"),
                Stanza("ww", "1.0"),
                Stanza("rr", "1.0", "Depends: ia32-libs-i386"))
            .Log(Section, LogDirectory.Fail, "bb")
            .Log(Section, LogDirectory.Pass, "gg")
            .Log(Section, LogDirectory.Pass, "hh")
            .Log(Section, LogDirectory.Fail, "hh")
            .Log(Section, LogDirectory.Pass, "ii")
            .Log(Section, LogDirectory.Pass, "jj")
            .Log(Section, LogDirectory.Pass, "mm")
            .Log(Section, LogDirectory.Pass, "rr")
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("gg", "dependency-does-not-exist"), ("hh", "failed-testing"), ("ii", "successfully-tested"), ("jj", "successfully-tested"),
            ("kk", "dependency-does-not-exist"), ("mm", "waiting-for-dependency-to-be-tested"), ("rr", "successfully-tested"));
        RuleAssert.DebianReplies(comparison, Section, ("_depends mm", "ok ww"));
        comparison.AssertSame();
    }
}
