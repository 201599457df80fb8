using Piuparts.Core.Tests.Support;
using Piuparts.Differential.Tests.Harness;

namespace Piuparts.Differential.Tests.Maintenance;

/// <summary>
/// Runs one of piuparts' master cron scripts (/usr/share/piuparts/master) on a test
/// configuration. The shell scripts read the file named by PIUPARTS_CONF; the Python ones
/// read only /etc/piuparts/piuparts.conf, so they run in a private mount namespace with the
/// test's file bound over it, as the master harness does.
/// </summary>
public static class DebianScript
{
    public const string Directory = "/usr/share/piuparts/master";

    /// <summary>Runs a shell script with <c>PIUPARTS_CONF=<paramref name="config"/></c>; returns its standard output.</summary>
    public static string RunShell(string script, string config, params string[] arguments) =>
        DebianTools.Run("/usr/bin/env", ["LC_ALL=C.UTF-8", $"PIUPARTS_CONF={config}", "/bin/sh", Path.Combine(Directory, script), .. arguments]);

    /// <summary>Runs a Python script with <paramref name="config"/> as /etc/piuparts/piuparts.conf (needs root for the mount).</summary>
    public static string RunPython(string script, string config, params string[] arguments)
    {
        const string Shell = "mount --bind \"$1\" /etc/piuparts/piuparts.conf && shift && exec /usr/bin/env LC_ALL=C.UTF-8 PYTHONUTF8=1 \"$@\"";
        if (!File.Exists("/etc/piuparts/piuparts.conf"))
            Assert.Fail("/etc/piuparts/piuparts.conf is missing: nothing to bind the test configuration over ('make test' installs piuparts-master)");
        return DebianTools.Run("/usr/bin/unshare",
            ["--mount", "--propagation", "private", "/bin/sh", "-c", Shell, "debian-script", config, DebianTools.Python, Path.Combine(Directory, script), .. arguments],
            timeout: TimeSpan.FromMinutes(5));
    }

    /// <summary>True when piuparts-master's scripts are installed (make test installs them).</summary>
    public static void Require(string script)
    {
        if (!File.Exists(Path.Combine(Directory, script)))
            Assert.Fail($"{Path.Combine(Directory, script)} is missing: 'make test' installs piuparts-master");
        _ = MasterCommand.EtcPiuparts;
    }
}
