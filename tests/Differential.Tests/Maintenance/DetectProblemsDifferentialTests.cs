namespace Piuparts.Differential.Tests.Maintenance;

/// <summary>
/// known-problems.md §7: piuparts' detect_well_known_errors (run with the test configuration
/// bound over /etc/piuparts/piuparts.conf) and piuparts-site detect-problems on identical
/// copies, with Debian's shipped definitions: the same .kpr files with the same bytes, the
/// same stale .kpr and .bug files removed.
/// </summary>
public sealed class DetectProblemsDifferentialTests
{
    private const string Script = "detect_well_known_errors";

    private static readonly string[] Phrases =
    [
        "/etc/foo/bar.conf owned by: foo",
        "/etc/foo/x not owned",
        "FAIL: Broken symlink /usr/lib/x -> y",
        "sh: 1: update-foo: not found",
        "E: Broken packages",
        "The following packages have been kept back:",
        "dpkg: error processing package foo (--configure): installed foo package post-installation script subprocess returned error exit status 1",
        "MISSING COPYRIGHT FILE: /usr/share/doc/foo/copyright",
        "OBSOLETE CONFFILE /etc/foo.conf",
        "dpkg: error: trying to overwrite '/usr/bin/x', which is also in package bar 1.0",
        "Setting up foo (1.0-1) ...",
    ];

    [Fact]
    public void Detect_problems_writes_the_same_kpr_files_as_piuparts()
    {
        DebianScript.Require(Script);
        using var master = new MaintenanceMaster("""
            [global]
            sections = sid bookworm missing
            master-directory = {master}
            output-directory = {output}

            [sid]
            [bookworm]
            exclude-known-problems = packages_have_been_kept_back_error.conf packages_have_been_kept_back_issue.conf
            [missing]
            """);
        string[] directories = ["pass", "bugged", "affected", "fail", "untestable"];
        foreach (var section in new[] { "sid", "bookworm" })
        {
            for (int i = 0; i < 40; i++)
            {
                var lines = Enumerable.Range(0, 3).Select(l => $"0m{l}.0s ERROR: {Phrases[(i * 7 + l * 3) % Phrases.Length]}");
                master.File($"{section}/{directories[i % directories.Length]}/pkg{i:D2}_1.{i}.log", 2.5, string.Join('\n', lines) + "\n");
            }
            // Reports from an earlier run: fresh, older than the log, moved, orphaned; bug links.
            master.File($"{section}/pass/pkg00_1.0.kpr", 1.5, "");
            master.File($"{section}/bugged/pkg01_1.1.kpr", 3.5, "stale\n");
            master.File($"{section}/fail/pkg02_1.2.kpr", 1.5, "moved\n");
            master.File($"{section}/fail/orphan_1.kpr", 1.5, "orphan\n");
            master.File($"{section}/bugged/pkg06_1.6.bug", 1.5, "#1\n");
            master.File($"{section}/affected/pkg06_1.6.bug", 1.5, "#2\n");
            master.File($"{section}/fail/gone_1.bug", 1.5, "#3\n");
        }
        var debian = master.Copy("debian");
        var ours = master.Copy("ours");

        DebianScript.RunPython(Script, debian.Config);
        var summary = ours.RunOurs("detect-problems");

        Func<string, bool> written = path => path.EndsWith(".kpr", StringComparison.Ordinal);
        var theirs = FileTree.Of(debian.Master, written);
        Assert.Equal(theirs.ToString(), FileTree.Of(ours.Master, written).ToString());
        Assert.Equal(80, theirs.Files.Keys.Count(written));
        Assert.Contains("sid: parsed logfiles: 3 removed, 39 added, 2 .bug removed", summary);
        Assert.Contains("sid: broken_symlinks_error.conf: ", summary);
        Assert.DoesNotContain("bookworm: packages_have_been_kept_back", summary);
        Assert.Contains("missing: no section directory, skipped", summary);

        // Nothing to do the second time.
        var again = ours.RunOurs("detect-problems");
        Assert.Contains("total parsed logfiles: 0 removed, 0 added", again);
    }
}
