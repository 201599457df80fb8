namespace Piuparts.Core.Tests.Maintenance;

/// <summary>
/// A section directory whose files are given ages in days before a fixed "now", so the
/// maintenance rules (find -mtime +N) can be tested without the clock; the relative paths of
/// what is there afterwards say what a job changed.
/// </summary>
public sealed class SeededSection(string path, DateTimeOffset now)
{
    public string Path { get; } = path;

    public DateTimeOffset Now { get; } = now;

    /// <summary>Writes <paramref name="relative"/> (content: its own name) modified <paramref name="days"/> before now.</summary>
    public string File(string relative, double days, string? content = null)
    {
        var full = System.IO.Path.Combine(Path, relative);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content ?? relative + "\n");
        System.IO.File.SetLastWriteTimeUtc(full, (Now - TimeSpan.FromDays(days)).UtcDateTime);
        return full;
    }

    /// <summary>A second name of an existing file (a recycle mark).</summary>
    public void Link(string existing, string created)
    {
        var target = System.IO.Path.Combine(Path, created);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        Assert.True(Core.IO.HardLink.TryCreate(System.IO.Path.Combine(Path, existing), target));
    }

    public void Directory(string relative, double days)
    {
        var full = System.IO.Path.Combine(Path, relative);
        System.IO.Directory.CreateDirectory(full);
        System.IO.Directory.SetLastWriteTimeUtc(full, (Now - TimeSpan.FromDays(days)).UtcDateTime);
    }

    /// <summary>Every file below the section, relative and sorted.</summary>
    public IReadOnlyList<string> Files() =>
        [.. System.IO.Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f)).Order(StringComparer.Ordinal)];

    /// <summary>True when both names are one file: a byte appended through one shows through the other (and is removed again).</summary>
    public bool SameFile(string a, string b)
    {
        var first = System.IO.Path.Combine(Path, a);
        var second = System.IO.Path.Combine(Path, b);
        var before = System.IO.File.ReadAllBytes(second);
        var modified = System.IO.File.GetLastWriteTimeUtc(first);
        System.IO.File.AppendAllText(first, "!");
        bool same = System.IO.File.ReadAllBytes(second).Length == before.Length + 1;
        using (var stream = new FileStream(first, FileMode.Open))
            stream.SetLength(stream.Length - 1);
        System.IO.File.SetLastWriteTimeUtc(first, modified);
        return same;
    }
}
