using System.Runtime.Versioning;
using Piuparts.Core.IO;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_created_file_holds_the_content_and_is_the_only_file_in_its_directory()
    {
        var path = _temp.Combine("a.log");

        Assert.True(AtomicFile.TryCreate(path, "content\n"));

        Assert.Equal("content\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void A_created_file_gets_the_mode_any_new_file_gets()
    {
        var reference = _temp.Write("reference", []);
        var path = _temp.Combine("a.log");

        AtomicFile.TryCreate(path, "");

        Assert.Equal(File.GetUnixFileMode(reference), File.GetUnixFileMode(path));
    }

    [Fact]
    public void Replace_swaps_the_content_and_leaves_no_temporary_file()
    {
        var path = _temp.Write("stamp", "old"u8.ToArray());

        AtomicFile.Replace(path, "new");
        AtomicFile.Replace(_temp.Combine("fresh"), "");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["fresh", "stamp"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Replace_without_flushing_to_disk_writes_the_same_way()
    {
        var path = _temp.Write("a.kpr", "old"u8.ToArray());

        AtomicFile.Replace(path, "fail/a_1.log x.conf\n"u8, flushToDisk: false);

        Assert.Equal("fail/a_1.log x.conf\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void A_streamed_replace_writes_everything_the_writer_writes()
    {
        var path = _temp.Write("listings", "old"u8.ToArray());
        var big = Enumerable.Range(0, 200_000).Select(i => (byte)i).ToArray();

        AtomicFile.Replace(path, stream =>
        {
            stream.Write("head"u8);
            stream.Write(big);
        }, flushToDisk: false);

        Assert.Equal([.. "head"u8, .. big], File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void A_streamed_replace_whose_writer_fails_keeps_the_old_file_and_leaves_no_temporary_file()
    {
        var path = _temp.Write("pages", "old"u8.ToArray());

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Replace(path, stream =>
        {
            stream.Write("half"u8);
            throw new InvalidOperationException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void A_replaced_cache_never_has_a_temporary_name_which_a_kill_could_leave_behind()
    {
        var packages = _temp.Write("snapshot", "old"u8.ToArray());
        var listing = _temp.Write("listings", "old"u8.ToArray());
        // Every name created in the directory, in order; the sentinel shows all earlier events arrived.
        var created = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var seenAll = new ManualResetEventSlim();
        using var watcher = new FileSystemWatcher(_temp.Path) { NotifyFilter = NotifyFilters.FileName };
        watcher.Created += (_, e) =>
        {
            created.Enqueue(e.Name!);
            if (e.Name == "sentinel")
                seenAll.Set();
        };
        watcher.Renamed += (_, e) =>
        {
            created.Enqueue(e.OldName!);
            created.Enqueue(e.Name!);
        };
        watcher.EnableRaisingEvents = true;

        AtomicFile.ReplaceCache(packages, "new"u8);
        AtomicFile.ReplaceCache(listing, stream => stream.Write("streamed"u8), flushToDisk: false);
        AtomicFile.ReplaceCache(_temp.Combine("fresh"), "first"u8);
        AtomicFile.Replace(_temp.Combine("renamed"), "by rename");
        File.WriteAllText(_temp.Combine("sentinel"), "");

        Assert.True(seenAll.Wait(TimeSpan.FromSeconds(30)));
        Assert.Equal("new", File.ReadAllText(packages));
        Assert.Equal("streamed", File.ReadAllText(listing));
        Assert.Equal("first", File.ReadAllText(_temp.Combine("fresh")));
        // Only Replace named its file for a moment: the check sees temporary names where they are.
        var temporary = created.Where(n => n.StartsWith("tmp", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Single(temporary);
        Assert.Equal(["fresh", "listings", "renamed", "sentinel", "snapshot", temporary[0]], created.Distinct().Order(StringComparer.Ordinal));
    }
}
