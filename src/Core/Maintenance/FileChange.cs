namespace Piuparts.Core.Maintenance;

/// <summary>What a maintenance job does to one file.</summary>
public enum ChangeKind
{
    /// <summary>A second name for the file (ln -f): a log marked for recycling.</summary>
    Link,
    /// <summary>A rename, replacing the target (mv -f).</summary>
    Move,
    Delete,
    /// <summary>FILE becomes FILE.xz (xz -f), at <see cref="FileChange.Preset"/>.</summary>
    Compress,
    /// <summary>A copy that replaces the target only once it is complete.</summary>
    Copy,
    /// <summary>A stamp file set to <see cref="FileChange.Time"/> (touch -d).</summary>
    Touch,
}

/// <summary>
/// One change a maintenance job makes below the master directory (or the output or backup
/// directory), planned first so that a dry run can list it and a real run can apply it.
/// Paths are absolute.
/// </summary>
public sealed record FileChange(ChangeKind Kind, string Path, string? Target = null)
{
    public int Preset { get; init; } = IO.XzFile.DefaultPreset;

    public DateTimeOffset Time { get; init; }

    public static FileChange Link(string existing, string created) => new(ChangeKind.Link, existing, created);

    public static FileChange Move(string from, string to) => new(ChangeKind.Move, from, to);

    public static FileChange Delete(string path) => new(ChangeKind.Delete, path);

    public static FileChange Compress(string path, int preset = IO.XzFile.DefaultPreset) => new(ChangeKind.Compress, path) { Preset = preset };

    public static FileChange Copy(string from, string to) => new(ChangeKind.Copy, from, to);

    public static FileChange Touch(string path, DateTimeOffset time) => new(ChangeKind.Touch, path) { Time = time };

    /// <summary>One line for people, paths relative to <paramref name="root"/> where they lie below it.</summary>
    public string Describe(string root)
    {
        string Show(string path)
        {
            var relative = System.IO.Path.GetRelativePath(root, path);
            return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
        }

        return Kind switch
        {
            ChangeKind.Link => $"link {Show(Path)} -> {Show(Target!)}",
            ChangeKind.Move => $"move {Show(Path)} -> {Show(Target!)}",
            ChangeKind.Delete => $"delete {Show(Path)}",
            ChangeKind.Compress => $"compress {Show(Path)} -> {Show(Path)}{IO.XzFile.Extension}",
            ChangeKind.Copy => $"copy {Show(Path)} -> {Show(Target!)}",
            _ => $"touch {Show(Path)} {Time.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC",
        };
    }
}
