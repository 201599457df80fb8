using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Piuparts.Core.KnownProblems;

/// <summary>
/// A log's bytes as piuparts' classifier sees them (known-problems.md §3): UTF-8 where
/// undecodable bytes become the four characters <c>\xNN</c> (Python's backslashreplace), and
/// line ends <c>\r\n</c> and <c>\r</c> read as <c>\n</c> (Python's text mode), which matters
/// for the offset-8 pre-check. Lines are split like Python's str.splitlines.
/// </summary>
public static class LogText
{
    private const string Hex = "0123456789abcdef";

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        char[] buffer = [];
        try
        {
            int length = Decode(bytes, ref buffer);
            return new string(buffer, 0, length);
        }
        finally
        {
            if (buffer.Length > 0)
                ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The lines of <paramref name="text"/> as str.splitlines gives them (no separators, no empty last line).</summary>
    public static LogLineEnumerator Lines(ReadOnlySpan<char> text) => new(text);

    /// <summary>
    /// Decodes into a buffer rented from the shared pool (replacing <paramref name="buffer"/>,
    /// which the caller returns when it is not empty); returns the length of the text.
    /// </summary>
    internal static int Decode(ReadOnlySpan<byte> bytes, ref char[] buffer)
    {
        // Valid UTF-8 never needs more characters than bytes; only \xNN escapes grow it.
        EnsureCapacity(ref buffer, 0, bytes.Length + 16);
        int written = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(bytes, buffer.AsSpan(written), out int read, out int wrote,
                replaceInvalidSequences: false, isFinalBlock: true);
            written += wrote;
            bytes = bytes[read..];
            if (status == OperationStatus.Done)
                break;
            if (status == OperationStatus.DestinationTooSmall)
            {
                EnsureCapacity(ref buffer, written, written + bytes.Length + 16);
                continue;
            }
            // Every byte of an ill-formed sequence is escaped on its own, so how the decoders
            // group them does not matter, only where the next valid character starts.
            Rune.DecodeFromUtf8(bytes, out _, out int invalid);
            invalid = Math.Max(invalid, 1);
            EnsureCapacity(ref buffer, written, written + invalid * 4 + bytes.Length + 16);
            foreach (byte b in bytes[..invalid])
            {
                buffer[written++] = '\\';
                buffer[written++] = 'x';
                buffer[written++] = Hex[b >> 4];
                buffer[written++] = Hex[b & 15];
            }
            bytes = bytes[invalid..];
        }
        return TranslateNewlines(buffer.AsSpan(0, written));
    }

    // Python's universal newlines: "\r\n" and a lone "\r" become "\n", in place.
    private static int TranslateNewlines(Span<char> text)
    {
        int next = text.IndexOf('\r');
        if (next < 0)
            return text.Length;
        int write = next;
        int read = next;
        while (read < text.Length)
        {
            char c = text[read++];
            if (c == '\r')
            {
                text[write++] = '\n';
                if (read < text.Length && text[read] == '\n')
                    read++;
                continue;
            }
            text[write++] = c;
        }
        return write;
    }

    private static void EnsureCapacity(ref char[] buffer, int used, int needed)
    {
        if (buffer.Length >= needed)
            return;
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, used).CopyTo(larger);
        if (buffer.Length > 0)
            ArrayPool<char>.Shared.Return(buffer);
        buffer = larger;
    }
}
