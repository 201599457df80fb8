using Piuparts.Core.States;
using Piuparts.Core.Tests.Support;
using Piuparts.SitePipeline.Summary;

namespace Piuparts.SitePipeline.Tests.Summary;

public sealed class PackageSummaryTests
{
    private const string Url1 = "https://h/s/source/a/a.html";
    private const string Url2 = "https://h/t/source/a/a.html";

    [Fact]
    public void A_worse_flag_takes_the_entry_with_its_url_and_the_block_count_is_the_maximum()
    {
        var summary = new PackageSummary("d");
        summary.Add("a", "unstable", SummaryFlag.Waiting, 7, Url1);
        summary.Add("a", "unstable", SummaryFlag.Failed, 2, Url2);

        Assert.Equal(new SummaryEntry(SummaryFlag.Failed, 7, Url2), summary["a", "unstable"]);
    }

    [Fact]
    public void An_equal_or_better_flag_keeps_the_first_url_but_raises_the_block_count()
    {
        var summary = new PackageSummary("d");
        summary.Add("a", "unstable", SummaryFlag.Failed, 1, Url1);
        summary.Add("a", "unstable", SummaryFlag.Failed, 5, Url2);
        summary.Add("a", "unstable", SummaryFlag.Passed, 9, Url2);

        Assert.Equal(new SummaryEntry(SummaryFlag.Failed, 9, Url1), summary["a", "unstable"]);
    }

    [Fact]
    public void Unknown_ranks_as_best_so_passed_beats_it()
    {
        var summary = new PackageSummary("d");
        summary.Add("a", "unstable", SummaryFlag.Unknown, 0, Url1);
        summary.Add("a", "unstable", SummaryFlag.Passed, 0, Url2);

        Assert.Equal(SummaryFlag.Passed, summary["a", "unstable"].Flag);
    }

