using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Piuparts.Differential.Tests.Harness;

/// <summary>
/// A normalized listing of a master directory after a session, one entry per line, sorted by
/// relative path (ordinal), so that two runs compare with one assertion and differ readably:
/// <code>
/// dir demo/pass/
/// file demo/pass/liwc_1.2.3-4.log 644
///   | Start: 2026-11-24 05:00:00 GMT
/// file demo/submissions.txt 644
///   | &lt;time&gt; pass liwc 1.2.3-4
/// stamp demo/idle.stamp
/// lock demo/master.lock
/// log demo/master.log
/// </code>
/// Files show their permission bits and their text lines ("  | "); submissions.txt has its time
/// column masked; *.stamp files and master.lock only their existence; master.log as
/// <see cref="SnapshotOptions.MasterLog"/> says; piuparts' temporary files (tmp + 8 characters)
/// are shown as tmp????????; a missing newline at the end of a file is noted.
/// </summary>
public sealed partial class DirectorySnapshot
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private DirectorySnapshot(IReadOnlyList<string> lines) => Lines = lines;

    public IReadOnlyList<string> Lines { get; }

    public static DirectorySnapshot Take(string root, SnapshotOptions? options = null)
    {
        options ??= SnapshotOptions.Default;
        var entries = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            var name = Path.GetFileName(path);
            var info = new FileInfo(path);
            if (info.LinkTarget != null)
            {
                Add(entries, relative, [$"link {relative} -> {info.LinkTarget}"]);
                continue;
            }
            // piuparts-site's index snapshots: its own cache, invisible to Debian's tools.
            if (relative.Split('/')[0] == Piuparts.Core.States.DatabaseLoader.SnapshotDirectory)
                continue;
            if (Directory.Exists(path))
            {
                Add(entries, relative + "/", [$"dir {relative}/"]);
                continue;
            }
            if (name == "master.log")
            {
                if (options.MasterLog != MasterLogMode.Ignore)
                    Add(entries, relative, MasterLogLines(relative, path, options.MasterLog));
                continue;
            }
            // piuparts-site's own state cache: Debian's master has none and ignores it. And the
            // wrapper's stderr files (master-error.log.<pid>): the harness runs Debian's backend
            // without its wrapper, ours writes them itself.
            if (name == Piuparts.Core.States.StateCache.FileName || WrapperErrorLog().IsMatch(name))
                continue;
            if (name == "master.lock")
            {
                Add(entries, relative, [$"lock {relative}"]);
                continue;
            }
            if (name.EndsWith(".stamp", StringComparison.Ordinal))
            {
                Add(entries, relative, [$"stamp {relative}"]);
                continue;
            }
            if (TemporaryName().IsMatch(name))
                relative = relative[..^name.Length] + "tmp????????";
            // The masters under comparison run on Debian only.
            var mode = OperatingSystem.IsWindows() ? "?" : Convert.ToString((int)File.GetUnixFileMode(path) & 0x1ff, 8);
            var lines = new List<string> { $"file {relative} {mode}" };
            lines.AddRange(ContentLines(path, name == "submissions.txt", options.MaxContentBytes));
            Add(entries, relative, lines);
        }
        return new DirectorySnapshot(entries.Values.SelectMany(lines => lines).ToList());
    }

    public override string ToString() => string.Join('\n', Lines);

    private static void Add(SortedDictionary<string, List<string>> entries, string key, List<string> lines)
    {
        // Two temporary files collapse into one key; keep both entries.
        while (entries.ContainsKey(key))
            key += "\u0001";
        entries[key] = lines;
    }

    private static IEnumerable<string> ContentLines(string path, bool submissions, int maxBytes)
    {
        var bytes = File.ReadAllBytes(path);
        string text;
        try
        {
            text = bytes.Length > maxBytes ? "" : StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = "";
            maxBytes = -1;
        }
        if (bytes.Length > maxBytes)
        {
            yield return $"  {bytes.Length} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}";
            yield break;
        }
        if (text.Length == 0)
            yield break;
        var lines = text.Split('\n');
        int count = text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        for (int i = 0; i < count; i++)
        {
            var line = submissions ? SubmissionTime().Replace(lines[i], "<time> ") : lines[i];
            yield return "  | " + SessionStep.Escape(line);
        }
        if (!text.EndsWith('\n'))
            yield return "  (no newline at the end)";
    }

    private static List<string> MasterLogLines(string relative, string path, MasterLogMode mode)
    {
        var lines = new List<string> { $"log {relative}" };
        if (mode != MasterLogMode.Normalized)
            return lines;
        var previous = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = LogTime().Replace(raw, "[<time>]");
            if (previous == ">> idle" && PositiveIdle().IsMatch(line))
                line = "<< ok <positive>";
            lines.Add("  | " + SessionStep.Escape(line));
            previous = line;
        }
        return lines;
    }

    [GeneratedRegex("^tmp[A-Za-z0-9_]{8}$")]
    private static partial Regex TemporaryName();

    [GeneratedRegex("^[0-9]+ ")]
    private static partial Regex SubmissionTime();

    [GeneratedRegex(@"\[[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\]")]
    private static partial Regex LogTime();

    [GeneratedRegex("^<< ok [1-9][0-9]*$")]
    private static partial Regex PositiveIdle();

    [GeneratedRegex(@"^master-error\.log\.[0-9]+$")]
    private static partial Regex WrapperErrorLog();
}
