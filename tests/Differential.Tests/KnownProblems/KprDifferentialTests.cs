using System.Text;
using Piuparts.Core.KnownProblems;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Differential.Tests.KnownProblems;

/// <summary>
/// known-problems.md §3–4: a section of synthetic logs classified by Debian's piupartslib.dwke
/// and by ours with Debian's shipped definitions; every .kpr must be byte-identical and the same
/// files must remain.
/// </summary>
public sealed class KprDifferentialTests : IDisposable
{
    private const string Definitions = "/usr/share/piuparts/known_problems";
    private static readonly string[] Directories = ["pass", "bugged", "affected", "fail", "untestable"];
    private static readonly string[] Excluded = ["packages_have_been_kept_back_error.conf", "packages_have_been_kept_back_issue.conf"];
    private static readonly DateTime LogTime = new(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc);

    // Phrases the shipped patterns look for, and near misses that a pattern or an exclude rejects.
    private static readonly string[] Phrases =
    [
        "/etc/foo/bar.conf owned by: foo",
        "/etc/foo/bar.conf owned by: foo, bar",
        "/usr/local/share/x owned by: foo",
        "/etc/foo/x not owned",
        "/usr/local/lib/site not owned",
        "/usr/share/mime/packages not owned",
        "/etc/alternatives/editor not owned",
        "WARN: Broken symlinks:",
        "FAIL: Broken symlink /usr/lib/x -> y",
        "/var/lib/dpkg/info/foo.postrm: 12: setfont: command not found",
        "sh: 1: update-foo: not found",
        "EOF on stdin at conffile prompt",
        "E: Broken packages",
        "E: Unable to correct problems, you have held broken packages.",
        "The following packages have been kept back:",
        "2 packages have been kept back",
        "dpkg: error processing package foo (--configure): installed foo package post-installation script subprocess returned error exit status 1",
        "pre-removal script returned error exit status 2",
        "post-removal script subprocess returned error",
        "pre-installation script returned error",
        "MISSING COPYRIGHT FILE: /usr/share/doc/foo/copyright",
        "OBSOLETE CONFFILE /etc/foo.conf",
        "UNOWNED SYMLINK /usr/lib/x86_64-linux-gnu/libfoo.so.1",
        "FILE WITHOUT MD5SUM /usr/share/foo",
        "MD5SUM FILE NOT FOUND",
        "dpkg: error: trying to overwrite '/usr/bin/x', which is also in package bar 1.0",
        "insserv: exiting now!",
        "insserv: warning: service foo already provided!",
        "update-rc.d: warning: start and stop actions are no longer supported; falling back to defaults; do not match LSB",
        "piuparts exception for package foo",
        "FAIL: Running adequate resulted in less interesting tags found: foo: broken-symlink /usr/x",
        "WARN: Running adequate resulted in the following tags: foo: undefined-symbol /usr/lib/x",
        "FAIL: Running adequate resulted in missing-copyright-file",
        "WARN: Running adequate resulted in x missing-pkgconfig-dependency",
        "WARN: Found unknown tags running adequate",
        "WARN: Exit code from adequate was 3",
        "Process KILLED - exceed maximum run time",
        "Command was terminated after exceeding output limit",
        "ERROR: FAIL: Processes are running inside chroot",
        "dpkg: cycle found while processing triggers:",
        "Error! Bad return status for module build on kernel: 6.1.0",
        "FAIL: After purging files have been modified:",
        "FAIL: After purging files have disappeared:",
        "SKIP: All tests. Package cannot be tested with piuparts: x",
        "Please rebuild the package",
        "E: Could not perform immediate configuration on 'foo'",
        "ERROR: Installation of piuparts-depends-dummy FAILED",
        "dbconfig-common: foo configure: aborted.",
        "psql: could not connect to server: No such file or directory",
        "dpkg: warning: silently overwrites files via directory symlinks",
        "FAIL: debsums reports modifications inside the chroot",
        "ERROR: FAIL: Existing diversions after purge",
        "WARN: File(s) moved between /bin and /usr/bin:",
        "E: Couldn't configure pre-depend foo for bar, probably a dependency cycle.",
        "E: There are problems and -y was used without --force-yes",
        "FAIL: Cron file /etc/cron.daily/foo has output with package removed",
        "ERROR: Command failed (status=1): ['dpkg', '--purge', '--pending']",
    ];

