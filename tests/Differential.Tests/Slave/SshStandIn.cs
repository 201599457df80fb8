using Piuparts.Core.Tests.Slave;

namespace Piuparts.Differential.Tests.Slave;

/// <summary>
/// An ssh stand-in for slave tests: a script named ssh, put first on PATH, that drops
/// <c>-x [-l user] host</c> and runs the remote command here, as OpenSSH would on the master.
/// </summary>
public static class SshStandIn
{
    private static readonly string Apphost = Path.Combine(AppContext.BaseDirectory, "piuparts-site");

    // ssh -x [-l user] host command: the stand-in drops the options and the host and runs the command.
    private const string Script = """
        #!/bin/sh
        while [ $# -gt 2 ]; do
            case "$1" in -l) shift 2 ;; *) shift ;; esac
        done
        exec /bin/sh -c "$2"

        """;

    /// <summary>Writes the stand-in into the site; the directory to put first on PATH.</summary>
    public static string Directory(SlaveSite site)
    {
        site.WriteScript("shim/ssh", Script);
        return Path.Combine(site.Root, "shim");
    }

    /// <summary>A site whose master-command is piuparts-site's master (the apphost beside the tests) on the site's configuration.</summary>
    public static SlaveSite OurMasterSite(IReadOnlyList<string> packages, int maxReserved, string extra = "")
    {
        var site = new SlaveSite(packages, maxReserved, masterCommand: $"{Apphost} master --config CONF --distros DISTROS", extra: extra);
        // The master command names the configuration, which exists only once the site is made.
        File.WriteAllText(site.ConfigPath, File.ReadAllText(site.ConfigPath)
            .Replace("CONF", site.ConfigPath, StringComparison.Ordinal)
            .Replace("DISTROS", site.DistrosPath, StringComparison.Ordinal));
        return site;
    }
}
