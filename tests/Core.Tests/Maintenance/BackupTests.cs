using Piuparts.Core.Maintenance;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Maintenance;

public sealed class BackupTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Master => _dir.Combine("master");

    private string Target => _dir.Combine("backup");

    [Fact]
    public void Section_history_is_copied_and_a_second_run_changes_nothing()
    {
        _dir.Write("master/sid/submissions.txt", "1 pass a 1\n"u8.ToArray());
        _dir.Write("master/sid/counts.txt", "date\n"u8.ToArray());

        var first = Backup.PlanSection(Master, "sid", Target, "bookworm");
        Assert.Empty(ChangeApplier.Apply(first.Changes));
        var second = Backup.PlanSection(Master, "sid", Target, "bookworm");

        Assert.Equal("sid: 2 copied, 0 unchanged, 0 missing", first.Summary);
        Assert.Equal("1 pass a 1\n", File.ReadAllText(Path.Combine(Target, "sid", "submissions.txt")));
        Assert.Empty(second.Changes);
        Assert.Equal("sid: 0 copied, 2 unchanged, 0 missing", second.Summary);
    }

    [Fact]
    public void A_changed_file_replaces_its_old_copy()
    {
        _dir.Write("master/sid/counts.txt", "date\n20261124, 1\n"u8.ToArray());
        _dir.Write("backup/sid/counts.txt", "date\n"u8.ToArray());

        ChangeApplier.Apply(Backup.PlanSection(Master, "sid", Target, null).Changes);

        Assert.Equal("date\n20261124, 1\n", File.ReadAllText(Path.Combine(Target, "sid", "counts.txt")));
        Assert.Empty(DirectoryTree.TemporaryFiles(Target));
    }

    [Theory]
    [InlineData("bookworm-pu", 1)]
    [InlineData("bookworm-security", 1)]
    [InlineData("sid", 2)]
    public void Only_the_testing_pu_and_security_sections_may_lack_submissions_quietly(string section, int warnings)
    {
        var plan = Backup.PlanSection(Master, section, Target, "bookworm");

        Assert.Equal(warnings, plan.Warnings.Count);
        Assert.All(plan.Warnings, w => Assert.Matches(@"^Warning: .* does not exist\.$", w));
    }
}
