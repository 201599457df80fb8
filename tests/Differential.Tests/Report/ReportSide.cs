namespace Piuparts.Differential.Tests.Report;

/// <summary>One side of a report comparison: a copy of the master directory, its configuration and the output directory.</summary>
public sealed record ReportSide(string Master, string Etc, string Output)
{
    public string PiupartsConf => Path.Combine(Etc, "piuparts.conf");

    public string DistrosConf => Path.Combine(Etc, "distros.conf");

    /// <summary>Every file under <paramref name="root"/> (relative to it, '/'-separated) whose relative path passes the filter, sorted.</summary>
    public static SortedSet<string> Files(string root, Func<string, bool>? keep = null) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(f => keep == null || keep(f)),
            StringComparer.Ordinal);
}
