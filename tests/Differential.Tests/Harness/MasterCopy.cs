namespace Piuparts.Differential.Tests.Harness;

/// <summary>
/// One master directory with its own piuparts.conf and distros.conf, ready for one master under
/// test. The copies of a <see cref="MasterFixture"/> are identical but for their paths.
/// </summary>
/// <param name="Label">"copy-1", "copy-2", ...: names the copy in diffs and messages.</param>
/// <param name="ConfDirectory">Holds piuparts.conf and distros.conf (mounted over /etc/piuparts for Debian's master).</param>
/// <param name="MasterDirectory">The master-directory of piuparts.conf; the masters run with it as working directory.</param>
public sealed record MasterCopy(string Label, string ConfDirectory, string MasterDirectory)
{
    public string PiupartsConf => Path.Combine(ConfDirectory, "piuparts.conf");

    public string DistrosConf => Path.Combine(ConfDirectory, "distros.conf");

    /// <summary>A path below the master directory, e.g. <c>Path("demo", "pass", "liwc_1.2.3-4.log")</c>.</summary>
    public string PathOf(params string[] parts) => Path.Combine([MasterDirectory, .. parts]);
}
