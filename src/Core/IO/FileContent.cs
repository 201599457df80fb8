using System.Buffers;

namespace Piuparts.Core.IO;

/// <summary>What a file holds, compared without reading it whole.</summary>
public static class FileContent
{
    /// <summary>
    /// Whether <paramref name="path"/> exists and holds exactly <paramref name="bytes"/>. Read a
    /// block at a time: reading a 20 MB page whole would cost the garbage collector a full collection.
    /// </summary>
    public static bool Is(string path, ReadOnlySpan<byte> bytes)
    {
        var block = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            if (file.Length != bytes.Length)
                return false;
            for (int offset = 0; offset < bytes.Length;)
            {
                int read = file.Read(block, 0, Math.Min(block.Length, bytes.Length - offset));
                if (read == 0 || !block.AsSpan(0, read).SequenceEqual(bytes.Slice(offset, read)))
                    return false;
                offset += read;
            }
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }
}
