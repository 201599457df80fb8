using Piuparts.Core.MasterDir;
using static Piuparts.Differential.Tests.Harness.MasterDirectoryBuilder;

namespace Piuparts.Differential.Tests.Rules;

/// <summary>package-states.md §6.5 step 5 and §6.6: dependency cycles.</summary>
public sealed class CycleRuleTests
{
    private const string Section = "cycles";

    /// <summary>
    /// Both members of xx ↔ yy can be tested; with pa passed (its pass log counts: pb is a
    /// package of the section) pb simply depends on a good package; tt depends on itself; a
    /// package depending on the cycle from outside is not part of it and waits.
    /// </summary>
    [Fact]
    public void Rule_6_5_step_5_the_members_of_a_two_cycle_are_waiting_to_be_tested()
    {
        var comparison = new RuleCase(nameof(Rule_6_5_step_5_the_members_of_a_two_cycle_are_waiting_to_be_tested))
            .Section(Section,
                Stanza("xx", "1.0", "Depends: yy"),
                Stanza("yy", "1.0", "Pre-Depends: xx"),
                Stanza("pa", "1.0", "Depends: pb"),
                Stanza("pb", "1.0", "Depends: pa"),
                Stanza("tt", "1.0", "Depends: tt"),
                Stanza("hang", "1.0", "Depends: xx"))
            .Log(Section, LogDirectory.Pass, "pa")
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("xx", "waiting-to-be-tested"), ("yy", "waiting-to-be-tested"), ("pa", "successfully-tested"), ("pb", "waiting-to-be-tested"),
            ("tt", "waiting-to-be-tested"), ("hang", "waiting-for-dependency-to-be-tested"));
        RuleAssert.DebianReplies(comparison, Section,
            ("_depcycle xx", "ok xx yy"), ("_depcycle yy", "ok yy xx"), ("_depcycle tt", "ok tt"), ("_depcycle hang", "ok"));
        comparison.AssertSame();
    }

    /// <summary>aa → bb → cc → aa, and p → q → r → p with the chord q → p.</summary>
    [Fact]
    public void Rule_6_5_step_5_the_members_of_a_three_cycle_are_waiting_to_be_tested()
    {
        var comparison = new RuleCase(nameof(Rule_6_5_step_5_the_members_of_a_three_cycle_are_waiting_to_be_tested))
            .Section(Section,
                Stanza("aa", "1.0", "Depends: bb"),
                Stanza("bb", "1.0", "Depends: cc"),
                Stanza("cc", "1.0", "Depends: aa"),
                Stanza("dd", "1.0", "Depends: aa"),
                Stanza("pq", "1.0", "Depends: qq"),
                Stanza("qq", "1.0", "Depends: rr, pq"),
                Stanza("rr", "1.0", "Depends: pq"))
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("aa", "waiting-to-be-tested"), ("bb", "waiting-to-be-tested"), ("cc", "waiting-to-be-tested"),
            ("dd", "waiting-for-dependency-to-be-tested"), ("pq", "waiting-to-be-tested"), ("qq", "waiting-to-be-tested"),
            ("rr", "waiting-to-be-tested"));
        RuleAssert.DebianReplies(comparison, Section, ("_depcycle aa", "ok aa bb cc"), ("_depcycle qq", "ok qq rr pq"));
        comparison.AssertSame();
    }

    /// <summary>
    /// A dependency outside the cycle must be good: bb also needs ww (waiting) and waits, while
    /// aa, resolved first, only needed bb; dd's outside dependency passed; ff's failed, and the
    /// error propagates (step 3 comes first) although ee, resolved before, is testable.
    /// </summary>
    [Fact]
    public void Rule_6_5_step_5_a_cycle_member_with_a_dependency_outside_the_cycle_needs_it_to_be_good()
    {
        var comparison = new RuleCase(nameof(Rule_6_5_step_5_a_cycle_member_with_a_dependency_outside_the_cycle_needs_it_to_be_good))
            .Section(Section,
                Stanza("ww", "1.0"),
                Stanza("pp", "1.0"),
                Stanza("bf", "1.0"),
                Stanza("aa", "1.0", "Depends: bb"),
                Stanza("bb", "1.0", "Depends: aa, ww"),
                Stanza("cc", "1.0", "Depends: dd"),
                Stanza("dd", "1.0", "Depends: cc, pp"),
                Stanza("ee", "1.0", "Depends: ff"),
                Stanza("ff", "1.0", "Depends: ee, bf"))
            .Log(Section, LogDirectory.Pass, "pp")
            .Log(Section, LogDirectory.Fail, "bf")
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("aa", "waiting-to-be-tested"), ("bb", "waiting-for-dependency-to-be-tested"), ("cc", "waiting-to-be-tested"),
            ("dd", "waiting-to-be-tested"), ("ee", "waiting-to-be-tested"), ("ff", "dependency-failed-testing"));
        comparison.AssertSame();
    }

    /// <summary>
    /// Cycle members are compared by name and virtual names stay virtual: aa → vb (provided by
    /// bb) → aa is a cycle for aa only; ss depends on the name it provides and stays unknown, and
    /// so does uu, which depends on ss.
    /// </summary>
    [Fact]
    public void Rule_6_5_step_5_a_cycle_through_a_virtual_package_counts_only_for_the_package_naming_the_virtual_name()
    {
        var comparison = new RuleCase(nameof(Rule_6_5_step_5_a_cycle_through_a_virtual_package_counts_only_for_the_package_naming_the_virtual_name))
            .Section(Section,
                Stanza("aa", "1.0", "Depends: vb"),
                Stanza("bb", "1.0", "Provides: vb", "Depends: aa"),
                Stanza("ss", "1.0", "Provides: vs", "Depends: vs"),
                Stanza("uu", "1.0", "Depends: ss"))
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("aa", "waiting-to-be-tested"), ("bb", "waiting-for-dependency-to-be-tested"), ("ss", "unknown"), ("uu", "unknown"));
        RuleAssert.DebianReplies(comparison, Section,
            ("_depcycle aa", "ok aa vb"), ("_depcycle bb", "ok"), ("_depcycle ss", "ok"), ("_recursive-depends bb", "ok aa vb"));
        comparison.AssertSame();
    }
}