    [Fact]
    public void A_url_not_starting_with_http_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new PackageSummary("d").Add("a", "x", SummaryFlag.Passed, 0, "ftp://x"));
    }

    [Fact]
    public void Merging_adds_each_entry_under_its_name_and_under_overall()
    {
        var section = new PackageSummary("d");
        section.Add("a", "testing", SummaryFlag.Failed, 3, Url1);
        section.Add("a", "stable", SummaryFlag.Failed, 5, Url2);
        var global = new PackageSummary("d");
        global.Merge(section);

        Assert.Equal(new SummaryEntry(SummaryFlag.Failed, 5, Url1), global["a", PackageSummary.Overall]);
        Assert.Equal("Failed in stable and testing, blocking 5 packages.", global.Tooltip("a"));
    }

    [Theory]
    [InlineData(PackageState.FailedTesting, SummaryFlag.Failed, true)]
    [InlineData(PackageState.DependencyDoesNotExist, SummaryFlag.Blocked, true)]
    [InlineData(PackageState.WaitingForDependencyToBeTested, SummaryFlag.Waiting, true)]
    [InlineData(PackageState.EssentialRequired, SummaryFlag.Passed, true)]
    [InlineData(PackageState.DoesNotExist, SummaryFlag.Unknown, true)]
    [InlineData(PackageState.Outdated, SummaryFlag.Unknown, false)]
    [InlineData(PackageState.CircularDependency, SummaryFlag.Unknown, false)]
    [InlineData(PackageState.Virtual, SummaryFlag.Unknown, false)]
    public void States_map_to_the_flags_of_the_table_and_others_to_unknown_with_a_warning(PackageState state, SummaryFlag flag, bool mapped)
    {
        Assert.Equal((flag, mapped), (SummaryFlags.FromState(state, out var isMapped), isMapped));
    }

    [Fact]
    public void A_section_summary_uses_the_block_count_of_failed_packages_only_and_warns_about_unmapped_states()
    {
        SummaryBinary[] binaries =
        [
            new("libfoo1", "libfoo", PackageState.FailedTesting),
            new("foo-bin", "libfoo", PackageState.DependencyFailedTesting),
            new("bar", "bar", PackageState.Outdated),
        ];
        var asked = new List<string>();
        var summary = SectionSummary.Build("sid", ["unstable", "sid-x"], binaries, p => { asked.Add(p); return 4; },
            "piuparts.example.org", "/p", "d", out var warnings);

        Assert.Equal(new SummaryEntry(SummaryFlag.Failed, 4, "https://piuparts.example.org/p/sid/source/libf/libfoo.html"), summary["libfoo", "sid-x"]);
        Assert.Equal(SummaryFlag.Unknown, summary["bar", "unstable"].Flag);
        Assert.Equal(["libfoo1"], asked);
        Assert.Contains("bar", Assert.Single(warnings));
    }

    [Theory]
    [InlineData("", new[] { "STD" })]
    [InlineData("default ignored", new[] { "STD" })]
    [InlineData("none", new string[0])]
    [InlineData(" unstable  sid-strict ", new[] { "unstable", "sid-strict" })]
    public void Json_sections_give_the_reporting_names(string value, string[] expected)
    {
        Assert.Equal(expected, ReportingNames.FromJsonSections(value, () => "STD"));
    }

    [Fact]
    public void The_date_is_ctime_of_utc_with_utc_before_the_year_and_single_spaces()
    {
        Assert.Equal("Wed Nov 4 04:39:35 UTC 2026", SummaryDate.Format(new DateTimeOffset(2026, 11, 4, 5, 39, 35, TimeSpan.FromHours(1))));
        Assert.Equal("Tue Nov 24 04:39:35 UTC 2026", SummaryDate.Format(new DateTimeOffset(2026, 11, 24, 4, 39, 35, TimeSpan.Zero)));
    }

    [Fact]
    public void Precedence_compares_integers_as_numbers_keeps_ties_in_order_and_survives_a_mix()
    {
        var precedence = new Dictionary<string, string?> { ["a"] = "10", ["b"] = "9", ["c"] = null, ["d"] = "x", ["e"] = "1", ["f"] = " -2 " };

        Assert.Equal(["f", "c", "e", "b", "a", "d"], GlobalSummary.ByPrecedence(["a", "b", "c", "d", "e", "f"], s => precedence[s]));
    }

    [Fact]
    public void Reading_a_file_of_another_format_is_an_error_naming_the_file()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("summary.json", """{"_id": "Other", "_version": "1.0", "packages": {}}"""u8.ToArray());

        var result = SummaryJson.Read(path);

        Assert.Null(result.Summary);
        Assert.Equal(path, Assert.Single(result.Errors).File);
    }

    [Fact]
    public void Reading_broken_json_gives_the_line()
    {
        var result = SummaryJson.Parse("{\n \"_id\": \n,"u8.ToArray(), "f.json");

        Assert.Null(result.Summary);
        Assert.Equal(3, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public void Bad_entries_are_left_out_and_reported()
    {
        var json = $$"""
            {"_id": "{{PackageSummary.Id}}", "_version": "1.0", "_date": "x", "packages": {
              "a": {"u": ["F", 1, "https://x"], "v": ["Q", 1, "https://x"], "w": ["F", 1.5, "https://x"], "y": ["F", 1, "invalid url"]},
              "b": [], "c": {"u": ["P", 0, "http://\ud83d"]} } }
            """;
        var result = SummaryJson.Parse(System.Text.Encoding.UTF8.GetBytes(json), "s.json");

        Assert.NotNull(result.Summary);
        Assert.Equal(new SummaryEntry(SummaryFlag.Failed, 1, "https://x"), result.Summary["a", "u"]);
        Assert.Equal(5, result.Errors.Count);
    }

    [Fact]
    public void Merging_skips_unreadable_section_files_and_reports_them()
    {
        using var directory = new TemporaryDirectory();
        var good = new PackageSummary("d");
        good.Add("a", "unstable", SummaryFlag.Passed, 0, Url1);
        Directory.CreateDirectory(directory.Combine("good"));
        SummaryJson.Write(good, directory.Combine("good", "summary.json"));
        directory.Write("bad/summary.json", "not json"u8.ToArray());

        var merged = GlobalSummary.Merge(directory.Path, ["bad", "none", "good"], "d", out var errors);

        Assert.Single(errors);
        Assert.Equal(SummaryFlag.Passed, merged["a", PackageSummary.Overall].Flag);
    }

    [Fact]
    public void A_section_summary_merged_as_built_gives_the_global_summary_its_file_gives()
    {
        using var directory = new TemporaryDirectory();
        var first = new PackageSummary("d");
        first.Add("a", "testing", SummaryFlag.Failed, 3, Url1);
        first.Add("a", "unstable", SummaryFlag.Passed, 0, Url1);
        first.Add("b", "testing", SummaryFlag.Unknown, 0, Url1);
        var second = new PackageSummary("d");
        second.Add("a", "stable", SummaryFlag.Passed, 5, Url2);
        second.Add("c", "stable", SummaryFlag.Failed, 0, Url2);
        foreach (var (name, summary) in new[] { ("first", first), ("second", second) })
        {
            Directory.CreateDirectory(directory.Combine(name));
            SummaryJson.Write(summary, directory.Combine(name, "summary.json"));
        }

        var read = GlobalSummary.Merge(directory.Path, ["first", "second"], "d", out var readErrors);
        // Gone from the disk: only the summary as built can give the same result.
        File.Delete(directory.Combine("first", "summary.json"));
        var built = GlobalSummary.Merge(directory.Path, ["first", "second"], "d", out var builtErrors, name => name == "first" ? first : null);

        Assert.Empty(readErrors);
        Assert.Empty(builtErrors);
        Assert.Equal(SummaryJson.Serialize(read), SummaryJson.Serialize(built));
        Assert.Equal(SummaryFlag.Failed, built["a", PackageSummary.Overall].Flag);
    }
}
