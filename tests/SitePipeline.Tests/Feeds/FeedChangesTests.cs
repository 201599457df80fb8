using Piuparts.SitePipeline.Feeds;

namespace Piuparts.SitePipeline.Tests.Feeds;

/// <summary>The entries of one run: new failures first, then fixes, each in name order, whatever order the packages come in.</summary>
public sealed class FeedChangesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_failures_come_first_then_fixes_each_in_name_order_and_unchanged_packages_make_no_entry()
    {
        var previous = new Dictionary<string, string>
        {
            ["zeta"] = "1 successfully-tested",
            ["beta"] = "1 failed-testing",
            ["alpha"] = "1 waiting-to-be-tested",
            ["omega"] = "2 failed-testing",
            ["kept"] = "1 failed-testing",
            ["same"] = "1 successfully-tested",
        };
        (string, string, string, string)[] current =
        [
            ("zeta", "2", "failed-testing", "z"),
            ("omega", "2", "successfully-tested", "o"),
            ("same", "1", "successfully-tested", "s"),
            ("kept", "1", "failed-testing", "k"),
            ("beta", "1", "successfully-tested", "b"),
            ("alpha", "1", "failed-testing", "a"),
            ("new", "1", "failed-testing", "n"),
        ];
        var asked = new List<string>();

        var entries = FeedChanges.Between("piuparts.example.org", "sid", Now, previous, current, source =>
        {
            asked.Add(source);
            return [$"{source}@example.org"];
        });

        Assert.Equal(["alpha", "new", "zeta", "beta", "omega"], entries.Select(e => e.Package));
        Assert.Equal([true, true, true, false, false], entries.Select(e => e.IsFailure));
        Assert.Null(entries.Single(e => e.Package == "new").Previous);
        Assert.Equal("successfully-tested", entries.Single(e => e.Package == "zeta").Previous);
        Assert.Equal(["a@example.org"], entries[0].Maintainers);
        // Addresses are asked for the packages that make an entry only.
        Assert.Equal(["a", "b", "n", "o", "z"], asked.Order(StringComparer.Ordinal));
    }
}
