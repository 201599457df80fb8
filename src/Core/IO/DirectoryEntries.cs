using System.Runtime.InteropServices;
using System.Text;

namespace Piuparts.Core.IO;

/// <summary>
/// A directory's entries read with readdir(3), which gives each entry's inode number (.NET's
/// enumeration does not), and stat-ed only where asked: what lets <see cref="ListingCache"/>
/// read a changed directory of 30,000 logs again with a stat call per new file instead of one
/// per file.
/// </summary>
internal static class DirectoryEntries
{
    private const byte TypeDirectory = 4, TypeRegular = 8;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxMtimeAndSize = 0x40 | 0x200;
    // struct statx and struct dirent64 have the same layout on every Linux architecture.
    private const int StatxSize = 256, SizeOffset = 40, MtimeOffset = 112;
    private const int InodeOffset = 0, TypeOffset = 18, NameOffset = 19;
    private const int ENOENT = 2;

    // From how many files to stat a directory's files on every core.
    private const int ParallelStats = 4096;

    [DllImport("libc", SetLastError = true, EntryPoint = "opendir")]
    private static extern IntPtr OpenDir(string path);

    [DllImport("libc", SetLastError = true, EntryPoint = "readdir64")]
    private static extern IntPtr ReadDir(IntPtr directory);

    [DllImport("libc", EntryPoint = "closedir")]
    private static extern int CloseDir(IntPtr directory);

    [DllImport("libc", EntryPoint = "dirfd")]
    private static extern int DirFd(IntPtr directory);

    [DllImport("libc", SetLastError = true, EntryPoint = "statx")]
    private static extern unsafe int Statx(int directory, byte* path, int flags, uint mask, byte* buffer);

    /// <summary>
    /// The entries of <paramref name="path"/> with their inode numbers. A regular file's size and
    /// time are taken from <paramref name="previous"/> when it lists the same name with the same
    /// inode (the same file, unless it was deleted and a new one got its inode number: the
    /// caller leaves such names out of <paramref name="previous"/>), else from
    /// a stat call; without <paramref name="times"/> they are 0. Null when the directory cannot
    /// be read this way (it cannot be opened, a stat call fails, or an entry is neither a regular
    /// file nor a directory, whose link target or type only stat would tell): the caller then
    /// reads it the ordinary way.
    /// </summary>
    /// <param name="reused">How many entries were taken from <paramref name="previous"/>.</param>
    public static unsafe ListedEntry[]? List(string path, bool times, IReadOnlyDictionary<string, ListedEntry>? previous, out int reused)
    {
        reused = 0;
        var directory = OpenDir(path);
        if (directory == IntPtr.Zero)
            return null;
        try
        {
            int descriptor = DirFd(directory);
            var entries = new List<ListedEntry>(previous?.Count ?? 64);
            // Files to stat: their place in entries and their name as the C string statx takes.
            var pending = new List<(int Index, byte[] Name)>();
            while (true)
            {
                // The end and an error both give null; only errno tells them apart.
                Marshal.SetLastSystemError(0);
                var entry = (byte*)ReadDir(directory);
                if (entry == null)
                {
                    if (Marshal.GetLastPInvokeError() != 0)
                        return null;
                    break;
                }
                var nameBytes = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(entry + NameOffset);
                if (nameBytes is [(byte)'.'] or [(byte)'.', (byte)'.'])
                    continue;
                var name = Encoding.UTF8.GetString(nameBytes);
                ulong inode = *(ulong*)(entry + InodeOffset);
                switch (entry[TypeOffset])
                {
                    case TypeDirectory:
                        entries.Add(new ListedEntry(name, true, 0, 0, inode));
                        break;
                    case TypeRegular when !times:
                        entries.Add(new ListedEntry(name, false, 0, 0, inode));
                        break;
                    case TypeRegular when previous != null && previous.TryGetValue(name, out var known) && known.Inode == inode && inode != 0 && !known.IsDirectory:
                        entries.Add(known);
                        reused++;
                        break;
                    case TypeRegular:
                        var cName = new byte[nameBytes.Length + 1];
                        nameBytes.CopyTo(cName);
                        pending.Add((entries.Count, cName));
                        entries.Add(new ListedEntry(name, false, 0, 0, inode));
                        break;
                    default:
                        return null;
                }
            }
            if (pending.Count == 0)
                return [.. entries];
            var stated = new ListedEntry?[pending.Count];
            bool failed = false;
            void Stat(int from, int to)
            {
                byte* buffer = stackalloc byte[StatxSize];
                for (int i = from; i < to && !Volatile.Read(ref failed); i++)
                {
                    fixed (byte* name = pending[i].Name)
                    {
                        if (Statx(descriptor, name, AtSymlinkNoFollow, StatxMtimeAndSize, buffer) != 0)
                        {
                            // Removed since it was read: not listed, as if read a moment later.
                            if (Marshal.GetLastPInvokeError() != ENOENT)
                                Volatile.Write(ref failed, true);
                            continue;
                        }
                    }
                    long seconds = *(long*)(buffer + MtimeOffset);
                    uint nanoseconds = *(uint*)(buffer + MtimeOffset + 8);
                    // The ticks .NET's FileSystemEntry.LastWriteTimeUtc gives for the same time.
                    long ticks = DateTime.UnixEpoch.Ticks + seconds * TimeSpan.TicksPerSecond + nanoseconds / 100;
                    stated[i] = entries[pending[i].Index] with { Length = *(long*)(buffer + SizeOffset), ModifiedTicks = ticks };
                }
            }
            // A directory of tens of thousands of new files (a cold run over a section) is stat-ed
            // on every core: the calls are the kernel's work, most of such a run.
            int parts = pending.Count >= ParallelStats ? Environment.ProcessorCount : 1;
            if (parts > 1)
                Parallel.For(0, parts, part => Stat(pending.Count * part / parts, pending.Count * (part + 1) / parts));
            else
                Stat(0, pending.Count);
            if (failed)
                return null;
            bool anyRemoved = false;
            for (int i = 0; i < pending.Count; i++)
            {
                // A file removed since it was read is left out (an entry without a name).
                entries[pending[i].Index] = stated[i] ?? default;
                anyRemoved |= stated[i] == null;
            }
            return anyRemoved ? [.. entries.Where(e => e.Name != null)] : [.. entries];
        }
        finally
        {
            CloseDir(directory);
        }
    }
}
