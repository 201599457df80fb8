using Piuparts.Core.IO;

namespace Piuparts.Core.Maintenance;

/// <summary>
/// Carries out planned <see cref="FileChange"/>s, each in one step that a crash cannot leave
/// half done: links and copies appear under a temporary name and are renamed into place,
/// moves are renames, compression writes FILE.xz completely before FILE goes. A change that
/// fails is reported and the others still run.
/// </summary>
public static class ChangeApplier
{
    /// <summary>Applies the changes in order; <paramref name="done"/> is called after each one. Returns the errors.</summary>
    public static IReadOnlyList<string> Apply(IEnumerable<FileChange> changes, Action<FileChange>? done = null)
    {
        var errors = new List<string>();
        foreach (var change in changes)
        {
            try
            {
                Apply(change);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{change.Path}: cannot {change.Kind.ToString().ToLowerInvariant()}: {e.Message}");
            }
            done?.Invoke(change);
        }
        return errors;
    }

    private static void Apply(FileChange change)
    {
        switch (change.Kind)
        {
            case ChangeKind.Link:
                EnsureParent(change.Target!);
                Link(change.Path, change.Target!);
                break;
            case ChangeKind.Move:
                EnsureParent(change.Target!);
                File.Move(change.Path, change.Target!, overwrite: true);
                break;
            case ChangeKind.Delete:
                File.Delete(change.Path);
                break;
            case ChangeKind.Compress:
                XzFile.Compress(change.Path, change.Preset);
                break;
            case ChangeKind.Copy:
                EnsureParent(change.Target!);
                AtomicFile.Replace(change.Target!, File.ReadAllBytes(change.Path));
                break;
            case ChangeKind.Touch:
                EnsureParent(change.Path);
                Touch(change.Path, change.Time);
                break;
        }
    }

    private static void EnsureParent(string path) => Directory.CreateDirectory(Path.GetDirectoryName(path)!);

    // ln -f, without a moment in which the target is missing: link under a temporary name,
    // then rename over the target.
    private static void Link(string existing, string created)
    {
        if (NativeFile.TryLink(existing, created))
            return;
        var temp = TempName(created);
        File.Delete(temp);
        if (!NativeFile.TryLink(existing, temp))
            throw new IOException($"cannot link {existing} to {temp}");
        try
        {
            File.Move(temp, created, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static void Touch(string path, DateTimeOffset time)
    {
        if (!File.Exists(path))
        {
            var temp = TempName(path);
            File.WriteAllBytes(temp, []);
            File.SetLastWriteTimeUtc(temp, time.UtcDateTime);
            File.Move(temp, path, overwrite: true);
            return;
        }
        File.SetLastWriteTimeUtc(path, time.UtcDateTime);
    }

    private static string TempName(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
}
