using System.Globalization;

namespace Piuparts.SitePipeline.History;

/// <summary>
/// A section's submissions.txt (protocol.md §3.6): the master appends one line per accepted
/// log, <c>&lt;unix seconds&gt; &lt;pass|fail|untestable&gt; &lt;package&gt; &lt;version&gt;</c>.
/// Lines of another shape are skipped; a missing file is an empty history.
/// </summary>
public static class SubmissionsFile
{
    public const string FileName = "submissions.txt";

    public static IReadOnlyList<ResultEntry> Read(string path)
    {
        var entries = new List<ResultEntry>();
        if (!File.Exists(path))
            return entries;
        foreach (var line in File.ReadLines(path))
        {
            if (Parse(line) is { } entry)
                entries.Add(entry);
        }
        return entries;
    }

    /// <summary>One line, or null when it is not of the master's shape.</summary>
    public static ResultEntry? Parse(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > 253402300799 || parts[2].Length == 0 || parts[3].Length == 0)
            return null;
        TestResult? result = parts[1] switch
        {
            "pass" => TestResult.Pass,
            "fail" => TestResult.Fail,
            "untestable" => TestResult.Untestable,
            _ => null,
        };
        return result is { } known ? new ResultEntry(DateTimeOffset.FromUnixTimeSeconds(seconds), parts[2], parts[3], known, FromLog: false) : null;
    }
}
