namespace Piuparts.Differential.Tests.Maintenance;

/// <summary>
/// maintenance.md §2.3 and §2.4: report_untestable_packages against piuparts-site
/// reschedule-untestable, report_stale_reserved_packages against release-reserved, each on
/// identical copies of one seed. Every section has a recycle/ directory: piuparts' mv fails
/// without one and leaves the reservation, piuparts-site creates it.
/// </summary>
public sealed class ReservationDifferentialTests : IClassFixture<ReservationDifferentialTests.Seed>
{
    private readonly Seed _seed;

    public ReservationDifferentialTests(Seed seed) => _seed = seed;

    public sealed class Seed : IDisposable
    {
        public MaintenanceMaster Master { get; } = new("""
            [global]
            sections = sid experimental bookworm
            master-directory = {master}
            output-directory = {output}
            reschedule-untestable-days = 5

            [sid]
            precedence = 2
            [experimental]
            precedence = 100
            [bookworm]
            """);

        public Seed()
        {
            foreach (var section in new[] { "sid", "experimental" })
            {
                Master.File($"{section}/untestable/old_1.log", 6.5);
                Master.File($"{section}/untestable/older_1.log", 30.5);
                Master.File($"{section}/untestable/young_1.log", 5.5);
                Master.File($"{section}/untestable/old_1.kpr", 6.5, "");
                Master.File($"{section}/reserved/stale_1.log", 2.5, "");
                Master.File($"{section}/reserved/yesterday_1.log", 1.5, "");
                Master.File($"{section}/reserved/now_1.log", 0.1, "");
                Directory.CreateDirectory(Path.Combine(Master.Template, section, "recycle"));
            }
            // A stale reservation of a package that was marked for recycling.
            Master.File("sid/pass/marked_2.log", 200.5);
            Master.File("sid/reserved/marked_2.log", 3.5, "");
            Master.File("sid/recycle/other_1.log", 3.5);
        }

        public void Dispose() => Master.Dispose();
    }

    [Theory]
    [InlineData("report_untestable_packages", "reschedule-untestable")]
    [InlineData("report_stale_reserved_packages", "release-reserved")]
    public void Our_verb_changes_the_same_files_as_piuparts_script(string script, string verb)
    {
        DebianScript.Require(script);
        var debian = _seed.Master.Copy($"debian-{verb}");
        var ours = _seed.Master.Copy($"ours-{verb}");

        DebianScript.RunShell(script, debian.Config);
        ours.RunOurs(verb, "--now", _seed.Master.Now.ToUnixTimeSeconds().ToString());

        var theirs = FileTree.Of(debian.Master);
        Assert.Equal(theirs.ToString(), FileTree.Of(ours.Master).ToString());
        Assert.NotEqual(FileTree.Of(_seed.Master.Template).ToString(), theirs.ToString());
        // A second run finds nothing to do.
        var again = ours.RunOurs(verb, "--now", _seed.Master.Now.ToUnixTimeSeconds().ToString());
        Assert.Matches(@"sid: 0 (untestable logs|stale reservations)", again);
    }
}
