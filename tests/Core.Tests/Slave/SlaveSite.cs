using System.Text;
using Piuparts.Core.Config;
using Piuparts.Core.MasterDir;
using Piuparts.Core.Protocol;
using Piuparts.Core.Slave;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Slave;

/// <summary>
/// A master and a slave on one machine for a test: a file:// mirror with the given packages,
/// a piuparts.conf for both (master-directory, slave-directory, section [sid]), and a stand-in
/// for piuparts that writes a plausible log, fails packages whose name starts with "fail", hangs
/// on those starting with "hang", waits for the test to open the gate of those ending in
/// "-wait" (<see cref="OpenGate"/>), and makes base tarballs. The slave's tests take milliseconds.
/// </summary>
public sealed class SlaveSite : IDisposable
{
    public const string Section = "sid";

    /// <summary>The stand-in for piuparts: the options the slave passes, some output, the verdict by package name.</summary>
    public const string FakePiuparts = """
        #!/bin/sh
        # A stand-in for piuparts in tests of the slave.
        package=""; new=""
        while [ $# -gt 0 ]; do
            case "$1" in
                --apt) package="$2"; shift 2 ;;
                -s) new="$2"; shift 2 ;;
                *) shift ;;
            esac
        done
        if [ -n "$new" ]; then
            echo "0m0.0s INFO: creating $new"; echo tarball > "$new"; exit 0
        fi
        echo "0m0.0s INFO: ------------------------------------------------------------------------------"
        echo "0m0.0s INFO: To quit, press Ctrl-C, or kill this process."
        printf '0m0.1s DEBUG: \033[1mInstalling\033[0m %s\n' "$package"
        case "$package" in
            fail*) echo "0m0.2s ERROR: FAIL: Installation of $package failed"; exit 1 ;;
            hang*) echo "0m0.2s INFO: hanging"; exec sleep 3600 ;;
            *-wait=*) echo "0m0.2s INFO: waiting"; while [ ! -e "@GATES@/${package%%=*}" ]; do sleep 0.02; done ;;
        esac
        echo "0m0.3s INFO: PASS: All tests."
        echo "0m0.3s INFO: piuparts run ends."
        """;

    private readonly TemporaryDirectory _temp = new();

    /// <param name="packages">Package names; each gets version 1.0-&lt;n&gt;.</param>
    /// <param name="masterCommand">null leaves master-command unset (authorized_keys forces it).</param>
    public SlaveSite(IReadOnlyList<string> packages, int maxReserved = 2, string masterHost = "localhost", string? masterCommand = "unused",
        string extra = "")
    {
        Packages = packages.Select((name, i) => (name, $"1.0-{i}")).ToList();
        var index = string.Join("\n", Packages.Select(p => $"Package: {p.Name}\nVersion: {p.Version}\nArchitecture: amd64\n"));
        _temp.Write("mirror/dists/sid/main/binary-amd64/Packages", Encoding.UTF8.GetBytes(index));
        GatesPath = _temp.Combine("gates");
        Directory.CreateDirectory(GatesPath);
        FakePiupartsPath = _temp.Write("bin/fake-piuparts",
            Encoding.UTF8.GetBytes(FakePiuparts.Replace("@GATES@", GatesPath, StringComparison.Ordinal).ReplaceLineEndings("\n") + "\n"));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(FakePiupartsPath, (UnixFileMode)0b111_101_101);
        MasterPath = _temp.Combine("master");
        SlavePath = _temp.Combine("slave");
        MaxReserved = maxReserved;
        ConfigText = $"""
            [global]
            sections = {Section}
            master-directory = {MasterPath}
            slave-directory = {SlavePath}
            mirror = {_temp.Url("mirror")}
            master-host = {masterHost}
            {(masterCommand == null ? "" : $"master-command = {masterCommand}")}
            piuparts-command = {FakePiupartsPath}
            idle-sleep = 300
            {extra}

            [{Section}]
            distro = sid
            arch = amd64
            area = main
            max-reserved = {maxReserved}

            """;
        ConfigPath = _temp.Write("etc/piuparts.conf", Encoding.UTF8.GetBytes(ConfigText));
        DistrosPath = _temp.Write("etc/distros.conf", []);
        var (conf, errors) = PiupartsConf.Parse(ConfigText, ConfigPath);
        Assert.True(conf != null, string.Join("\n", errors));
        Config = new SiteConfig(conf, DistrosConf.Empty(DistrosPath));
    }

