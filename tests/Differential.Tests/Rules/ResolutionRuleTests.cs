using Piuparts.Core.MasterDir;
using static Piuparts.Differential.Tests.Harness.MasterDirectoryBuilder;

namespace Piuparts.Differential.Tests.Rules;

/// <summary>package-states.md §6.5, steps 1, 3 and 6 of compute_one.</summary>
public sealed class ResolutionRuleTests
{
    private const string Section = "resolve";

    /// <summary>bp passed, bw and bw2 wait, bf failed, bu untestable (all resolved before the packages that name them).</summary>
    private static readonly string[] Bases =
        [Stanza("bp", "1.0"), Stanza("bp2", "1.0"), Stanza("bw", "1.0"), Stanza("bw2", "1.0"), Stanza("bf", "1.0"), Stanza("bu", "1.0")];

    private static RuleCase WithBases(string name, params string[] stanzas) =>
        new RuleCase(name)
            .Section(Section, [.. Bases, .. stanzas])
            .Log(Section, LogDirectory.Pass, "bp")
            .Log(Section, LogDirectory.Pass, "bp2")
            .Log(Section, LogDirectory.Fail, "bf")
            .Log(Section, LogDirectory.Untestable, "bu");

    /// <summary>
    /// The score order passed > waiting > unknown, the first alternative of the best score, in
    /// Depends and Pre-Depends, group by group; a good but unscored name (kbdcontrol) loses to
    /// a waiting one.
    /// </summary>
    [Fact]
    public void Rule_6_5_step_1_prefers_a_passed_alternative_then_a_waiting_one()
    {
        var comparison = WithBases(nameof(Rule_6_5_step_1_prefers_a_passed_alternative_then_a_waiting_one),
                Stanza("a1", "1.0", "Depends: bw | bp"),
                Stanza("a2", "1.0", "Depends: bf | bw"),
                Stanza("a5", "1.0", "Depends: bw | bw2"),
                Stanza("a6", "1.0", "Depends: bw | bp | bp2"),
                Stanza("a7", "1.0", "Pre-Depends: bf | bp", "Depends: bw"),
                Stanza("a9", "1.0", "Depends: kbdcontrol | bw"),
                Stanza("a10", "1.0", "Depends: bw | bp, bf | bp2, bu"),
                Stanza("a11", "1.0", "Depends: later | bf"),
                Stanza("later", "1.0", "Depends: bw"))
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("a1", "waiting-to-be-tested"), ("a2", "waiting-for-dependency-to-be-tested"), ("a5", "waiting-for-dependency-to-be-tested"),
            ("a6", "waiting-to-be-tested"), ("a7", "waiting-for-dependency-to-be-tested"), ("a9", "waiting-for-dependency-to-be-tested"),
            ("a10", "dependency-cannot-be-tested"), ("a11", "waiting-for-dependency-to-be-tested"));
        RuleAssert.DebianReplies(comparison, Section,
            ("_depends a1", "ok bp"), ("_depends a2", "ok bw"), ("_depends a5", "ok bw"), ("_depends a6", "ok bp"),
            ("_depends a7", "ok bw bp"), ("_depends a9", "ok bw"), ("_depends a10", "ok bp bp2 bu"), ("_depends a11", "ok later"));
        comparison.AssertSame();
    }

    /// <summary>
    /// A group none of whose alternatives exists makes the package dependency-does-not-exist at
    /// once, even when an earlier dependency failed (a3b) or when the group is in Pre-Depends
    /// and a Depends failed (a3c: step 1 looks at every group before step 3).
    /// </summary>
    [Fact]
    public void Rule_6_5_step_1_a_group_without_any_existing_alternative_is_dependency_does_not_exist_at_once()
    {
        var comparison = WithBases(nameof(Rule_6_5_step_1_a_group_without_any_existing_alternative_is_dependency_does_not_exist_at_once),
                Stanza("a3", "1.0", "Depends: missing-1 | missing-2"),
                Stanza("a3b", "1.0", "Depends: bf, missing-3 | missing-4"),
                Stanza("a3c", "1.0", "Pre-Depends: missing-5 | missing-6", "Depends: bu"))
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("a3", "dependency-does-not-exist"), ("a3b", "dependency-does-not-exist"), ("a3c", "dependency-does-not-exist"));
        comparison.AssertSame();
    }

    /// <summary>
    /// When no alternative scores (errors, or a missing first one beside an unscored name) the
    /// chosen one stays the first: its state decides.
    /// </summary>
    [Fact]
    public void Rule_6_5_step_1_a_group_where_no_alternative_scores_keeps_its_first_alternative()
    {
        var comparison = WithBases(nameof(Rule_6_5_step_1_a_group_where_no_alternative_scores_keeps_its_first_alternative),
                Stanza("a4", "1.0", "Depends: bf | bu"),
                Stanza("a4b", "1.0", "Depends: bu | bf"),
                Stanza("a8", "1.0", "Depends: missing-8 | bf"),
                Stanza("a12", "1.0", "Depends: missing-12 | vidcontrol"))
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("a4", "dependency-failed-testing"), ("a4b", "dependency-cannot-be-tested"), ("a8", "dependency-does-not-exist"),
            ("a12", "dependency-does-not-exist"));
        RuleAssert.DebianReplies(comparison, Section, ("_depends a4", "ok bf"), ("_depends a8", "ok missing-8"));
        comparison.AssertSame();
    }

    /// <summary>
    /// pp and qq have the same Depends. pp is computed while xq is still unknown, chooses it
    /// (score 0), and keeps that choice when xq turns out dependency-does-not-exist and nothing
    /// scores: dependency-cannot-be-tested. qq comes after xq, nothing ever scores for it, so it
    /// keeps yf: dependency-failed-testing.
    /// </summary>
    [Fact]
    public void Rule_6_5_step_1_a_choice_persists_when_no_alternative_scores_any_more()
    {
        var comparison = new RuleCase(nameof(Rule_6_5_step_1_a_choice_persists_when_no_alternative_scores_any_more))
            .Section(Section,
                Stanza("yf", "1.0"),
                Stanza("pp", "1.0", "Depends: yf | xq"),
                Stanza("xq", "1.0", "Depends: missing-xq"),
                Stanza("qq", "1.0", "Depends: yf | xq"))
            .Log(Section, LogDirectory.Fail, "yf")
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("pp", "dependency-cannot-be-tested"), ("xq", "dependency-does-not-exist"), ("qq", "dependency-failed-testing"));
        RuleAssert.DebianReplies(comparison, Section, ("_depends pp", "ok xq"), ("_depends qq", "ok yf"));
        comparison.AssertSame();
    }

    /// <summary>
    /// The first dependency in an error state decides which error, even after a waiting one
    /// (e3) and whatever errors come later; Depends come before Pre-Depends (e5).
    /// </summary>
    [Fact]
    public void Rule_6_5_step_3_the_first_dependency_in_an_error_state_decides_the_error()
    {
        var comparison = WithBases(nameof(Rule_6_5_step_3_the_first_dependency_in_an_error_state_decides_the_error),
                Stanza("dn", "1.0", "Depends: missing-dn"),
                Stanza("df", "1.0", "Depends: bf"),
                Stanza("e1", "1.0", "Depends: bf, bu"),
                Stanza("e2", "1.0", "Depends: bu, bf"),
                Stanza("e3", "1.0", "Depends: bw, missing-e3, bf"),
                Stanza("e4", "1.0", "Depends: bp, dn, df"),
                Stanza("e5", "1.0", "Pre-Depends: bf", "Depends: bu"),
                Stanza("e6", "1.0", "Depends: df, dn"))
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("e1", "dependency-failed-testing"), ("e2", "dependency-cannot-be-tested"), ("e3", "dependency-does-not-exist"),
            ("e4", "dependency-cannot-be-tested"), ("e5", "dependency-cannot-be-tested"), ("e6", "dependency-failed-testing"));
        comparison.AssertSame();
    }

    /// <summary>
    /// A package with a waiting dependency and no error waits for it (also through a chain, and
    /// when the waiting package comes later in the index: w5 is resolved in the second pass).
    /// </summary>
    [Fact]
    public void Rule_6_5_step_6_a_package_with_a_waiting_dependency_waits_for_it()
    {
        var comparison = WithBases(nameof(Rule_6_5_step_6_a_package_with_a_waiting_dependency_waits_for_it),
                Stanza("w1", "1.0", "Depends: bw"),
                Stanza("w2", "1.0", "Depends: w1"),
                Stanza("w3", "1.0", "Depends: bp, bw"),
                Stanza("w4", "1.0", "Depends: w5"),
                Stanza("w5", "1.0", "Depends: w6"),
                Stanza("w6", "1.0"))
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("bw", "waiting-to-be-tested"), ("w1", "waiting-for-dependency-to-be-tested"), ("w2", "waiting-for-dependency-to-be-tested"),
            ("w3", "waiting-for-dependency-to-be-tested"), ("w4", "waiting-for-dependency-to-be-tested"),
            ("w5", "waiting-for-dependency-to-be-tested"), ("w6", "waiting-to-be-tested"));
        comparison.AssertSame();
    }
}
