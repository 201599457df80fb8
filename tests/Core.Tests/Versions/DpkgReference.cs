using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Versions;

/// <summary>Asks dpkg --compare-versions, two shells at a time, for the order of many pairs.</summary>
public static class DpkgReference
{
    // One dpkg call settles "lt"; a second tells "eq" from "gt".
    private const string Script = """
        while read -r a b; do
          if dpkg --compare-versions "$a" lt "$b"; then echo -1
          elif dpkg --compare-versions "$a" eq "$b"; then echo 0
          else echo 1; fi
        done
        """;

    /// <summary>
    /// Half the pairs are neighbours in ordinal order (similar strings, where the rules matter
    /// most), half are seeded random pairs; a few are a version against itself.
    /// </summary>
    public static List<(string Left, string Right)> PairsOf(string[] versions, int count, int seed)
    {
        var sorted = versions.Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal).ToArray();
        var random = new Random(seed);
        var pairs = new List<(string, string)>(count);
        int stride = Math.Max(1, sorted.Length / (count / 2));
        for (int i = 0; i + 1 < sorted.Length && pairs.Count < count / 2; i += stride)
            pairs.Add(random.Next(2) == 0 ? (sorted[i], sorted[i + 1]) : (sorted[i + 1], sorted[i]));
        while (pairs.Count < count - 50)
            pairs.Add((sorted[random.Next(sorted.Length)], sorted[random.Next(sorted.Length)]));
        while (pairs.Count < count)
        {
            var same = sorted[random.Next(sorted.Length)];
            pairs.Add((same, same));
        }
        return pairs;
    }

    public static int[] Compare(IReadOnlyList<(string Left, string Right)> pairs)
    {
        int half = pairs.Count / 2;
        var chunks = new[] { pairs.Take(half), pairs.Skip(half) }
            .AsParallel().AsOrdered().WithDegreeOfParallelism(2)
            .Select(chunk => DebianTools.Run("bash", ["-c", Script],
                stdin: string.Concat(chunk.Select(p => $"{p.Left} {p.Right}\n")), timeout: TimeSpan.FromMinutes(5)))
            .ToArray();
        var results = chunks.SelectMany(output => output.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Select(int.Parse).ToArray();
        Assert.Equal(pairs.Count, results.Length);
        return results;
    }
}
