using System.Text.Json;
using Piuparts.Core.Tests.Support;
using Piuparts.SitePipeline.Summary;

namespace Piuparts.SitePipeline.Tests.Summary;

public sealed class StandardDistributionTests
{
    private static readonly string[] Days =
    [
        "2019-07-05", "2019-07-06", "2021-08-14", "2023-06-09", "2023-06-10", "2024-08-14", "2024-08-15",
        "2025-08-08", "2025-08-09", "2025-11-20", "2026-07-11", "2026-07-12", "2027-08-01", "2028-08-10",
    ];

    private static readonly (string? Distro, string? Upgrade)[] Sections =
    [
        ("sid", null), ("unstable", null), ("experimental", null), ("rc-buggy", null), ("testing", "testing sid"),
        ("bookworm", null), ("bullseye", null), ("buster", null), ("trixie", null), ("forky", null), ("duke", null),
        (null, "bookworm trixie"), ("bookworm", "bookworm trixie"), ("trixie-proposed-updates", null),
        ("bookworm.backports", null), ("buster/updates", null), ("Debian12", null), ("Debian13", null), ("Debian14", null),
        ("Debian11", null), ("stable", "oldstable stable"), ("sid", "bullseye bookworm"), ("nonsense", "other"),
        ("trixie", "sid trixie-security"), (null, "sid"), ("", "testing"),
    ];

    [Fact]
    public void Names_agree_with_piupartslib_and_distro_info_on_every_day_of_the_table()
    {
        var cases = Days.SelectMany(day => Sections.Select(s => (day, s.Distro, s.Upgrade))).ToList();
        var input = JsonSerializer.Serialize(cases.Select(c => new object?[] { c.day, c.Distro, c.Upgrade }));
        var expected = DebianTools.Run(DebianTools.Python, [DebianTools.DataPath("Summary", "std_distro_driver.py")], input)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cases.Count, expected.Length);

        var table = DebianReleaseTable.Load(DebianReleaseTable.DefaultPath);
        Assert.Empty(table.Errors);
        var compared = 0;
        for (int i = 0; i < cases.Count; i++)
        {
            // Where piuparts fails (no distribution at all) there is nothing to agree with.
            if (expected[i].StartsWith("ERROR", StringComparison.Ordinal))
                continue;
            var (day, distro, upgrade) = cases[i];
            var names = new StandardDistribution(table, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
            var list = (upgrade ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // piuparts' distro: the setting when non-empty, else the last upgrade-test-distro.
            var actual = names.Name(string.IsNullOrEmpty(distro) ? list.LastOrDefault() : distro, list);
            Assert.True(expected[i] == actual, $"{day} distro={distro} upgrade-test-distros={upgrade}: piuparts {expected[i]}, ours {actual}");
            compared++;
        }
        Assert.True(compared > cases.Count * 9 / 10);
    }

    [Theory]
    [InlineData("sid", "", "unstable")]
    [InlineData("testing", "testing sid", "unstable")]
    [InlineData("bookworm", "", "oldstable")]
    [InlineData("bullseye", "", "unknown")]
    [InlineData("bookworm", "bookworm trixie", "stable")]
    [InlineData("bookworm-proposed-updates", "", "oldstable")]
    [InlineData("Debian14", "", "testing")]
    public void The_examples_of_the_specification_hold_in_late_2025(string distro, string upgrade, string expected)
    {
        var names = new StandardDistribution(DebianReleaseTable.Load(DebianReleaseTable.DefaultPath), new DateOnly(2025, 11, 20));

        Assert.Equal(expected, names.Name(distro, upgrade.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void A_table_from_another_file_is_used_and_month_only_dates_mean_the_last_day()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("debian.csv", System.Text.Encoding.UTF8.GetBytes(
            "version,codename,series,created,release,eol\n" +
            "1,One,one,2000-01-01,2001-01-01,2003-02\n" +
            "2,Two,two,2001-01-01,2003-01-01\n" +
            "3,Three,three,2003-01-01\n" +
            ",Sid,sid,2000-01-01\n" +
            ",Experimental,experimental,2000-01-01\n"));
        var table = DebianReleaseTable.Load(path);
        Assert.Empty(table.Errors);

        Assert.Equal(new DateOnly(2003, 2, 28), table.Releases[0].EndOfLife);
        var names = new StandardDistribution(table, new DateOnly(2003, 6, 1));
        Assert.Equal("oldstable", names.Map("one"));
        Assert.Equal("stable", names.Map("two"));
        Assert.Equal("testing", names.Map("three"));
        Assert.Equal("unstable", names.Map("sid"));
        Assert.Equal("stable", names.Map("Debian2"));
    }

    [Fact]
    public void Bad_rows_of_the_table_are_reported_with_their_line_and_skipped()
    {
        var table = DebianReleaseTable.Parse(["version,codename,series,created,release,eol", "1,One,one,2000-13-01", "2,Two,two,2001-01-01"], "debian.csv");

        var error = Assert.Single(table.Errors);
        Assert.Equal(("debian.csv", 2), (error.File, error.Line));
        Assert.Equal("two", Assert.Single(table.Releases).Series);
    }

    [Fact]
    public void A_missing_table_leaves_every_name_unknown_and_says_why()
    {
        var table = DebianReleaseTable.Load("/nonexistent/debian.csv");

        Assert.Single(table.Errors);
        Assert.Equal("unknown", new StandardDistribution(table, new DateOnly(2025, 1, 1)).Name("sid", []));
    }
}
