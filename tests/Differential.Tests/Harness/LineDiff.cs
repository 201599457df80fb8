using System.Text;

namespace Piuparts.Differential.Tests.Harness;

/// <summary>A unified-style diff of two line lists, for failure messages.</summary>
public static class LineDiff
{
    private const int Context = 2;
    private const int MaxOutputLines = 400;
    // Above this many cells the common-subsequence table is not built; the middle is shown whole.
    private const long MaxTable = 10_000_000;

    /// <summary>Null when the lists are equal, else the differing lines ("-" expected, "+" actual) with context.</summary>
    public static string? Describe(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string expectedLabel, string actualLabel)
    {
        if (expected.SequenceEqual(actual, StringComparer.Ordinal))
            return null;
        var edits = Edits(expected, actual);
        var text = new StringBuilder();
        text.Append("--- ").Append(expectedLabel).Append('\n');
        text.Append("+++ ").Append(actualLabel).Append('\n');
        int written = 0, lastShown = -1;
        for (int i = 0; i < edits.Count && written < MaxOutputLines; i++)
        {
            if (!IsShown(edits, i))
                continue;
            if (lastShown >= 0 && lastShown < i - 1)
                text.Append("...\n");
            text.Append(edits[i].Kind).Append(' ').Append(edits[i].Line).Append('\n');
            lastShown = i;
            written++;
        }
        if (written >= MaxOutputLines)
            text.Append($"(diff cut after {MaxOutputLines} lines)\n");
        return text.ToString();
    }

    private static bool IsShown(List<(char Kind, string Line)> edits, int i)
    {
        for (int j = Math.Max(0, i - Context); j <= Math.Min(edits.Count - 1, i + Context); j++)
        {
            if (edits[j].Kind != ' ')
                return true;
        }
        return false;
    }

    private static List<(char Kind, string Line)> Edits(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        int prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
            prefix++;
        int suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
            suffix++;
        var edits = new List<(char, string)>();
        for (int i = 0; i < prefix; i++)
            edits.Add((' ', a[i]));
        int n = a.Count - prefix - suffix, m = b.Count - prefix - suffix;
        if ((long)(n + 1) * (m + 1) > MaxTable)
        {
            for (int i = 0; i < n; i++)
                edits.Add(('-', a[prefix + i]));
            for (int j = 0; j < m; j++)
                edits.Add(('+', b[prefix + j]));
        }
        else
        {
            // Longest common subsequence of the middle parts, then walk it.
            var table = new int[n + 1, m + 1];
            for (int i = n - 1; i >= 0; i--)
            {
                for (int j = m - 1; j >= 0; j--)
                {
                    table[i, j] = a[prefix + i] == b[prefix + j]
                        ? table[i + 1, j + 1] + 1
                        : Math.Max(table[i + 1, j], table[i, j + 1]);
                }
            }
            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[prefix + x] == b[prefix + y])
                {
                    edits.Add((' ', a[prefix + x]));
                    x++;
                    y++;
                }
                else if (x < n && (y == m || table[x + 1, y] >= table[x, y + 1]))
                {
                    edits.Add(('-', a[prefix + x]));
                    x++;
                }
                else
                {
                    edits.Add(('+', b[prefix + y]));
                    y++;
                }
            }
        }
        for (int i = a.Count - suffix; i < a.Count; i++)
            edits.Add((' ', a[i]));
        return edits;
    }
}
