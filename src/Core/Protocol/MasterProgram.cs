using Piuparts.Core.Config;
using Piuparts.Core.MasterDir;

namespace Piuparts.Core.Protocol;

/// <summary>
/// What `piuparts-site master` does (protocol.md §1): read the configuration, work in the
/// master directory (created when missing), serve one connection on the given streams.
/// </summary>
public static class MasterProgram
{
    /// <summary>piuparts' wrapper ends a connection after 15 minutes (timeout 15m).</summary>
    public static readonly TimeSpan DefaultSessionLimit = TimeSpan.FromMinutes(15);

    public static int Run(string? configPath, string? distrosPath, Stream input, Stream output, TextWriter errors, int? seed,
        bool noCache = false, TimeSpan? sessionLimit = null)
    {
        var (config, problems) = SiteConfig.Load(configPath, distrosPath, "master-directory");
        if (config == null)
        {
            foreach (var problem in problems)
                errors.WriteLine($"piuparts-site master: {problem}");
            return 2;
        }
        var root = Path.GetFullPath(config.Piuparts.MasterDirectory!);
        Directory.CreateDirectory(root);
        Directory.SetCurrentDirectory(root);
        // Like the wrapper: fatal reasons also go to <log-file>.<pid> in the master directory.
        var errorLog = $"{config.Piuparts.Global.NonEmpty("log-file") ?? "master-error.log"}.{Environment.ProcessId}";
        using var errorFile = new LazyFileWriter(Path.Combine(root, errorLog));
        var options = new MasterOptions
        {
            Errors = new TeeWriter(errors, errorFile),
            Random = seed is { } s ? new Random(s) : Random.Shared,
            NoCache = noCache,
        };
        using var session = new MasterSession(config, new MasterDirectory(root), input, output, options);
        using var limit = new Timer(_ =>
        {
            options.Errors.WriteLine("piuparts-site master: session longer than the limit, ended");
            Environment.Exit(124); // what timeout(1) gives
        }, null, sessionLimit ?? DefaultSessionLimit, Timeout.InfiniteTimeSpan);
        return session.Run();
    }
}