    public IReadOnlyList<(string Name, string Version)> Packages { get; }

    public int MaxReserved { get; }

    public string Root => _temp.Path;

    public string ConfigText { get; }

    public string ConfigPath { get; }

    public string DistrosPath { get; }

    public string MasterPath { get; }

    public string SlavePath { get; }

    public string FakePiupartsPath { get; }

    /// <summary>Where the stand-in piuparts looks for the gates of "…-wait" packages.</summary>
    public string GatesPath { get; }

    /// <summary>Lets the test of the "…-wait" package of that name end (with a pass).</summary>
    public void OpenGate(string name) => File.WriteAllBytes(Path.Combine(GatesPath, name), []);

    /// <summary>The directory of piuparts.conf and distros.conf (what Debian's programs need as /etc/piuparts).</summary>
    public string ConfDirectory => Path.GetDirectoryName(ConfigPath)!;

    /// <summary>Writes an executable file below the site (a shim, a script).</summary>
    public string WriteScript(string relative, string text)
    {
        var path = _temp.Write(relative, Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        return path;
    }

    public SiteConfig Config { get; }

    public SectionDirectory MasterSection => new MasterDirectory(MasterPath).Section(Section);

    /// <summary>The spool of slave worker n.</summary>
    public SectionSpool Spool(int worker = 1) => new(Path.Combine(SlavePath, worker.ToString(System.Globalization.CultureInfo.InvariantCulture), Section));

    /// <summary>A master session of this site on the given streams (in this process).</summary>
    public MasterSession MasterSession(Stream input, Stream output) =>
        new(Config, new MasterDirectory(MasterPath), input, output, new MasterOptions());

    /// <summary>What the slave expects for a package: fail for "fail…", pass otherwise.</summary>
    public static LogDirectory ExpectedDirectory(string name) => name.StartsWith("fail", StringComparison.Ordinal) ? LogDirectory.Fail : LogDirectory.Pass;

    /// <summary>The submissions.txt lines as (kind, name, version).</summary>
    public IReadOnlyList<(string Kind, string Name, string Version)> Submissions()
    {
        var path = Path.Combine(MasterSection.Path, SectionDirectory.SubmissionsFile);
        if (!File.Exists(path))
            return [];
        return File.ReadAllLines(path).Select(line => line.Split(' ')).Select(w => (w[1], w[2], w[3])).ToList();
    }

    /// <summary>
    /// Every package was tested once: its log in the right directory of the master and nowhere
    /// else, one line in submissions.txt, no reservation left on either side, nothing left in
    /// the slaves' spools.
    /// </summary>
    public void AssertEveryPackageLandedOnce(int workers = 1)
    {
        var section = MasterSection;
        foreach (var (name, version) in Packages)
        {
            var expected = ExpectedDirectory(name);
            foreach (var directory in new[] { LogDirectory.Pass, LogDirectory.Fail, LogDirectory.Untestable })
                Assert.True(section.Exists(directory, name, version) == (directory == expected), $"{name} {version}: {directory}");
            var log = File.ReadAllText(section.LogPath(expected, name, version));
            Assert.StartsWith("Start: ", log);
            Assert.Contains($"--apt {name}={version}\n", log);
            Assert.EndsWith(" GMT\n", log);
        }
        var submissions = Submissions();
        Assert.Equal(Packages.Count, submissions.Count);
        Assert.Equal(Packages.Select(p => $"{ExpectedDirectory(p.Name).DirectoryName()} {p.Name} {p.Version}").Order(),
            submissions.Select(s => $"{s.Kind} {s.Name} {s.Version}").Order());
        Assert.Empty(section.ListLogs(LogDirectory.Reserved));
        for (int n = 1; n <= workers; n++)
            AssertSpoolEmpty(n);
    }

    public void AssertSpoolEmpty(int worker)
    {
        var spool = Spool(worker);
        if (!Directory.Exists(spool.Path))
            return;
        foreach (var directory in new[] { "new", "reserved", "pass", "fail", "untestable" })
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(spool.Path, directory)));
    }

    public void Dispose() => _temp.Dispose();
}