    private static readonly string[] Noise =
    [
        "DEBUG: Starting: ['apt-get', 'update']",
        "INFO: PASS: Installation and purging test.",
        "Setting up foo (1.0-1) ...",
        "café ünïcode — ok",
        "owned",
        "command found",
        "",
    ];

    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("detect", false, false)]
    [InlineData("detect", false, true)]
    [InlineData("detect", true, false)]
    [InlineData("report", false, false)]
    public void Our_kpr_files_are_byte_identical_to_Debians(string mode, bool recheck, bool recheckFailed)
    {
        if (!Directory.Exists(Definitions))
            Assert.Fail("piuparts-common is not installed; 'make test' installs it");
        var template = _dir.Combine("template");
        BuildSection(template);
        var theirs = Copy(template, _dir.Combine("debian"));
        var ours = Copy(template, _dir.Combine("ours"));

        var debianCounts = RunDebian(theirs, mode, recheck, recheckFailed);
        var options = (mode == "detect" ? KprRefreshOptions.DetectWellKnownErrors : KprRefreshOptions.Report)
            with { Recheck = recheck, RecheckFailed = recheckFailed };
        var problems = ProblemSet.Load(Definitions);
        Assert.Empty(problems.Errors);
        var result = new KprRefresher(problems.Without(Excluded)).Refresh(ours, options);

        Assert.Equal(debianCounts, $"{result.Removed} {result.Added}");
        var theirFiles = Files(theirs);
        var ourFiles = Files(ours);
        Assert.Equal(theirFiles.Keys, ourFiles.Keys);
        foreach (var (name, content) in theirFiles)
            Assert.True(content.AsSpan().SequenceEqual(ourFiles[name]), $"{name} differs:\nDebian: {Show(content)}\nours:   {Show(ourFiles[name])}");
        // Enough variety that the comparison means something.
        Assert.True(result.Hits.Count >= 40, $"only {result.Hits.Count} problems hit");
    }

    private static string Show(byte[] content) => Encoding.UTF8.GetString(content).Replace("\n", "\\n");

    private static void BuildSection(string section)
    {
        var random = new Random(20260110);
        foreach (var directory in Directories)
            Directory.CreateDirectory(Path.Combine(section, directory));

        for (int i = 0; i < 400; i++)
        {
            var where = Directories[random.Next(Directories.Length)];
            var log = new MemoryStream();
            void Write(string text) => log.Write(Encoding.UTF8.GetBytes(text));
            var newline = i % 17 == 0 ? "\r\n" : i % 23 == 0 ? "\u2028" : "\n";
            // Most logs start with a timestamp; some begin directly with a hit (offset-8 quirk).
            if (i % 13 != 0)
                Write("0m0.0s INFO: ------------------------------------------------------------------------------" + newline);
            int lines = random.Next(1, 8);
            for (int l = 0; l < lines; l++)
            {
                var text = random.Next(3) == 0 ? Noise[random.Next(Noise.Length)] : Phrases[random.Next(Phrases.Length)];
                Write((random.Next(4) == 0 ? "" : $"{random.Next(100)}m{random.Next(60)}.{random.Next(10)}s ERROR: ") + text);
                if (random.Next(10) == 0)
                    log.Write([0xff, 0xe9, 0x80, (byte)'x', 0xe2, 0x82]);
                Write(newline);
            }
            if (i % 11 == 0)
                Write("\r\n\r\n\r\n\r\nowned by: x\r");
            var pkgSpec = $"pkg{i % 350:D3}_1.{i}-{random.Next(3)}";
            if (i >= 350)
                pkgSpec = $"pkg{i % 350:D3}_1.{i - 350}-0"; // same name again, maybe in another directory
            var path = Path.Combine(section, where, pkgSpec + ".log");
            File.WriteAllBytes(path, log.ToArray());
            File.SetLastWriteTimeUtc(path, LogTime);
        }
        // Very short logs around the pre-check offset.
        WriteLog(section, "fail", "short0_1", "owned by:");
        WriteLog(section, "fail", "short1_1", "1234567owned by: x");
        WriteLog(section, "fail", "short2_1", "12345678owned by: x");
        WriteLog(section, "pass", "empty_1", "");
        // Read as "\n", carriage returns move the hit before offset 8.
        WriteLog(section, "fail", "crlf_1", "\r\n\r\n\r\n\r\nowned by: x\r\n");
        WriteLog(section, "fail", "cr_1", "\r\r\r\r\r\r\r\rowned by: x\r");

        // Reports from an earlier pass: fresh, stale, moved and orphaned; and bug links.
        var logs = Directories.SelectMany(d => Directory.EnumerateFiles(Path.Combine(section, d), "*.log")).Order(StringComparer.Ordinal).ToList();
        for (int i = 0; i < logs.Count; i += 7)
        {
            var kpr = Path.ChangeExtension(logs[i], ".kpr");
            File.WriteAllText(kpr, $"fail/{Path.GetFileNameWithoutExtension(kpr)}.log kept.conf\n");
            File.SetLastWriteTimeUtc(kpr, i % 14 == 0 ? LogTime.AddSeconds(10) : LogTime.AddSeconds(-10));
        }
        foreach (var (directory, name) in new[] { ("fail", "orphan_1"), ("bugged", "pkg001_1.1-0"), ("pass", "pkg002_1.2-0"), ("fail", "pkg003_1.3-1") })
        {
            var kpr = Path.Combine(section, directory, name + ".kpr");
            File.WriteAllText(kpr, "moved or orphaned\n");
            File.SetLastWriteTimeUtc(kpr, LogTime.AddSeconds(10));
        }
        for (int i = 0; i < logs.Count; i += 5)
        {
            var directory = i % 10 == 0 ? Path.GetDirectoryName(logs[i])! : Path.Combine(section, "affected");
            var bug = Path.Combine(directory, Path.GetFileNameWithoutExtension(logs[i]) + ".bug");
            File.WriteAllText(bug, "<a href=\"https://bugs.debian.org/1\">#1</a>\n");
            File.SetLastWriteTimeUtc(bug, LogTime.AddSeconds(-100));
        }
        File.WriteAllText(Path.Combine(section, "fail", "gone_1.bug"), "");
    }

    private static void WriteLog(string section, string where, string pkgSpec, string text)
    {
        var path = Path.Combine(section, where, pkgSpec + ".log");
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, LogTime);
    }

    private static string Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
        foreach (var directory in Directories)
            Directory.CreateDirectory(Path.Combine(to, directory));
        return to;
    }

    private static SortedDictionary<string, byte[]> Files(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes), StringComparer.Ordinal);

    // detect_well_known_errors' process_section and piuparts-report's dwke_get_failures, without
    // their configuration and locking: the dwke functions in the same order.
    private const string Script = """
        import os, sys, logging
        from piupartslib.dwke import *
        section, pdir, mode, recheck, recheck_failed = sys.argv[1:6]
        excluded = sys.argv[6:]
        dirs = ('pass', 'bugged', 'affected', 'fail', 'untestable') if mode == 'detect' else ('pass', 'bugged', 'affected', 'fail')
        workdirs = [os.path.join(section, x) for x in dirs]
        problem_list = create_problem_list(pdir)
        logdict = get_file_dict(workdirs, LOG_EXT)
        kprdict = get_file_dict(workdirs, KPR_EXT)
        del_cnt = clean_cache_files(logdict, kprdict, recheck == '1', recheck_failed == '1')
        if mode == 'detect':
            clean_cache_files(logdict, get_file_dict(workdirs, BUG_EXT), skipnewer=True)
        kprdict = get_file_dict(workdirs, KPR_EXT)
        problem_list = [p for p in problem_list if p.name not in excluded]
        add_cnt = make_kprs(logdict, kprdict, problem_list)
        print("%d %d" % (del_cnt, add_cnt))
        """;

    private string RunDebian(string section, string mode, bool recheck, bool recheckFailed)
    {
        var script = _dir.Combine("dwke_run.py");
        File.WriteAllText(script, Script);
        // UTF-8 whatever the caller's locale, as the specification assumes.
        return DebianTools.Run("/usr/bin/env",
            ["PYTHONUTF8=1", DebianTools.Python, script, section, Definitions, mode, recheck ? "1" : "0", recheckFailed ? "1" : "0", .. Excluded]).Trim();
    }
}
