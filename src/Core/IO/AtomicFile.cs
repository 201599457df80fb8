using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Piuparts.Core.IO;

/// <summary>
/// Writes that a crash cannot leave half done: the content goes to a temporary file in the same
/// directory, which is then linked (create only) or renamed (replace) into place. On Linux the
/// temporary file has no name until it is complete (O_TMPFILE), so a process killed while
/// writing leaves nothing behind; elsewhere a "tmpXXXXXXXX" file may stay, as with piuparts.
/// </summary>
public static class AtomicFile
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_";

    private const int StreamBuffer = 64 * 1024;

    /// <summary>Creates <paramref name="path"/> with <paramref name="content"/> unless it exists; false when it did.</summary>
    public static bool TryCreate(string path, ReadOnlySpan<byte> content)
    {
        using (var unnamed = WriteUnnamed(path, content, flushToDisk: true))
        {
            if (unnamed != null)
                return NativeFile.TryLinkUnnamed(unnamed, path);
        }
        var temp = WriteTemp(path, content, flushToDisk: true);
        try
        {
            return NativeFile.TryLink(temp, path);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public static bool TryCreate(string path, string content) => TryCreate(path, Encoding.UTF8.GetBytes(content));

    /// <summary>
    /// Replaces (or creates) <paramref name="path"/> in one step. Without
    /// <paramref name="flushToDisk"/> the content is not forced to disk first: for caches that
    /// are cheap to recompute and written by the thousand.
    /// </summary>
    public static void Replace(string path, ReadOnlySpan<byte> content, bool flushToDisk = true)
    {
        string temp;
        // The complete unnamed file gets a temporary name only for the moment rename needs one.
        using (var unnamed = WriteUnnamed(path, content, flushToDisk))
            temp = unnamed != null ? LinkTemp(unnamed, path) : WriteTemp(path, content, flushToDisk);
        try
        {
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public static void Replace(string path, string content) => Replace(path, Encoding.UTF8.GetBytes(content));

    /// <summary>
    /// Like <see cref="Replace(string, ReadOnlySpan{byte}, bool)"/>, for what <paramref name="write"/>
    /// writes to a buffered stream: a file of megabytes (a cache, a listing) is not first made
    /// one array, which the collector would have to find room for and sweep.
    /// </summary>
    public static void Replace(string path, Action<Stream> write, bool flushToDisk = true)
    {
        string temp;
        var unnamed = NativeFile.TryCreateUnnamed(DirectoryOf(path));
        if (unnamed != null)
        {
            using (unnamed)
            {
                // Named while the stream (which closes the handle with it) is still open.
                using var stream = new FileStream(unnamed, FileAccess.Write, StreamBuffer);
                write(stream);
                stream.Flush(flushToDisk);
                temp = LinkTemp(unnamed, path);
            }
        }
        else
        {
            temp = NewTemp(path, out var stream);
            try
            {
                using (stream)
                {
                    write(stream);
                    stream.Flush(flushToDisk);
                }
            }
            catch
            {
                File.Delete(temp);
                throw;
            }
        }
        try
        {
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>
    /// Replaces a cache file, one whose absence only means "compute it again", without ever
    /// giving the new content another name: the old file is removed, then the complete unnamed
    /// one is named. A process killed in between leaves no file rather than a "tmpXXXXXXXX" one
    /// (<see cref="Replace(string, ReadOnlySpan{byte}, bool)"/> names the new file for the moment
    /// it renames it). Where unnamed files are not available this is that Replace.
    /// </summary>
    public static void ReplaceCache(string path, ReadOnlySpan<byte> content, bool flushToDisk = true)
    {
        using var unnamed = WriteUnnamed(path, content, flushToDisk);
        if (unnamed == null)
            Replace(path, content, flushToDisk);
        else
            NameInPlace(unnamed, path);
    }

    /// <summary>Like <see cref="ReplaceCache(string, ReadOnlySpan{byte}, bool)"/>, for what <paramref name="write"/> writes to a buffered stream.</summary>
    public static void ReplaceCache(string path, Action<Stream> write, bool flushToDisk = true)
    {
        var unnamed = NativeFile.TryCreateUnnamed(DirectoryOf(path));
        if (unnamed == null)
        {
            Replace(path, write, flushToDisk);
            return;
        }
        using (unnamed)
        {
            using var stream = new FileStream(unnamed, FileAccess.Write, StreamBuffer);
            write(stream);
            stream.Flush(flushToDisk);
            NameInPlace(unnamed, path);
        }
    }

    // Another writer may name its copy between the removal and the link: removed again, so the
    // last writer wins, as with rename.
    private static void NameInPlace(SafeFileHandle unnamed, string path)
    {
        do
        {
            File.Delete(path);
        }
        while (!NativeFile.TryLinkUnnamed(unnamed, path));
    }

    private static string DirectoryOf(string path) => Path.GetDirectoryName(Path.GetFullPath(path))!;

    // A file without a name in the directory of path, holding the content on disk; null where
    // the system or the filesystem has no unnamed files.
    private static SafeFileHandle? WriteUnnamed(string path, ReadOnlySpan<byte> content, bool flushToDisk)
    {
        var unnamed = NativeFile.TryCreateUnnamed(DirectoryOf(path));
        if (unnamed == null)
            return null;
        try
        {
            RandomAccess.Write(unnamed, content, fileOffset: 0);
            if (flushToDisk)
                RandomAccess.FlushToDisk(unnamed);
            return unnamed;
        }
        catch
        {
            unnamed.Dispose();
            throw;
        }
    }

    private static string LinkTemp(SafeFileHandle unnamed, string path)
    {
        while (true)
        {
            var temp = Path.Combine(DirectoryOf(path), "tmp" + RandomSuffix());
            if (NativeFile.TryLinkUnnamed(unnamed, temp))
                return temp;
        }
    }

    // "tmp" and eight random characters, the names Python's tempfile gives piuparts' temporary
    // logs, so cleanup jobs recognise leftovers of either implementation.
    private static string WriteTemp(string path, ReadOnlySpan<byte> content, bool flushToDisk)
    {
        var temp = NewTemp(path, out var stream);
        using (stream)
        {
            stream.Write(content);
            stream.Flush(flushToDisk);
        }
        return temp;
    }

    private static string NewTemp(string path, out FileStream stream)
    {
        var directory = DirectoryOf(path);
        while (true)
        {
            var temp = Path.Combine(directory, "tmp" + RandomSuffix());
            try
            {
                stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, StreamBuffer);
                return temp;
            }
            catch (IOException) when (File.Exists(temp))
            {
            }
        }
    }

    private static string RandomSuffix() =>
        string.Create(8, 0, (chars, _) =>
        {
            for (int i = 0; i < chars.Length; i++)
                chars[i] = Alphabet[Random.Shared.Next(Alphabet.Length)];
        });
}
