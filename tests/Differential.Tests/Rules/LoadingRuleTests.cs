using Piuparts.Core.MasterDir;
using Piuparts.Differential.Tests.Harness;
using static Piuparts.Differential.Tests.Harness.MasterDirectoryBuilder;

namespace Piuparts.Differential.Tests.Rules;

/// <summary>package-states.md §2: reading the Packages index (stanzas, duplicates, test versions).</summary>
public sealed class LoadingRuleTests
{
    private const string Section = "loading";

    /// <summary>
    /// distros.conf decides the Packages files: lts is virtual (uri = None) with two candidates,
    /// the alias stable (distribution = realname) and sec (its own uri and distribution); combo
    /// names the virtual lts as a candidate, which stands for the first of lts's expanded
    /// depends (stable), then extra, which has no entry at all.
    /// </summary>
    [Fact]
    public void Rule_2_1_candidates_aliases_and_virtual_distros_choose_the_Packages_files()
    {
        var comparison = new RuleCase(nameof(Rule_2_1_candidates_aliases_and_virtual_distros_choose_the_Packages_files))
            .DistrosConf("[stable]\ndistribution = realname\n\n" +
                "[sec]\nuri = {mirror}\ndistribution = realname-security\n\n" +
                "[lts]\nuri = None\ndepends = stable sec\ncandidates = stable sec\n\n" +
                "[combo]\nuri = None\ndepends = lts\ncandidates = lts extra\n")
            .Section(new SectionSpec("lts") { Distro = "lts" }, ["aa", "bb", "cc"])
            .Section(new SectionSpec("combo") { Distro = "combo" }, ["aa", "bb", "dd"])
            .Packages("realname", Stanza("aa", "1.0"), Stanza("bb", "1.0", "Depends: cc"))
            .Packages("realname-security", Stanza("aa", "1.1"), Stanza("cc", "1.0"))
            .Packages("extra", Stanza("dd", "1.0", "Depends: cc"))
            .Compare();

        RuleAssert.DebianStates(comparison, "lts",
            ("aa", "waiting-to-be-tested"), ("bb", "waiting-for-dependency-to-be-tested"), ("cc", "waiting-to-be-tested"));
        RuleAssert.DebianReplies(comparison, "lts", ("_state aa", "ok waiting-to-be-tested 1.1"));
        RuleAssert.DebianStates(comparison, "combo",
            ("aa", "waiting-to-be-tested"), ("bb", "dependency-does-not-exist"), ("dd", "dependency-does-not-exist"));
        RuleAssert.DebianReplies(comparison, "combo", ("_state aa", "ok waiting-to-be-tested 1.0"));
        comparison.AssertSame();
    }

