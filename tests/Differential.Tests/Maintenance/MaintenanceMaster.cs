using Piuparts.Core.Tests.Support;

namespace Piuparts.Differential.Tests.Maintenance;

/// <summary>
/// A master directory seeded for a maintenance comparison, and identical copies of it (cp -a:
/// times and hard links kept), each with its own piuparts.conf whose <c>{master}</c>,
/// <c>{output}</c> and <c>{backup}</c> stand for the copy's directories. File ages are given in
/// days before <see cref="Now"/>, the clock when the seed was made, because piuparts' scripts
/// measure ages from the clock; ages stay half a day away from every whole-day boundary.
/// </summary>
public sealed class MaintenanceMaster : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public MaintenanceMaster(string configuration)
    {
        Configuration = configuration;
        Directory.CreateDirectory(Template);
    }

    public DateTimeOffset Now { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    public string Configuration { get; }

    public string Template => _dir.Combine("template");

    public void Dispose() => _dir.Dispose();

    /// <summary>A file below the master directory, modified <paramref name="days"/> before now.</summary>
    public string File(string relative, double days, string? content = null)
    {
        var full = Path.Combine(Template, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content ?? $"log of {relative}\n");
        System.IO.File.SetLastWriteTimeUtc(full, (Now - TimeSpan.FromDays(days)).UtcDateTime);
        return full;
    }

    public void Link(string existing, string created)
    {
        var target = Path.Combine(Template, created);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Assert.True(Core.IO.HardLink.TryCreate(Path.Combine(Template, existing), target));
    }

    public void SetDirectoryTime(string relative, double days) =>
        Directory.SetLastWriteTimeUtc(Path.Combine(Template, relative), (Now - TimeSpan.FromDays(days)).UtcDateTime);

    /// <summary>A copy of the seed: its piuparts.conf, master, output and backup directories.</summary>
    public MasterCopyPaths Copy(string name)
    {
        var root = _dir.Combine(name);
        Directory.CreateDirectory(root);
        var paths = new MasterCopyPaths(Path.Combine(root, "piuparts.conf"), Path.Combine(root, "master"),
            Path.Combine(root, "html"), Path.Combine(root, "backup"));
        DebianTools.Run("/bin/cp", ["-a", Template, paths.Master]);
        System.IO.File.WriteAllText(paths.Config, Configuration
            .Replace("{master}", paths.Master, StringComparison.Ordinal)
            .Replace("{output}", paths.Output, StringComparison.Ordinal)
            .Replace("{backup}", paths.Backup, StringComparison.Ordinal));
        return paths;
    }
}
