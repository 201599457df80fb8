namespace Piuparts.Differential.Tests.Maintenance;

/// <summary>maintenance.md §2.6: prepare_backup and piuparts-site backup copy the same files with the same content.</summary>
public sealed class BackupDifferentialTests
{
    private const string Script = "prepare_backup";

    [Fact]
    public void Backup_copies_the_same_files_as_piuparts_and_warns_about_the_same_missing_ones()
    {
        DebianScript.Require(Script);
        using var master = new MaintenanceMaster("""
            [global]
            sections = sid bookworm bookworm-security bookworm-pu
            master-directory = {master}
            output-directory = {output}
            backup-directory = {backup}
            testing-suite = bookworm

            [sid]
            [bookworm]
            [bookworm-security]
            [bookworm-pu]
            """);
        master.File("archive_issues.txt", 1, "20261101 https://piuparts.debian.org/sid/untestable/a_1.log\n");
        master.File("sid/submissions.txt", 0.1, "1764000000 pass a 1\n1764000001 fail b 2\n");
        master.File("sid/counts.txt", 0.2, "date, pass, fail\n20261123, 1, 1\n");
        master.File("bookworm/counts.txt", 0.2, "date, pass, fail\n");
        master.File("bookworm-security/counts.txt", 0.2, "date\n");
        master.File("bookworm-pu/counts.txt", 0.2, "date\n");
        master.File("sid/pass/a_1.log", 1);
        var debian = master.Copy("debian");
        var ours = master.Copy("ours");
        // piuparts' script needs the backup directory to exist; piuparts-site creates it.
        Directory.CreateDirectory(debian.Backup);
        // A stale copy from an earlier backup is replaced.
        Directory.CreateDirectory(Path.Combine(ours.Backup, "sid"));
        File.WriteAllText(Path.Combine(ours.Backup, "sid", "counts.txt"), "old\n");

        var warnings = DebianScript.RunShell(Script, debian.Config);
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Cli.SiteCommand.Run(["backup", "--config", ours.Config, "--distros", ours.Config], output, error);

        Assert.Equal(0, code);
        Assert.Equal(Contents(debian.Backup), Contents(ours.Backup));
        Assert.Equal(
            warnings.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Replace(debian.Master, "M")),
            error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Replace("piuparts-site backup: ", "").Replace(ours.Master, "M")));
        Assert.Contains("Warning: M/bookworm/submissions.txt does not exist.", error.ToString().Replace(ours.Master, "M"));
    }

    private static string Contents(string root) => string.Join('\n',
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(root, f)}: {File.ReadAllText(f).Replace("\n", "\\n")}"));
}
