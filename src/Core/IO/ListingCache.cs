using System.IO.Enumeration;
using System.Runtime.InteropServices;
using System.Text;

namespace Piuparts.Core.IO;

/// <summary>
/// Directory listings (names, sizes, modification times) kept from one run to the next in a
/// cache file, so that a log directory that did not change is not read and stat-ed file by file
/// again: with nothing to do, a verb over 30,000 logs makes a few stat calls instead of 60,000.
/// </summary>
/// <remarks>
/// A kept listing is used only while its directory is the same inode with the same change time.
/// Adding, removing or renaming a file changes that time, and that is how logs come and go: the
/// master writes them by rename, piuparts-analyze and the report move them (piuparts' own master
/// trusts the directories' times the same way for its state cache). A listing is kept only when
/// its directory had been unchanged for a while before it was read (the racy-git rule: a change
/// in the same clock tick could leave the time as it was). A file changed in place under the same
/// name (a log appended to by hand) does not show, so a kept listing is trusted one day at most.
/// A changed directory is read again name by name with readdir(3), and only the files that are
/// new or replaced (another inode under the name) are stat-ed; the others keep their size and
/// time from the kept listing, and with them its age, so that every file is still stat-ed once a
/// day. (A file deleted and created again under its name often gets its old inode number back at
/// once, on ext4 always: a caller that deletes a file it may write again says so (Removed), and
/// that name is stat-ed; a name deleted and recreated by another program between two readings
/// can pass for the old file, for a day at most.)
/// </remarks>
public sealed class ListingCache
{
    /// <summary>The cache file's name in a section directory.</summary>
    public const string FileName = ".piuparts-site-listings";

    /// <summary>How long a kept listing, or a mark, is trusted at most.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    // How long a directory must have been unchanged before its listing is kept: two ticks of the
    // kernel's coarse clock (HZ=100) on file systems with nanosecond times, two seconds on those
    // with whole seconds (their times end in zero nanoseconds).
    private const long FineMargin = 20_000_000, CoarseMargin = 2_000_000_000;
    private const long NanosecondsPerTick = 100;
    private static readonly long MaxAgeNanoseconds = MaxAge.Ticks * NanosecondsPerTick;

    private static ReadOnlySpan<byte> Magic => "piuparts-site listings 3\n"u8;

    private readonly string? _file;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, KeptListing> _kept;
    private readonly Dictionary<string, Mark> _marks;
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    // Names removed through Removed since the cache was opened, by directory: never taken from a kept listing.
    private readonly Dictionary<string, HashSet<string>> _removed = new(StringComparer.Ordinal);
    private readonly object _lock = new();
    private bool _changed;

    private ListingCache(string? file, TimeProvider clock, Dictionary<string, KeptListing> kept, Dictionary<string, Mark> marks)
    {
        _file = file;
        _clock = clock;
        _kept = kept;
        _marks = marks;
    }

