using System.Diagnostics;
using System.Text;
using Piuparts.Cli;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Differential.Tests.Report;

/// <summary>
/// samples/master-dir reported twice, once by Debian's piuparts-report 1.1.7 and once by
/// <c>piuparts-site report</c>, each on its own copy of the master directory and into its own
/// output directory. The copies' configuration (<c>etc/piuparts.conf</c>, <c>etc/distros.conf</c>
/// beside each copy) names every directory and the file:// mirror absolutely, because Debian's
/// report changes its working directory; both read the sample's own known-problem definitions.
/// Debian's output directory first gets the htdocs Debian ships (its .tpl pages), as operators
/// install them. Git keeps no modification times, so every file of both copies gets the same one.
/// </summary>
public sealed class ReportRuns : IDisposable
{
    public const string DebianReport = "/usr/share/piuparts/piuparts-report";

    public const string DebianHtdocs = "/usr/share/piuparts/htdocs";

    /// <summary>Our --now. Debian's report takes the clock; only the date column of counts.txt shows it.</summary>
    public const string Now = "2026-11-24T06:00:00Z";

    public static readonly string[] Sections = ["bookworm", "bookworm-security"];

    private const string Unshare = "/usr/bin/unshare";

    // $1 = the side's configuration directory, $2 = its master directory. The bind mount lives
    // only in the new mount namespace (private propagation: nothing reaches the host).
    private const string DebianScript =
        "mount --bind \"$1\" /etc/piuparts && cd \"$2\" && exec " + DebianTools.Python + " " + DebianReport;

    private static readonly DateTime FileTime = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    private readonly TemporaryDirectory _root = new();

    public ReportRuns()
    {
        RequireFile(DebianReport, "Debian's piuparts-report is not installed (package piuparts-master); 'make test' installs it");
        RequireFile(Unshare, "unshare (util-linux) is needed to run Debian's report on a private /etc/piuparts");
        if (!Directory.Exists(DebianHtdocs))
            throw new InvalidOperationException($"{DebianHtdocs} is missing: piuparts-master is not installed; 'make test' installs it");
        if (!Directory.Exists("/etc/piuparts"))
            throw new InvalidOperationException("/etc/piuparts is missing: nothing to mount the test configuration over");

        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "master-dir");
        Debian = Prepare(sample, "debian");
        Ours = Prepare(sample, "ours");
        Copy(DebianHtdocs, Debian.Output, FileTime);

        DebianLog = RunDebian(Debian);
        OursLog = RunOurs(Ours);
    }

    /// <summary>Debian's side: its master directory, configuration and output directory.</summary>
    public ReportSide Debian { get; }

    /// <summary>piuparts-site's side.</summary>
    public ReportSide Ours { get; }

    /// <summary>What Debian's report wrote to stderr (its log).</summary>
    public string DebianLog { get; }

    /// <summary>What our report wrote to stderr.</summary>
    public string OursLog { get; }

    public void Dispose() => _root.Dispose();

    private ReportSide Prepare(string sample, string name)
    {
        var side = new ReportSide(_root.Combine(name, "master"), _root.Combine(name, "etc"), _root.Combine(name, "output"));
        Copy(sample, side.Master, FileTime);
        Directory.CreateDirectory(side.Etc);
        Directory.CreateDirectory(side.Output);
        var mirror = new Uri(Path.Combine(side.Master, "mirror")).AbsoluteUri;
        File.WriteAllText(side.PiupartsConf, Rewrite(File.ReadAllText(Path.Combine(sample, "piuparts.conf")), new Dictionary<string, string>
        {
            ["master-directory"] = side.Master,
            ["output-directory"] = side.Output,
            ["mirror"] = mirror,
            ["known-problem-directory"] = Path.Combine(side.Master, "known-problems"),
        }));
        File.WriteAllText(side.DistrosConf, Rewrite(File.ReadAllText(Path.Combine(sample, "distros.conf")), new Dictionary<string, string>
        {
            ["uri"] = mirror,
        }));
        return side;
    }

    /// <summary>Replaces the value of every line "key = value" whose key is given, wherever it is.</summary>
    private static string Rewrite(string conf, IReadOnlyDictionary<string, string> values)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var lines = conf.Split('\n').Select(line =>
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || char.IsWhiteSpace(line[0]) || line.StartsWith('#'))
                return line;
            var key = line[..equals].Trim();
            if (!values.TryGetValue(key, out var value))
                return line;
            found.Add(key);
            return $"{key} = {value}";
        }).ToList();
        var missing = values.Keys.Where(k => !found.Contains(k)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"the sample configuration has no {string.Join(", ", missing)} to rewrite");
        return string.Join('\n', lines);
    }

    private static string RunDebian(ReportSide side)
    {
        var info = new ProcessStartInfo(Unshare)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
            WorkingDirectory = side.Master,
        };
        foreach (var argument in (string[])["--mount", "--propagation", "private", "/bin/sh", "-c", DebianScript, "debian-report",
                                            side.Etc, side.Master])
            info.ArgumentList.Add(argument);
        // Only what Debian installed: no user site-packages or PYTHONPATH of the caller.
        info.Environment.Remove("PYTHONPATH");
        info.Environment["PYTHONNOUSERSITE"] = "1";
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        info.Environment["LC_ALL"] = "C.UTF-8";

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {Unshare}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        var limit = TimeSpan.FromMinutes(2);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"Debian's piuparts-report did not finish within {limit.TotalSeconds} s");
        }
        Task.WaitAll([output, errors], limit);
        var log = errors.Result + output.Result;
        // It exits 0 without a word when report.lock is held, and logs (not fails) skipped sections.
        var skipped = Sections.Where(s => !log.Contains($"Running section {s}\n", StringComparison.Ordinal)
                                          || log.Contains($"Configuration Error in section {s}", StringComparison.Ordinal)
                                          || log.Contains($"Failed to fetch Packages files for section {s}", StringComparison.Ordinal)).ToList();
        if (process.ExitCode != 0 || skipped.Count > 0 || !log.Contains(" Done\n", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Debian's piuparts-report exited with {process.ExitCode}" +
                (skipped.Count > 0 ? $" without reporting {string.Join(", ", skipped)}" : "") + $" (running as root is needed for unshare):\n{log}");
        }
        return log;
    }

    private static string RunOurs(ReportSide side)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = SiteCommand.Run(["report", "--config", side.PiupartsConf, "--now", Now, "--lock-wait", "0"], output, error);
        if (code != 0)
            throw new InvalidOperationException($"piuparts-site report exited with {code}:\n{error}{output}");
        return error.ToString();
    }

    private static void Copy(string from, string to, DateTime time)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, time);
        }
    }

    private static void RequireFile(string path, string why)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path} is missing: {why}");
    }
}
