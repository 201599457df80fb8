using System.Text;
using Piuparts.Core.Archive;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Archive;

public sealed class IndexSnapshotTests : IDisposable
{
    private const string Stanzas =
        "Package: aa\nVersion: 1\nDescription: long\n text\nDepends: bb (>= 1),\n cc | dd\nMaintainer: X <x@d.org>\n\n" +
        "Package: bb\nVersion: 2\nProvides: virt\nSource: src (1)\n\nPackage: aa\nVersion: 1.1\nPre-Depends: ee\n";

    private readonly TemporaryDirectory _temp = new();
    private readonly IndexFetcher _fetcher = new();

    public IndexSnapshotTests() => WriteIndex(Stanzas);

    public void Dispose()
    {
        _fetcher.Dispose();
        _temp.Dispose();
    }

    private string Url => _temp.Url("mirror/Packages");

    private void WriteIndex(string text) => _temp.Write("mirror/Packages", Encoding.UTF8.GetBytes(text));

    private (IndexLoadResult<BinaryPackage> Result, List<string> Fetched) Load()
    {
        var fetched = new List<string>();
        var loader = new IndexLoader(_fetcher, new IndexSnapshot(_temp.Combine("snapshots")));
        var result = loader.LoadBinaries([Url], fetched: fetched.Add);
        Assert.Empty(result.Errors);
        return (result, fetched);
    }

    private static IEnumerable<string> Engine(ArchiveIndex<BinaryPackage> index) =>
        index.InOrder.Select(p => $"{p.Name} {p.Version} [{p.Depends}] [{p.PreDepends}] [{p.Provides}] {p.SourceName} {p.SourceVersion}");

    [Fact]
    public void An_unchanged_index_is_read_from_its_snapshot_with_every_field_the_master_uses()
    {
        var (first, _) = Load();
        File.Delete(_temp.Combine("mirror/Packages"));
        File.WriteAllText(_temp.Combine("mirror/Packages.gone"), "");

        // The validator changed (the file is gone): no snapshot, and the load fails.
        var loader = new IndexLoader(_fetcher, new IndexSnapshot(_temp.Combine("snapshots")));
        Assert.NotEmpty(loader.LoadBinaries([Url]).Errors);

        WriteIndex(Stanzas);
        var (fresh, _) = Load();
        var (again, fetched) = Load();

        Assert.Equal(Engine(first.Index!), Engine(again.Index!));
        Assert.Equal(Engine(fresh.Index!), Engine(again.Index!));
        Assert.Equal(["aa", "bb"], again.Index!.InOrder.Select(p => p.Name));
        Assert.Equal("1.1", again.Index["aa"]!.Version);
        Assert.Equal([Url], fetched);
        Assert.Null(again.Index["aa"]!.Paragraph["Maintainer"]); // the snapshot keeps the master's fields only
    }

    [Fact]
    public void A_changed_index_is_fetched_again_and_its_snapshot_replaced()
    {
        Load();
        WriteIndex("Package: zz\nVersion: 9\n");
        File.SetLastWriteTimeUtc(_temp.Combine("mirror/Packages"), DateTime.UtcNow.AddMinutes(5));

        var (changed, _) = Load();
        var (again, _) = Load();

        Assert.Equal(["zz"], changed.Index!.InOrder.Select(p => p.Name));
        Assert.Equal(["zz"], again.Index!.InOrder.Select(p => p.Name));
    }

    [Fact]
    public void A_snapshot_whose_stanzas_are_missing_is_fetched_again_and_saved_anew()
    {
        Load();
        // What a reader meets between another process's removal and its link (AtomicFile.ReplaceCache);
        // the same moment between Find and the open is caught there, which no test can time.
        File.Delete(Directory.GetFiles(_temp.Combine("snapshots"), "*.Packages").Single());

        var (again, fetched) = Load();

        Assert.Equal(["aa", "bb"], again.Index!.InOrder.Select(p => p.Name));
        Assert.Equal([Url], fetched);
        Assert.Single(Directory.GetFiles(_temp.Combine("snapshots"), "*.Packages"));
    }

    [Fact]
    public void A_snapshot_whose_key_is_missing_is_not_used()
    {
        Load();
        foreach (var key in Directory.GetFiles(_temp.Combine("snapshots"), "*.key"))
            File.Delete(key);
        File.WriteAllText(Directory.GetFiles(_temp.Combine("snapshots"), "*.Packages").Single(), "Package: stale\nVersion: 0\n");

        var (again, _) = Load();

        Assert.Equal(["aa", "bb"], again.Index!.InOrder.Select(p => p.Name));
    }

    [Fact]
    public void An_unchanged_sources_index_is_read_from_its_snapshot_with_the_fields_the_report_uses()
    {
        _temp.Write("mirror/Sources", Encoding.UTF8.GetBytes(
            "Package: src\nVersion: 1-1\nBinary: aa, bb\nMaintainer: X <x@d.org>\nUploaders: Y <y@d.org>, Z <z@d.org>\n" +
            "Files:\n 0123 12 src_1-1.dsc\nStandards-Version: 4.6\n"));
        var url = _temp.Url("mirror/Sources");
        string Show(ArchiveIndex<SourcePackage> index) =>
            string.Join("|", index.InOrder.Select(p => $"{p.Name} {p.Version} {string.Join(",", p.Binaries)} {p.Maintainer} {string.Join(";", p.Uploaders)}"));

        var loader = new IndexLoader(_fetcher, new IndexSnapshot(_temp.Combine("snapshots")));
        var first = loader.LoadSources([url]);
        var again = loader.LoadSources([url]);

        Assert.Equal("src 1-1 aa,bb X <x@d.org> Y <y@d.org>;Z <z@d.org>", Show(first.Index!));
        Assert.Equal(Show(first.Index!), Show(again.Index!));
        Assert.Null(again.Index!["src"]!.Paragraph["Files"]); // read from the snapshot, which drops the other fields
    }
}