    /// <summary>No cache: every directory is read, nothing is kept.</summary>
    public static ListingCache None => new(null, TimeProvider.System, new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>The cache kept in a section directory (empty when its file is missing or unreadable).</summary>
    public static ListingCache Of(string sectionPath, TimeProvider? clock = null) =>
        Open(Path.Combine(sectionPath, FileName), clock);

    /// <summary>The cache kept in <paramref name="file"/> (empty when it is missing or unreadable).</summary>
    public static ListingCache Open(string file, TimeProvider? clock = null)
    {
        var (kept, marks) = Load(file);
        return new ListingCache(file, clock ?? TimeProvider.System, kept, marks);
    }

    /// <summary>
    /// The entries of <paramref name="directory"/> (not recursive, in no particular order), or
    /// null when it does not exist. Without <paramref name="times"/>, a directory that has to be
    /// read is not stat-ed file by file (its sizes and times are 0) and its listing is not kept.
    /// </summary>
    public IReadOnlyList<ListedEntry>? List(string directory, bool times = true)
    {
        lock (_lock)
            _asked.Add(directory);
        if (Identify(directory) is not { } identity)
        {
            Forget(directory);
            return null;
        }
        // Taken after the directory's time and before it is read: a change from here on gives it
        // a later time than the one kept.
        long now = Now;
        return KeptEntries(directory, identity, now) ?? Read(directory, identity, now, times);
    }

    /// <summary>
    /// Reads again every directory asked for since the cache was opened that changed since
    /// (by this run's own writes, mostly), first waiting out the clock margin a listing needs to be
    /// kept, so that the next run finds them kept. Nothing without a cache file. Without
    /// <paramref name="wait"/>, a directory changed less than the margin ago is left for the next
    /// run to read (with a stat call only for its new files): for the verbs that change a
    /// directory or two and need no mark, the wait would be most of their run.
    /// </summary>
    public void RefreshChanged(bool wait = true)
    {
        if (_file == null)
            return;
        string[] asked;
        lock (_lock)
            asked = _asked.Order(StringComparer.Ordinal).ToArray();
        foreach (var directory in asked)
        {
            if (Identify(directory) is not { } identity)
            {
                Forget(directory);
                continue;
            }
            long now = Now;
            if (KeptEntries(directory, identity, now) != null)
                continue;
            long remaining = identity.Changed + Margin(identity.Changed) - now;
            if (remaining >= 0)
            {
                if (!wait)
                    continue;
                Thread.Sleep(TimeSpan.FromTicks(remaining / NanosecondsPerTick + TimeSpan.TicksPerMillisecond));
                now = Now;
            }
            Read(directory, identity, now, times: true);
        }
    }

    /// <summary>
    /// Tells the cache that <paramref name="path"/> was deleted by its caller, which may write a
    /// new file under its name: a file created right after a deletion often gets the inode number
    /// the deleted one had (ext4 gives it back at once), so the kept entry of that name, matched
    /// by name and inode, would pass the old file's size and time for the new one's.
    /// </summary>
    public void Removed(string path)
    {
        var directory = Path.GetDirectoryName(path) ?? "";
        lock (_lock)
        {
            if (!_removed.TryGetValue(directory, out var names))
                _removed[directory] = names = new HashSet<string>(StringComparer.Ordinal);
            names.Add(Path.GetFileName(path));
        }
    }

    /// <summary>
    /// True when <paramref name="key"/> was marked (<see cref="TryMark"/>) on these directories
    /// and none of them changed since: whatever was found then holds now, without a listing read.
    /// </summary>
    public bool IsMarked(string key, IReadOnlyList<string> directories)
    {
        Mark? mark;
        lock (_lock)
            mark = _marks.GetValueOrDefault(key);
        long now = Now;
        if (mark == null || now < mark.MarkedAt || now - mark.MarkedAt >= MaxAgeNanoseconds || mark.Directories.Length != directories.Count)
            return false;
        for (int i = 0; i < directories.Count; i++)
        {
            if (mark.Directories[i].Directory != directories[i] || Identify(directories[i]) != mark.Directories[i].Identity)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Marks <paramref name="key"/> on these directories when every one of them has a kept
    /// listing of its present state (or does not exist) and <paramref name="holds"/> is true of
    /// those listings: <see cref="IsMarked"/> then answers for them until one changes. False when
    /// not marked.
    /// </summary>
    public bool TryMark(string key, IReadOnlyList<string> directories, Func<Func<string, IReadOnlyList<ListedEntry>?>, bool> holds)
    {
        if (_file == null)
            return false;
        long now = Now;
        // The mark is as old as the oldest listing it relies on, so it expires with it.
        long markedAt = now;
        var identities = new List<MarkedDirectory>();
        var listings = new Dictionary<string, IReadOnlyList<ListedEntry>?>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            var identity = Identify(directory);
            IReadOnlyList<ListedEntry>? entries = null;
            if (identity is { } present)
            {
                if ((entries = KeptEntries(directory, present, now)) == null)
                    return false;
                lock (_lock)
                    markedAt = Math.Min(markedAt, _kept[directory].ListedAt);
            }
            identities.Add(new MarkedDirectory(directory, identity));
            listings[directory] = entries;
        }
        if (!holds(directory => listings.TryGetValue(directory, out var entries)
                ? entries
                : throw new ArgumentException($"{directory} is not one of the marked directories")))
            return false;
        lock (_lock)
        {
            _marks[key] = new Mark(markedAt, [.. identities]);
            _changed = true;
        }
        return true;
    }

    /// <summary>
    /// Writes the listings and marks made since the cache was opened, atomically, dropping those
    /// older than <see cref="MaxAge"/>; nothing when there are none. A cache that cannot be
    /// written is left as it was: the next run reads the directories again.
    /// </summary>
    public void Save()
    {
        if (_file == null)
            return;
        lock (_lock)
        {
            if (!_changed)
                return;
            long oldest = Now - MaxAgeNanoseconds;
            foreach (var stale in _kept.Where(k => k.Value.ListedAt < oldest).Select(k => k.Key).ToList())
                _kept.Remove(stale);
            foreach (var stale in _marks.Where(m => m.Value.MarkedAt < oldest).Select(m => m.Key).ToList())
                _marks.Remove(stale);
            try
            {
                // Streamed: on full bookworm the file holds 35,000 entries.
                AtomicFile.ReplaceCache(_file, Serialize, flushToDisk: false);
                _changed = false;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    private long Now => (_clock.GetUtcNow().UtcTicks - DateTime.UnixEpoch.Ticks) * NanosecondsPerTick;

    private static DirectoryIdentity? Identify(string directory) =>
        NativeFile.Identity(directory) is { } found ? new DirectoryIdentity(found.Device, found.Inode, found.ChangedNanoseconds) : null;

    private static long Margin(long changed) => changed % 1_000_000_000 == 0 ? CoarseMargin : FineMargin;

    private IReadOnlyList<ListedEntry>? KeptEntries(string directory, DirectoryIdentity identity, long now)
    {
        lock (_lock)
        {
            return _kept.TryGetValue(directory, out var kept) && kept.Identity == identity
                   && now >= kept.ListedAt && now - kept.ListedAt < MaxAgeNanoseconds
                ? kept.TryEntries()
                : null;
        }
    }

    private ListedEntry[]? Read(string directory, DirectoryIdentity identity, long now, bool times)
    {
        ListedEntry[] entries;
        var (previous, previousAt) = times ? Previous(directory, identity, now) : (null, now);
        int reused = 0;
        try
        {
            entries = DirectoryEntries.List(directory, times, previous, out reused) ?? Enumerate(directory, times);
        }
        catch (DirectoryNotFoundException)
        {
            Forget(directory);
            return null;
        }
        if (_file != null && times && now - identity.Changed > Margin(identity.Changed))
        {
            lock (_lock)
            {
                // Entries taken from the kept listing are as old as it is.
                _kept[directory] = new KeptListing(identity, reused > 0 ? Math.Min(now, previousAt) : now, entries);
                _changed = true;
            }
        }
        // Otherwise a listing kept before stays: it no longer answers for the directory (its
        // change time is another), but its files can still spare stat calls at the next reading.
        return entries;
    }

    // The kept listing of a directory that changed since, by file name, while it is still
    // trusted: its files that are still there under the same inode need no stat call.
    private (Dictionary<string, ListedEntry>?, long ListedAt) Previous(string directory, DirectoryIdentity identity, long now)
    {
        ListedEntry[]? entries;
        long listedAt;
        lock (_lock)
        {
            if (!_kept.TryGetValue(directory, out var kept) || kept.Identity.Device != identity.Device
                || now < kept.ListedAt || now - kept.ListedAt >= MaxAgeNanoseconds)
                return (null, now);
            entries = kept.TryEntries();
            listedAt = kept.ListedAt;
        }
        if (entries == null)
            return (null, now);
        var byName = new Dictionary<string, ListedEntry>(entries.Length, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!entry.IsDirectory && entry.Inode != 0)
                byName[entry.Name] = entry;
        }
        lock (_lock)
        {
            foreach (var name in _removed.GetValueOrDefault(directory) ?? [])
                byName.Remove(name);
        }
        return (byName, listedAt);
    }

    private void Forget(string directory)
    {
        lock (_lock)
        {
            if (_kept.Remove(directory))
                _changed = true;
        }
    }

    private static ListedEntry[] Enumerate(string directory, bool times) =>
        new FileSystemEnumerable<ListedEntry>(directory,
            (ref FileSystemEntry entry) => entry.IsDirectory
                ? new ListedEntry(entry.FileName.ToString(), true, 0, 0)
                : times
                    ? new ListedEntry(entry.FileName.ToString(), false, entry.Length, entry.LastWriteTimeUtc.UtcTicks)
                    : new ListedEntry(entry.FileName.ToString(), false, 0, 0),
            new EnumerationOptions { AttributesToSkip = 0 })
        {
            // A symbolic link to a directory is neither a file nor a directory to descend into
            // (find does not follow it, and a link to a parent would never end).
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                !(entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) != 0),
        }.ToArray();

    // The file: the magic line, the marks, then the listings, each listing's entries as one
    // block with its length in front, so that a run reads only the blocks it uses.
    private void Serialize(Stream stream)
    {
        stream.Write(Magic);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(_marks.Count);
        foreach (var (key, mark) in _marks.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write(mark.MarkedAt);
            writer.Write(mark.Directories.Length);
            foreach (var marked in mark.Directories)
            {
                writer.Write(marked.Directory);
                writer.Write(marked.Identity.HasValue);
                if (marked.Identity is { } present)
                    Write(writer, present);
            }
        }
        writer.Write(_kept.Count);
        foreach (var (directory, listing) in _kept.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            writer.Write(directory);
            Write(writer, listing.Identity);
            writer.Write(listing.ListedAt);
            listing.WriteBlock(writer);
        }
        writer.Flush();
    }

    private static void Write(BinaryWriter writer, DirectoryIdentity identity)
    {
        writer.Write(identity.Device);
        writer.Write(identity.Inode);
        writer.Write(identity.Changed);
    }

    private static (Dictionary<string, KeptListing>, Dictionary<string, Mark>) Load(string file)
    {
        var kept = new Dictionary<string, KeptListing>(StringComparer.Ordinal);
        var marks = new Dictionary<string, Mark>(StringComparer.Ordinal);
        try
        {
            var bytes = File.ReadAllBytes(file);
            if (!bytes.AsSpan().StartsWith(Magic))
                return (kept, marks);
            var stream = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true) { Position = Magic.Length };
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            int markCount = Count(reader, bytes.Length);
            for (int i = 0; i < markCount; i++)
            {
                var key = reader.ReadString();
                long markedAt = reader.ReadInt64();
                var directories = new MarkedDirectory[Count(reader, bytes.Length)];
                for (int j = 0; j < directories.Length; j++)
                    directories[j] = new MarkedDirectory(reader.ReadString(), reader.ReadBoolean() ? ReadIdentity(reader) : null);
                marks[key] = new Mark(markedAt, directories);
            }
            int listingCount = Count(reader, bytes.Length);
            for (int i = 0; i < listingCount; i++)
            {
                var directory = reader.ReadString();
                var identity = ReadIdentity(reader);
                long listedAt = reader.ReadInt64();
                int length = Count(reader, bytes.Length);
                int offset = (int)stream.Position;
                if (offset + length > bytes.Length)
                    throw new EndOfStreamException();
                stream.Position = offset + length;
                kept[directory] = new KeptListing(identity, listedAt, new ReadOnlyMemory<byte>(bytes, offset, length));
            }
            if (stream.Position != bytes.Length)
                throw new FormatException("damaged listing cache");
            return (kept, marks);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            // A cache that cannot be read is no cache: every directory is read again.
            return (new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        }
    }

    private static DirectoryIdentity ReadIdentity(BinaryReader reader) =>
        new(reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadInt64());

    // A count no larger than the file could hold: a damaged one must not allocate gigabytes.
    private static int Count(BinaryReader reader, int fileLength)
    {
        int count = reader.ReadInt32();
        return count >= 0 && count <= fileLength ? count : throw new FormatException("damaged listing cache");
    }

    private readonly record struct DirectoryIdentity(ulong Device, ulong Inode, long Changed);

    private sealed record Mark(long MarkedAt, MarkedDirectory[] Directories);

    // A class, not a tuple: shared generic code is compiled ahead of time, a tuple's is not.
    private sealed record MarkedDirectory(string Directory, DirectoryIdentity? Identity);

    // A kept listing; its entries are decoded from the file's block the first time they are used.
    private sealed class KeptListing
    {
        private ListedEntry[]? _entries;
        private ReadOnlyMemory<byte> _block;

        public KeptListing(DirectoryIdentity identity, long listedAt, ListedEntry[] entries)
        {
            Identity = identity;
            ListedAt = listedAt;
            _entries = entries;
        }

        public KeptListing(DirectoryIdentity identity, long listedAt, ReadOnlyMemory<byte> block)
        {
            Identity = identity;
            ListedAt = listedAt;
            _block = block;
        }

        public DirectoryIdentity Identity { get; }

        public long ListedAt { get; }

        // Decoded under the cache's lock; null for a damaged block, whose directory is then read anew.
        public ListedEntry[]? TryEntries()
        {
            try
            {
                return _entries ??= Decode(_block);
            }
            catch (Exception e) when (e is IOException or FormatException or ArgumentException)
            {
                return null;
            }
        }

        /// <summary>Writes the entries' block with its length in front: as it was read, or encoded from the entries.</summary>
        public void WriteBlock(BinaryWriter writer)
        {
            if (_entries == null || !_block.IsEmpty)
            {
                writer.Write(_block.Length);
                writer.Write(_block.Span);
                return;
            }
            // The length is counted first, so the block goes straight to the file.
            int length = sizeof(int) + _entries.Sum(e => StringLength(e.Name) + sizeof(bool) + 2 * sizeof(long) + sizeof(ulong));
            writer.Write(length);
            long start = writer.BaseStream.Position;
            writer.Write(_entries.Length);
            foreach (var entry in _entries)
            {
                writer.Write(entry.Name);
                writer.Write(entry.IsDirectory);
                writer.Write(entry.Length);
                writer.Write(entry.ModifiedTicks);
                writer.Write(entry.Inode);
            }
            if (writer.BaseStream.Position - start != length)
                throw new InvalidOperationException("listing block length miscounted");
        }

        // What BinaryWriter.Write(string) writes: the UTF-8 length, 7 bits per byte, then the bytes.
        private static int StringLength(string text)
        {
            int bytes = Encoding.UTF8.GetByteCount(text);
            int prefix = 1;
            for (uint rest = (uint)bytes >> 7; rest != 0; rest >>= 7)
                prefix++;
            return prefix + bytes;
        }

        private static ListedEntry[] Decode(ReadOnlyMemory<byte> block)
        {
            var bytes = MemoryMarshal.TryGetArray(block, out var segment) ? segment : new ArraySegment<byte>(block.ToArray());
            using var reader = new BinaryReader(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), Encoding.UTF8);
            var entries = new ListedEntry[Count(reader, block.Length)];
            for (int i = 0; i < entries.Length; i++)
                entries[i] = new ListedEntry(reader.ReadString(), reader.ReadBoolean(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadUInt64());
            return reader.BaseStream.Position == bytes.Count ? entries : throw new FormatException("damaged listing cache");
        }
    }
}
