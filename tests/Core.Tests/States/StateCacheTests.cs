using Piuparts.Core.Archive;
using Piuparts.Core.Config;
using Piuparts.Core.MasterDir;
using Piuparts.Core.States;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.States;

public sealed class StateCacheTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();
    private readonly IndexFetcher _fetcher = new();
    private readonly MasterDirectory _master;
    private SiteConfig _config = null!;

    public StateCacheTests()
    {
        _master = new MasterDirectory(_temp.Combine("master"));
        WritePackages("sid", "Package: base\nVersion: 1\n\nPackage: app\nVersion: 2\nDepends: base\n\nPackage: tool\nVersion: 3\n");
        WritePackages("extra", "Package: addon\nVersion: 1\nDepends: base\n");
        WriteConfig("");
    }

    public void Dispose()
    {
        _fetcher.Dispose();
        _temp.Dispose();
    }

    private void WritePackages(string distro, string text) =>
        _temp.Write($"mirror/dists/{distro}/main/binary-amd64/Packages", System.Text.Encoding.UTF8.GetBytes(text));

    private void WriteConfig(string extra)
    {
        var text = $"[global]\nmaster-directory = {_master.Root}\nsections = sid extra\nmirror = file://{_temp.Combine("mirror")}\n" +
                   $"[sid]\ndistro = sid\narch = amd64\n{extra}\n[extra]\ndistro = extra\narch = amd64\ndepends-sections = sid\n";
        var path = _temp.Write("piuparts.conf", System.Text.Encoding.UTF8.GetBytes(text));
        var (piuparts, errors) = PiupartsConf.Load(path);
        Assert.Empty(errors);
        _config = new SiteConfig(piuparts!, DistrosConf.Empty(_temp.Combine("distros.conf")));
    }

    private StateCache Cache() => new(_config, _master, new DatabaseLoader(_config, _master, _fetcher), _fetcher);

    private (PackageDatabase Db, ReservationQueue Queue) ComputeAndSave(string section)
    {
        var (db, errors) = new DatabaseLoader(_config, _master, _fetcher).Load(section, recycle: false);
        Assert.Empty(errors);
        db!.Compute();
        var queue = new ReservationQueue(db, new Random(3));
        Cache().Save(db, queue);
        return (db, queue);
    }

    private void AddLog(string section, LogDirectory directory, string name, string version)
    {
        _master.Section(section).EnsureCreated();
        Assert.True(_master.Section(section).TryCreateLog(directory, name, version, ""));
    }

    [Fact]
    public void Unchanged_inputs_give_back_the_counts_and_the_reservation_order()
    {
        var (db, queue) = ComputeAndSave("sid");

        var cached = Cache().TryLoad("sid", recycle: false);

        Assert.NotNull(cached);
        Assert.Equal(db.Counts(), cached.Counts);
        Assert.Equal(queue.Entries, cached.Order);
    }

    [Fact]
    public void Reserving_a_waiting_package_keeps_the_cache_valid()
    {
        ComputeAndSave("sid");

        AddLog("sid", LogDirectory.Reserved, "base", "1");

        Assert.NotNull(Cache().TryLoad("sid", recycle: false));
    }

    [Fact]
    public void A_reserved_log_for_a_package_that_was_not_waiting_invalidates_it()
    {
        ComputeAndSave("sid");

        AddLog("sid", LogDirectory.Reserved, "app", "2");

        Assert.Null(Cache().TryLoad("sid", recycle: false));
    }

    [Theory]
    [InlineData(LogDirectory.Pass)]
    [InlineData(LogDirectory.Fail)]
    [InlineData(LogDirectory.Untestable)]
    [InlineData(LogDirectory.Bugged)]
    [InlineData(LogDirectory.Affected)]
    [InlineData(LogDirectory.Recycle)]
    public void A_new_result_or_mark_invalidates_it(LogDirectory directory)
    {
        ComputeAndSave("sid");

        AddLog("sid", directory, "base", "1");

        Assert.Null(Cache().TryLoad("sid", recycle: false));
    }

    [Fact]
    public void A_removed_reservation_invalidates_it()
    {
        AddLog("sid", LogDirectory.Reserved, "tool", "3");
        ComputeAndSave("sid");

        _master.Section("sid").DeleteLog(LogDirectory.Reserved, "tool", "3");

        Assert.Null(Cache().TryLoad("sid", recycle: false));
    }

    [Fact]
    public void A_new_packages_index_invalidates_it()
    {
        ComputeAndSave("sid");

        WritePackages("sid", "Package: base\nVersion: 1.1\n");
        File.SetLastWriteTimeUtc(_temp.Combine("mirror/dists/sid/main/binary-amd64/Packages"), DateTime.UtcNow.AddMinutes(1));

        Assert.Null(Cache().TryLoad("sid", recycle: false));
    }

    [Fact]
    public void A_changed_configuration_invalidates_it()
    {
        ComputeAndSave("sid");

        WriteConfig("max-reserved = 5");

        Assert.Null(Cache().TryLoad("sid", recycle: false));
    }

    [Fact]
    public void A_change_in_a_depends_section_invalidates_the_partial_section()
    {
        ComputeAndSave("extra");

        AddLog("sid", LogDirectory.Fail, "base", "1");

        Assert.Null(Cache().TryLoad("extra", recycle: false));
    }

    [Fact]
    public void Recycle_mode_and_normal_mode_do_not_share_a_cache()
    {
        ComputeAndSave("sid");

        Assert.Null(Cache().TryLoad("sid", recycle: true));
    }

    [Fact]
    public void A_damaged_cache_file_is_ignored()
    {
        ComputeAndSave("sid");

        File.WriteAllText(Path.Combine(_master.Section("sid").Path, StateCache.FileName), "garbage");

        Assert.Null(Cache().TryLoad("sid", recycle: false));
    }
}
