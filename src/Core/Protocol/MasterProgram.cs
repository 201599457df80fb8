using Piuparts.Core.Config;
using Piuparts.Core.MasterDir;

namespace Piuparts.Core.Protocol;

/// <summary>
/// What `piuparts-site master` does (protocol.md §1): read the configuration, work in the
/// master directory (created when missing), serve one connection on the given streams.
/// </summary>
public static class MasterProgram
{
    public static int Run(string? configPath, string? distrosPath, Stream input, Stream output, TextWriter errors, int? seed, bool noCache = false)
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
        var options = new MasterOptions
        {
            Errors = errors,
            Random = seed is { } s ? new Random(s) : Random.Shared,
            NoCache = noCache,
        };
        using var session = new MasterSession(config, new MasterDirectory(root), input, output, options);
        return session.Run();
    }
}
