using Piuparts.Core.IO;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.IO;

// The cache's clock is set relative to the directory's own change time: "settled" is a second
// later, "racy" five milliseconds later, whatever the time the test runs.
public sealed class ListingCacheTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Logs => _temp.Combine("pass");

    private string CacheFile => _temp.Combine(ListingCache.FileName);

    private string Write(string name, string content)
    {
        Directory.CreateDirectory(Logs);
        var path = Path.Combine(Logs, name);
        File.WriteAllText(path, content);
        return path;
    }

    // Appends in place: the directory's change time stays as it was.
    private static void Append(string path, string text) => File.AppendAllText(path, text);

    private SetClock Settled() => new(SetClock.ChangedAt(Logs).AddSeconds(1));

    // One run: the directory listed with this clock, the cache written.
    private void ListAndSave(SetClock clock)
    {
        var cache = ListingCache.Open(CacheFile, clock);
        cache.List(Logs);
        cache.Save();
    }

    private static long SizeOf(IReadOnlyList<ListedEntry>? entries, string name) => entries!.Single(e => e.Name == name).Length;

    [Fact]
    public void A_directory_that_did_not_change_is_answered_from_the_kept_listing()
    {
        var log = Write("a_1.log", "abc");
        var clock = Settled();
        var first = ListingCache.Open(CacheFile, clock);
        Assert.Equal(3, SizeOf(first.List(Logs), "a_1.log"));
        first.Save();

        Append(log, "def");

        Assert.Equal(3, SizeOf(ListingCache.Open(CacheFile, clock).List(Logs), "a_1.log"));
        Assert.Equal(6, SizeOf(ListingCache.None.List(Logs), "a_1.log"));
    }

    [Fact]
    public void Long_and_non_ascii_names_are_kept_as_they_were_listed()
    {
        // Lengths of one and two bytes in the cache file, counted in UTF-8 bytes, not characters.
        string[] names = ["é_1.log", new string('x', 200) + "_1.log", string.Concat(Enumerable.Repeat("ü", 70)) + "_1.log"];
        foreach (var name in names)
            Write(name, "abc");
        var clock = Settled();
        ListAndSave(clock);

        foreach (var name in names)
            Append(Path.Combine(Logs, name), "def");

        var kept = ListingCache.Open(CacheFile, clock).List(Logs)!;
        Assert.Equal(names.Order(StringComparer.Ordinal), kept.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(names, name => Assert.Equal(3, SizeOf(kept, name)));
    }

    [Fact]
    public void A_file_added_removed_or_renamed_shows_at_once()
    {
        Write("a_1.log", "abc");
        Write("b_1.log", "abc");
        var clock = Settled();
        ListAndSave(clock);

        Write("c_1.log", "x");
        File.Delete(Path.Combine(Logs, "a_1.log"));
        File.Move(Path.Combine(Logs, "b_1.log"), Path.Combine(Logs, "b_2.log"));

        var names = ListingCache.Open(CacheFile, clock).List(Logs)!.Select(e => e.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["b_2.log", "c_1.log"], names);
    }

    [Fact]
    public void A_changed_directory_is_read_again_with_a_stat_call_only_for_its_new_and_replaced_files()
    {
        var inPlace = Write("a_1.log", "abc");
        Write("b_1.log", "abc");
        ListAndSave(Settled());

        Append(inPlace, "def");
        Write("c_1.log", "x");
        var replacement = _temp.Combine("b_1.log.tmp");
        File.WriteAllText(replacement, "abcdefgh");
        File.Move(replacement, Path.Combine(Logs, "b_1.log"), overwrite: true);

        var entries = ListingCache.Open(CacheFile, Settled()).List(Logs);

        // a_1.log's kept size stands: it was not stat-ed again.
        Assert.Equal(3, SizeOf(entries, "a_1.log"));
        Assert.Equal(8, SizeOf(entries, "b_1.log"));
        Assert.Equal(1, SizeOf(entries, "c_1.log"));
    }

    [Fact]
    public void Files_taken_from_a_kept_listing_are_stat_ed_again_one_day_after_it_was_read()
    {
        var inPlace = Write("a_1.log", "abc");
        var first = Settled();
        ListAndSave(first);
        Append(inPlace, "def");
        Write("b_1.log", "x");
        ListAndSave(Settled());

        var entries = ListingCache.Open(CacheFile, new SetClock(first.Now + ListingCache.MaxAge)).List(Logs);

        Assert.Equal(6, SizeOf(entries, "a_1.log"));
    }

    [Fact]
    public void A_listing_read_just_after_its_directory_changed_is_not_kept()
    {
        var log = Write("a_1.log", "abc");
        var clock = new SetClock(SetClock.ChangedAt(Logs).AddMilliseconds(5));
        ListAndSave(clock);

        // A change in the same clock tick could have left the directory's time as it was.
        Append(log, "def");

        Assert.Equal(6, SizeOf(ListingCache.Open(CacheFile, new SetClock(clock.Now.AddSeconds(10))).List(Logs), "a_1.log"));
    }

    [Fact]
    public void A_kept_listing_is_trusted_one_day_at_most()
    {
        var log = Write("a_1.log", "abc");
        var clock = Settled();
        ListAndSave(clock);
        Append(log, "def");

        var dayLater = new SetClock(clock.Now + ListingCache.MaxAge);

        Assert.Equal(6, SizeOf(ListingCache.Open(CacheFile, dayLater).List(Logs), "a_1.log"));
    }

    [Fact]
    public void A_listing_without_times_is_not_kept()
    {
        var log = Write("a_1.log", "abc");
        var clock = Settled();
        var first = ListingCache.Open(CacheFile, clock);
        Assert.Equal(0, SizeOf(first.List(Logs, times: false), "a_1.log"));
        first.Save();
        Append(log, "def");

        Assert.Equal(6, SizeOf(ListingCache.Open(CacheFile, clock).List(Logs), "a_1.log"));
    }

    [Fact]
    public void A_symbolic_link_to_a_directory_is_not_listed()
    {
        Write("a_1.log", "abc");
        Directory.CreateSymbolicLink(Path.Combine(Logs, "loop"), Logs);

        var entries = ListingCache.Open(CacheFile, Settled()).List(Logs)!;

        Assert.Equal(["a_1.log"], entries.Select(e => e.Name));
    }

    [Fact]
    public void A_missing_directory_lists_as_null()
    {
        Assert.Null(ListingCache.Open(CacheFile).List(_temp.Combine("nowhere")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("piuparts-site listings 3\n\u0001\u0000")]
    [InlineData("piuparts-site listings 3\n\u0000\u0000\u0000\u0000\u0001\u0000\u0000\u0000\u0007/nowhere")]
    [InlineData("not a listing cache at all")]
    public void A_damaged_cache_file_is_no_cache(string content)
    {
        Write("a_1.log", "abc");
        File.WriteAllText(CacheFile, content);

        var cache = ListingCache.Open(CacheFile, Settled());

        Assert.Equal(3, SizeOf(cache.List(Logs), "a_1.log"));
        cache.Save();
        Assert.Equal(3, SizeOf(ListingCache.Open(CacheFile, Settled()).List(Logs), "a_1.log"));
    }

    [Fact]
    public void A_cache_file_cut_short_is_no_cache()
    {
        var log = Write("a_1.log", "abc");
        var clock = Settled();
        ListAndSave(clock);
        var bytes = File.ReadAllBytes(CacheFile);
        File.WriteAllBytes(CacheFile, bytes[..^5]);
        Append(log, "def");

        Assert.Equal(6, SizeOf(ListingCache.Open(CacheFile, clock).List(Logs), "a_1.log"));
    }

    [Fact]
    public void Refreshing_reads_again_what_changed_since_it_was_listed_so_the_next_run_finds_it_kept()
    {
        Write("a_1.log", "abc");
        var clock = Settled();
        var cache = ListingCache.Open(CacheFile, clock);
        cache.List(Logs);
        var added = Write("b_1.log", "xy");
        clock.Now = SetClock.ChangedAt(Logs).AddSeconds(1);

        cache.RefreshChanged();
        cache.Save();
        Append(added, "z");

        Assert.Equal(2, SizeOf(ListingCache.Open(CacheFile, clock).List(Logs), "b_1.log"));
    }

    [Fact]
    public void Without_waiting_a_directory_changed_a_moment_ago_is_left_for_the_next_run_to_read()
    {
        Write("a_1.log", "abc");
        var clock = Settled();
        var cache = ListingCache.Open(CacheFile, clock);
        cache.List(Logs);
        var added = Write("b_1.log", "xy");
        // Within the margin a listing needs to be kept: with waiting, this would sleep it out.
        clock.Now = SetClock.ChangedAt(Logs).AddMilliseconds(5);

        cache.RefreshChanged(wait: false);
        cache.Save();
        Append(added, "z");
        clock.Now = SetClock.ChangedAt(Logs).AddSeconds(1);

        // Not kept, so read again: the appended byte shows.
        Assert.Equal(3, SizeOf(ListingCache.Open(CacheFile, clock).List(Logs), "b_1.log"));
    }

    [Fact]
    public void A_directory_of_thousands_of_new_files_is_listed_with_every_size_and_time()
    {
        // Enough files for their stat calls to be spread over the cores.
        Directory.CreateDirectory(Logs);
        for (int i = 0; i < 5000; i++)
            File.WriteAllText(Path.Combine(Logs, $"p{i}_1.log"), new string('x', i % 7));

        var entries = ListingCache.None.List(Logs)!;

        Assert.Equal(5000, entries.Count);
        foreach (var entry in entries)
        {
            var file = new FileInfo(Path.Combine(Logs, entry.Name));
            Assert.Equal(file.Length, entry.Length);
            Assert.Equal(file.LastWriteTimeUtc.Ticks, entry.ModifiedTicks);
        }
    }

    [Fact]
    public void A_mark_holds_until_one_of_its_directories_changes()
    {
        Write("a_1.log", "abc");
        var clock = Settled();
        var cache = ListingCache.Open(CacheFile, clock);
        cache.List(Logs);
        string[] directories = [Logs, _temp.Combine("missing")];

        Assert.True(cache.TryMark("checked", directories, list => list(Logs)!.Count == 1 && list(directories[1]) == null));
        cache.Save();

        Assert.True(ListingCache.Open(CacheFile, clock).IsMarked("checked", directories));
        Assert.False(ListingCache.Open(CacheFile, clock).IsMarked("other", directories));
        Assert.False(ListingCache.Open(CacheFile, clock).IsMarked("checked", [Logs]));
        Write("b_1.log", "x");
        Assert.False(ListingCache.Open(CacheFile, clock).IsMarked("checked", directories));
    }

    [Fact]
    public void A_mark_expires_with_the_oldest_listing_it_relies_on()
    {
        Write("a_1.log", "abc");
        var clock = Settled();
        var cache = ListingCache.Open(CacheFile, clock);
        cache.List(Logs);
        clock.Now += TimeSpan.FromHours(20);
        Assert.True(cache.TryMark("checked", [Logs], _ => true));
        cache.Save();

        clock.Now += TimeSpan.FromHours(4);

        Assert.False(ListingCache.Open(CacheFile, clock).IsMarked("checked", [Logs]));
    }

    [Fact]
    public void A_mark_is_not_made_when_its_check_fails_or_a_directory_has_no_kept_listing()
    {
        Write("a_1.log", "abc");
        var clock = Settled();
        var cache = ListingCache.Open(CacheFile, clock);

        Assert.False(cache.TryMark("checked", [Logs], _ => true));
        cache.List(Logs);
        Assert.False(cache.TryMark("checked", [Logs], _ => false));
        Assert.False(cache.IsMarked("checked", [Logs]));
        Assert.False(ListingCache.None.TryMark("checked", [Logs], _ => true));
    }
}
