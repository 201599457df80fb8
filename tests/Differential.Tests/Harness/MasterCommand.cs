using System.Diagnostics;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Differential.Tests.Harness;

/// <summary>
/// How to start one master process on a <see cref="MasterCopy"/>: Debian's piuparts-master-backend
/// (inside a private mount namespace, so it reads the copy's configuration as /etc/piuparts) or
/// any command line that takes the configuration as arguments (such as <c>piuparts-site master
/// --config {config} --distros {distros}</c>), run with the copy's master directory as working
/// directory.
/// </summary>
public sealed class MasterCommand
{
    public const string DebianBackend = "/usr/share/piuparts/piuparts-master-backend";

    /// <summary>The directory Debian's backend reads piuparts.conf and distros.conf from (hard-coded there).</summary>
    public const string EtcPiuparts = "/etc/piuparts";

    private const string Unshare = "/usr/bin/unshare";

    // $1 = the copy's configuration directory, $2 = its master directory. The bind mount lives
    // only in the new mount namespace (private propagation: nothing reaches the host), and it
    // covers the whole directory, so a missing /etc/piuparts/distros.conf does not matter.
    private const string DebianScript =
        "mount --bind \"$1\" " + EtcPiuparts + " && cd \"$2\" && exec " + DebianTools.Python + " " + DebianBackend;

    private readonly Func<MasterCopy, ProcessStartInfo> startInfo;

    private MasterCommand(string name, Func<MasterCopy, ProcessStartInfo> startInfo)
    {
        Name = name;
        this.startInfo = startInfo;
    }

    /// <summary>Debian's piuparts 1.1.7 master (the backend; the shell wrapper would only add a timeout and a stderr file).</summary>
    public static MasterCommand Debian { get; } = new("debian", copy =>
    {
        RequireFile(DebianBackend, "Debian's piuparts-master is not installed; 'make test' installs it");
        RequireFile(Unshare, "unshare (util-linux) is needed to run Debian's master on a private /etc/piuparts");
        if (!Directory.Exists(EtcPiuparts))
            throw new InvalidOperationException($"{EtcPiuparts} is missing: nothing to mount the test configuration over");
        var info = NewStartInfo(Unshare, copy.MasterDirectory);
        foreach (var argument in (string[])["--mount", "--propagation", "private", "/bin/sh", "-c", DebianScript, "debian-master",
                                            copy.ConfDirectory, copy.MasterDirectory])
            info.ArgumentList.Add(argument);
        // Only what Debian installed: no user site-packages or PYTHONPATH of the caller.
        info.Environment.Remove("PYTHONPATH");
        info.Environment["PYTHONNOUSERSITE"] = "1";
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        info.Environment["LC_ALL"] = "C.UTF-8";
        return info;
    });

    /// <summary>piuparts-site as built with these tests (its apphost is copied beside the test assembly).</summary>
    public static MasterCommand PiupartsSite { get; } = FromArgv("piuparts-site",
        [Path.Combine(AppContext.BaseDirectory, "piuparts-site"), "master", "--config", "{config}", "--distros", "{distros}"]);

    public string Name { get; }

    /// <summary>
    /// Any command line. <c>{config}</c>, <c>{distros}</c> and <c>{master}</c> in an argument are
    /// replaced by the copy's piuparts.conf, distros.conf and master directory; without
    /// <c>{config}</c> anywhere, <c>--config {config} --distros {distros}</c> is appended. A
    /// relative program path (containing '/') is taken from the repository root.
    /// </summary>
    public static MasterCommand FromArgv(string name, IReadOnlyList<string> argv)
    {
        if (argv.Count == 0)
            throw new ArgumentException("empty command line", nameof(argv));
        var words = argv.ToList();
        if (!words.Any(w => w.Contains("{config}", StringComparison.Ordinal)))
            words.AddRange(["--config", "{config}", "--distros", "{distros}"]);
        var program = words[0];
        if (program.Contains('/') && !Path.IsPathRooted(program))
            program = Path.Combine(RepositoryRoot(), program);
        return new MasterCommand(name, copy =>
        {
            var info = NewStartInfo(program, copy.MasterDirectory);
            foreach (var word in words.Skip(1))
            {
                info.ArgumentList.Add(word
                    .Replace("{config}", copy.PiupartsConf, StringComparison.Ordinal)
                    .Replace("{distros}", copy.DistrosConf, StringComparison.Ordinal)
                    .Replace("{master}", copy.MasterDirectory, StringComparison.Ordinal));
            }
            return info;
        });
    }

    /// <summary>The process to start for a copy (stdin, stdout and stderr redirected, UTF-8).</summary>
    public ProcessStartInfo StartInfo(MasterCopy copy) => startInfo(copy);

    public override string ToString() => Name;

    /// <summary>The directory holding Piuparts.Site.sln, above the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Piuparts.Site.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"no Piuparts.Site.sln above {AppContext.BaseDirectory}");
    }

    private static ProcessStartInfo NewStartInfo(string program, string workingDirectory) => new(program)
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        StandardInputEncoding = new System.Text.UTF8Encoding(false),
        StandardOutputEncoding = new System.Text.UTF8Encoding(false),
        StandardErrorEncoding = new System.Text.UTF8Encoding(false),
        UseShellExecute = false,
        WorkingDirectory = workingDirectory,
    };

    private static void RequireFile(string path, string why)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path} is missing: {why}");
    }
}
