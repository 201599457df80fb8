namespace Piuparts.Differential.Tests.Maintenance;

/// <summary>
/// maintenance.md §2.5: archive_old_logs and piuparts-site archive on identical copies must
/// move the same logs and leave byte-identical .xz files (same times, same link structure).
/// </summary>
public sealed class ArchiveDifferentialTests
{
    private const string Script = "archive_old_logs";

    [Fact]
    public void Archive_moves_and_compresses_the_same_logs_as_piuparts()
    {
        DebianScript.Require(Script);
        using var master = new MaintenanceMaster("""
            [global]
            sections = sid bookworm empty
            master-directory = {master}
            output-directory = {output}

            [sid]
            [bookworm]
            [empty]
            """);
        // sid: the example of the specification, equal times across directories, a package
        // whose logs all predate the stamp, a file without '_', old uncompressed archive files.
        master.File("sid/bugged/multi_0.9.log", 40.5);
        master.File("sid/pass/multi_1.0.log", 30.5);
        master.File("sid/fail/multi_1.1.log", 20.5);
        master.File("sid/pass/multi_1.2.log", 0.04);
        master.File("sid/pass/tie_1.log", 5.5);
        master.File("sid/fail/tie_2.log", 5.5);
        master.File("sid/affected/tie_0.log", 5.5);
        master.File("sid/pass/tie_3.log", 9.5);
        master.File("sid/pass/stale_1.log", 30.5);
        master.File("sid/fail/stale_2.log", 31.5);
        master.File("sid/pass/nounderscore.log", 0.5);
        master.File("sid/pass/single_1.0.log", 0.5);
        master.File("sid/pass/single_1.0.kpr", 0.5, "");
        master.File("sid/archive/stamp", 20.0);
        master.File("sid/archive/fail/left_1.log", 60.5);
        master.File("sid/archive/pass/done_1.log.xz", 60.5, "not really xz\n");
        // bookworm: no stamp yet, so every package is looked at.
        master.File("bookworm/pass/a_1.log", 100.5);
        master.File("bookworm/pass/a_2.log", 50.5);
        master.File("bookworm/bugged/a_3.log", 10.5);
        master.File("bookworm/untestable/a_0.log", 1.5);
        master.File("bookworm/fail/b_1.log", 3.5);
        var debian = master.Copy("debian");
        var ours = master.Copy("ours");

        DebianScript.RunShell(Script, debian.Config);
        var summary = ours.RunOurs("archive", "--now", master.Now.ToUnixTimeSeconds().ToString());

        var theirs = FileTree.Of(debian.Master);
        Assert.Equal(theirs.ToString(), FileTree.Of(ours.Master).ToString());
        Assert.Contains("sid/archive/bugged/multi_0.9.log.xz", theirs.Files.Keys);
        Assert.Contains("bookworm/archive/pass/a_2.log.xz", theirs.Files.Keys);
        // multi: three; tie: tie_3 and two of the three equal newest (affected/tie_0 stays, as ls -tr lists it last).
        Assert.Contains("affected/tie_0.log", string.Join('\n', theirs.Files.Keys));
        Assert.EndsWith("sid: 6 old logs archived, 7 compressed\nbookworm: 2 old logs archived, 2 compressed\nempty: no section directory, skipped\n", summary);

        // And a second run changes nothing.
        var after = FileTree.Of(ours.Master).ToString();
        ours.RunOurs("archive", "--now", master.Now.ToUnixTimeSeconds().ToString());
        Assert.Equal(after, FileTree.Of(ours.Master).ToString());
    }
}
