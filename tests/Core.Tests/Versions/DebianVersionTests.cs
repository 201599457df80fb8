using Piuparts.Core.Tests.Support;
using Piuparts.Core.Versions;

namespace Piuparts.Core.Tests.Versions;

public class DebianVersionTests
{
    public static TheoryData<string, string, string> Comparisons()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(DebianTools.DataPath("Versions", "comparisons.txt")))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0)
                continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            data.Add(parts[0], parts[1], parts[2]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Versions_order_as_deb_version_7_says(string left, string relation, string right)
    {
        int expected = relation switch { "<" => -1, ">" => 1, _ => 0 };

        Assert.Equal(expected, Math.Sign(DebianVersion.Compare(left, right)));
        Assert.Equal(-expected, Math.Sign(DebianVersion.Compare(right, left)));
    }

    [Fact]
    public void A_newer_version_is_newer_and_an_equal_one_is_not()
    {
        Assert.True(DebianVersion.IsNewer("2.0-1", "1.9-3"));
        Assert.False(DebianVersion.IsNewer("1.0", "1.0-0"));
        Assert.False(DebianVersion.IsNewer("1.0~rc1", "1.0"));
    }

    [Fact]
    public void Ten_thousand_pairs_from_bookworm_compare_as_dpkg_compares_them()
    {
        var versions = File.ReadAllLines(DebianTools.DataPath("Versions", "bookworm-main-versions.txt"));
        var pairs = DpkgReference.PairsOf(versions, count: 10_000, seed: 20261124);

        var expected = DpkgReference.Compare(pairs);

        var mismatches = pairs.Select((pair, i) => (pair, ours: Math.Sign(DebianVersion.Compare(pair.Left, pair.Right)), dpkg: expected[i]))
            .Where(row => row.ours != row.dpkg)
            .Select(row => $"{row.pair.Left} vs {row.pair.Right}: ours {row.ours}, dpkg {row.dpkg}")
            .ToList();
        Assert.Equal(10_000, pairs.Count);
        Assert.Empty(mismatches);
    }
}