    [Fact]
    public void Rule_2_3_a_continuation_line_extends_its_field_and_a_repeated_field_keeps_its_last_value()
    {
        var comparison = new RuleCase(nameof(Rule_2_3_a_continuation_line_extends_its_field_and_a_repeated_field_keeps_its_last_value))
            .Section(Section,
                "Package: aa\nVersion: 1.0\nDepends: bb,\n cc (>= 1.0),\n\tdd\nDescription: first line\n second line\n .\n third\n",
                "Package: bb\nVersion: 1.0\nDepends: missing-one\nDepends: cc\n",
                "Package: cc\nVersion: 0.5\nVersion: 2.0\n",
                "Package: dd\nVersion: 1.0\nProvides: vd\nProvides: ve\n",
                Stanza("ee", "1.0", "Depends: vd"),
                Stanza("ff", "1.0", "Depends: ve"))
            .Log(Section, LogDirectory.Pass, "cc", "2.0")
            .Log(Section, LogDirectory.Fail, "cc", "0.5")
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("aa", "waiting-for-dependency-to-be-tested"), ("bb", "waiting-to-be-tested"), ("cc", "successfully-tested"),
            ("dd", "waiting-to-be-tested"), ("ee", "dependency-does-not-exist"), ("ff", "waiting-for-dependency-to-be-tested"));
        RuleAssert.DebianReplies(comparison, Section,
            ("_depends aa", "ok bb cc dd"), ("_depends bb", "ok cc"), ("_state cc", "ok successfully-tested 2.0"));
        comparison.AssertSame();
    }

    [Fact]
    public void Rule_2_3_a_line_of_spaces_merges_the_next_stanza_into_the_current_one()
    {
        string[] stanzas =
        [
            "Package: gg\nVersion: 1.0\nDepends: missing-gg\n   \nPackage: hh\nVersion: 3.0\n",
            Stanza("kk", "1.0", "Depends: gg"),
            Stanza("mm", "1.0", "Depends: hh"),
        ];
        var comparison = new RuleCase(nameof(Rule_2_3_a_line_of_spaces_merges_the_next_stanza_into_the_current_one))
            .Section(new SectionSpec(Section) { Distro = Section }, ["hh", "kk", "mm"])
            .Packages(Section, stanzas)
            .Compare();

        RuleAssert.DebianStates(comparison, Section,
            ("hh", "dependency-does-not-exist"), ("kk", "dependency-does-not-exist"), ("mm", "dependency-cannot-be-tested"));
        RuleAssert.DebianReplies(comparison, Section, ("status", StatusLine(dependencyDoesNotExist: 2, dependencyCannotBeTested: 1)),
            ("_state hh", "ok dependency-does-not-exist 3.0"), ("_depends hh", "ok missing-gg"));
        comparison.AssertSame();
    }

    // README "Where piuparts-site differs on purpose": two blank lines in a row do not end our
    // Packages file. The stanzas before them must still come out the same. This is about
    // piuparts-site itself, whatever PIUPARTS_MASTER_UNDER_TEST names.
    [Fact]
    public void Rule_2_3_two_blank_lines_end_Debians_index_but_not_ours_as_the_README_says()
    {
        var comparison = new RuleCase(nameof(Rule_2_3_two_blank_lines_end_Debians_index_but_not_ours_as_the_README_says))
            .Section(new SectionSpec(Section) { Distro = Section }, ["ll", "nn"])
            .Packages(Section, Stanza("ll", "1.0"), Stanza("nn", "1.0", "Depends: pp") + "\n", Stanza("pp", "1.0"))
            .Compare(MasterCommand.PiupartsSite);

        RuleAssert.DebianStates(comparison, Section, ("ll", "waiting-to-be-tested"), ("nn", "dependency-does-not-exist"));
        RuleAssert.DebianReplies(comparison, Section, ("status", StatusLine(waitingToBeTested: 1, dependencyDoesNotExist: 1)));
        RuleAssert.States(comparison.Actual.Listings[Section], "the master under test",
            ("ll", "waiting-to-be-tested"), ("nn", "waiting-for-dependency-to-be-tested"), ("pp", "waiting-to-be-tested"));
        Assert.Equal(comparison.Expected.QuerySessions[Section].ReplyTo("_depends nn"),
            comparison.Actual.QuerySessions[Section].ReplyTo("_depends nn"));
    }

    /// <summary>
    /// Three candidate files for one distro: a newer duplicate replaces the package but keeps its
    /// place (aa stays the first provider of vv, so ee's recursive dependencies follow aa 1.5), an
    /// older or equal one is ignored (bb, cc, and aa 1.2 after aa 1.5), also within one file (dup).
    /// </summary>
    [Fact]
    public void Rule_2_4_a_duplicate_stanza_replaces_the_package_only_when_newer_and_keeps_its_place_across_candidate_files()
    {
        const string combo = "combo";
        const string name = nameof(Rule_2_4_a_duplicate_stanza_replaces_the_package_only_when_newer_and_keeps_its_place_across_candidate_files);
        var comparison = new RuleCase(name)
            .DistrosConf("[combo]\ncandidates = one two three\n")
            .Section(new SectionSpec(combo) { Distro = combo }, ["aa", "bb", "cc", "dup", "dd", "ee"])
            .Packages("one",
                Stanza("aa", "1.0", "Provides: vv", "Depends: bb"),
                Stanza("bb", "2.0"),
                Stanza("cc", "1.0", "Depends: bb"),
                Stanza("dup", "1.0"),
                Stanza("dup", "2.0", "Depends: missing-y"))
            .Packages("two",
                Stanza("dd", "1.0", "Provides: vv"),
                Stanza("bb", "1.0", "Depends: missing-z"),
                Stanza("aa", "1.5", "Provides: vv", "Depends: cc"),
                Stanza("cc", "1.0", "Depends: missing-x"))
            .Packages("three",
                Stanza("aa", "1.2", "Depends: missing-w"),
                Stanza("ee", "1.0", "Depends: vv"))
            .Log(combo, LogDirectory.Pass, "aa", "1.0")
            .Log(combo, LogDirectory.Fail, "bb", "1.0")
            .Compare();

        RuleAssert.DebianStates(comparison, combo,
            ("aa", "waiting-for-dependency-to-be-tested"), ("bb", "waiting-to-be-tested"), ("cc", "waiting-for-dependency-to-be-tested"),
            ("dup", "dependency-does-not-exist"), ("dd", "waiting-to-be-tested"), ("ee", "waiting-for-dependency-to-be-tested"));
        RuleAssert.DebianReplies(comparison, combo,
            ("_state aa", "ok waiting-for-dependency-to-be-tested 1.5"), ("_state dup", "ok dependency-does-not-exist 2.0"),
            ("_depends cc", "ok bb"), ("_depends bb", "ok"), ("_recursive-depends ee", "ok vv cc bb"));
        comparison.AssertSame();
    }

    /// <summary>
    /// upg tests old → mid → new with distro old: logs are named with new's versions, "None" for
    /// dd, which new lacks; the reservation answers new's version. last (distro = the final one)
    /// is the control: its own versions.
    /// </summary>
    [Fact]
    public void Rule_2_6_an_upgrade_section_whose_distro_is_not_the_last_names_logs_with_the_final_distros_versions_or_None()
    {
        const string name = nameof(Rule_2_6_an_upgrade_section_whose_distro_is_not_the_last_names_logs_with_the_final_distros_versions_or_None);
        var comparison = new RuleCase(name)
            .Section(new SectionSpec("upg") { Distro = "old", UpgradeTestDistros = "old mid new" }, ["aa", "bb", "cc", "dd", "ee"])
            .Section(new SectionSpec("last") { Distro = "new", UpgradeTestDistros = "old new" }, ["aa", "bb", "cc", "ee"])
            .Packages("old",
                Stanza("aa", "1.0"),
                Stanza("bb", "1.0", "Depends: aa"),
                Stanza("cc", "1.0", "Depends: aa"),
                Stanza("dd", "1.0"),
                Stanza("ee", "1.0", "Depends: dd"))
            .Packages("new",
                Stanza("aa", "2.0"),
                Stanza("bb", "2.0", "Depends: aa"),
                Stanza("cc", "0.5"),
                Stanza("ee", "1.0", "Depends: dd"))
            .Log("upg", LogDirectory.Pass, "aa", "2.0")
            .Log("upg", LogDirectory.Pass, "bb", "1.0")
            .Log("upg", LogDirectory.Pass, "cc", "0.5")
            .Log("upg", LogDirectory.Fail, "dd", "None")
            .Log("last", LogDirectory.Pass, "aa", "2.0")
            .Session(new SessionScript("section upg").Repeat("reserve", 3))
            .Compare();

        RuleAssert.DebianStates(comparison, "upg",
            ("aa", "successfully-tested"), ("bb", "waiting-to-be-tested"), ("cc", "successfully-tested"), ("dd", "failed-testing"),
            ("ee", "dependency-failed-testing"));
        RuleAssert.DebianReplies(comparison, "upg",
            ("_state bb", "ok waiting-to-be-tested 2.0"), ("_state cc", "ok successfully-tested 0.5"), ("_state dd", "ok failed-testing None"));
        RuleAssert.DebianStates(comparison, "last",
            ("aa", "successfully-tested"), ("bb", "waiting-to-be-tested"), ("cc", "waiting-to-be-tested"), ("ee", "dependency-does-not-exist"));
        RuleAssert.DebianReplies(comparison, "last", ("_state cc", "ok waiting-to-be-tested 0.5"));
        Assert.Equal(["ok bb 2.0", "error", "error"], comparison.Expected.Sessions[0].RepliesTo("reserve"));
        comparison.AssertSame();
    }

    /// <summary>The status line for counts of the active states (package-states.md §4.1), the rest 0.</summary>
    private static string StatusLine(int waitingToBeTested = 0, int dependencyDoesNotExist = 0, int dependencyCannotBeTested = 0)
    {
        var counts = ListStates.Active.ToDictionary(s => s, _ => 0);
        counts["waiting-to-be-tested"] = waitingToBeTested;
        counts["dependency-does-not-exist"] = dependencyDoesNotExist;
        counts["dependency-cannot-be-tested"] = dependencyCannotBeTested;
        return "ok " + string.Join(' ', counts.Select(c => $"{c.Key}={c.Value}")) + $" total={counts.Values.Sum()}";
    }
}
