using Piuparts.Cli;
using Piuparts.Core.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Support;

/// <summary>
/// samples/master-dir reported once, on a copy, at a fixed date, for the snapshot, link and
/// validity tests. Git keeps no modification times, so every file of the copy gets the same
/// one: logs then list in name order, on every machine.
/// </summary>
public sealed class SampleSite : IDisposable
{
    public const string Now = "2026-11-24T06:00:00Z";

    private static readonly DateTime FileTime = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    // The sample's configuration names its directories relative to the working directory, as
    // piuparts reads them; the process has one working directory, so runs take turns.
    private static readonly Lock WorkingDirectory = new();

    private readonly TemporaryDirectory _root = new();

    public SampleSite()
    {
        Copy(Path.Combine(AppContext.BaseDirectory, "samples", "master-dir"), Master);
        var (code, error) = Run("report", "--config", "piuparts.conf", "--output", Site, "--now", Now, "--lock-wait", "0");
        ExitCode = code;
        Error = error;
    }

    public string Master => _root.Combine("master-dir");

    public string Site => _root.Combine("site");

    public int ExitCode { get; }

    public string Error { get; }

    public string Page(string relative) => Path.Combine(Site, relative);

    /// <summary>Moves a package's one log of a section's log directory to another (a result turned, as piuparts-analyze or a new test does).</summary>
    public void MoveLog(string section, string package, string from, string to)
    {
        var log = Directory.GetFiles(Path.Combine(Master, section, from), $"{package}_*.log").Single();
        File.Move(log, Path.Combine(Master, section, to, Path.GetFileName(log)));
    }

    /// <summary>Runs the command line in the sample copy's directory.</summary>
    public (int Code, string Error) Run(params string[] args)
    {
        lock (WorkingDirectory)
        {
            var saved = Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(Master);
            try
            {
                var output = new StringWriter();
                var error = new StringWriter();
                int code = SiteCommand.Run(args, output, error);
                return (code, error.ToString());
            }
            finally
            {
                Directory.SetCurrentDirectory(saved);
            }
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, FileTime);
        }
    }

    public void Dispose() => _root.Dispose();
}
